using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>Filter values are parameters: SQL in a value is just a string that matches nothing.</summary>
public sealed class FilterValueSafetyTests : IAsyncLifetime
{
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Theory]
    [InlineData("x' OR 1=1 --")]
    [InlineData("\") OR 1=1; DROP TABLE scim_resources; --")]
    [InlineData("$.userName")]
    public async Task A_value_full_of_sql_matches_only_itself(string hostile)
    {
        var store = await file.OpenStoreAsync();
        var records = new ScimRecords(store, file.Time);
        await records.CreateUserAsync(Tenants.AProduction, "ann");
        await records.CreateUserAsync(Tenants.AProduction, hostile);

        foreach (var filter in new[] { Eq("userName", hostile), Co("userName", hostile), Eq("emails.value", hostile), Where("emails", Eq("emails.type", hostile)) })
        {
            var page = await store.Resources.QueryAsync(Tenants.AProduction, ScimResourceType.User,
                new ScimQuery(filter, null, 1, 10, ResourceLoadOptions.DocumentOnly), CancellationToken.None);
            page.Resources.Select(r => r.Attributes["userName"]!.GetValue<string>()).Should().BeSubsetOf([hostile]);
        }

        var all = await store.Resources.QueryAsync(Tenants.AProduction, ScimResourceType.User,
            new ScimQuery(null, null, 1, 10, ResourceLoadOptions.DocumentOnly), CancellationToken.None);
        all.TotalResults.Should().Be(2);
    }
}
