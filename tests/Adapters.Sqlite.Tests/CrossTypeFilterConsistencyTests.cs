using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>
/// The root search's filters and sorts, parsed for each type with both types searched (a name of the other type is
/// unassigned): SQLite returns exactly the records, in exactly the order, that the Core evaluator and comparer give.
/// </summary>
public sealed class CrossTypeFilterConsistencyTests : IAsyncLifetime
{
    private static readonly Tenant Tenant = Tenants.AProduction;
    private static readonly ScimResourceType[] Both = [ScimResourceType.User, ScimResourceType.Group];
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    public static TheoryData<string> Filters =>
    [
        "userName sw \"a\"",
        "not (userName pr)",
        "userName ne \"ann\"",
        "userName eq null",
        "emails[type eq \"work\"]",
        "not (emails[type eq \"work\" and value co \"x\"])",
        "emails.value ew \"example\" or displayName co \"s\"",
        "name.familyName pr",
        "groups.value pr",
        "groups[display sw \"S\"]",
        "not (groups pr)",
        "members.value pr",
        "members[type eq \"User\"]",
        "not (members[type eq \"User\"])",
        "members.display co \"a\"",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"R&D\"",
        "not (urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department pr)",
        "urn:ietf:params:scim:schemas:core:2.0:Group:displayName sw \"s\"",
        "urn:ietf:params:scim:schemas:core:2.0:User:displayName sw \"s\"",
        "displayName sw \"s\" and not (members pr)",
        "title eq \"Sales\" or displayName eq \"Sales\"",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_type_answers_a_root_filter_as_the_evaluator_does(string text)
    {
        var store = await SeedAsync();
        foreach (var type in Both)
        {
            var all = (await QueryAsync(store, type, null, null)).Resources;
            var filter = ScimFilterParser.Parse(text, type, Both);

            var page = await QueryAsync(store, type, filter, null);

            page.Resources.Select(r => r.Id).Should().BeEquivalentTo(all.Where(r => ScimFilterEvaluator.Matches(filter, r)).Select(r => r.Id), $"{type}: {text}");
        }
    }

    [Theory]
    [InlineData("userName")]
    [InlineData("displayName")]
    [InlineData("emails")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName")]
    [InlineData("externalId")]
    public async Task Each_type_sorts_by_a_root_sortBy_as_the_comparer_does(string sortBy)
    {
        var store = await SeedAsync();
        foreach (var type in Both)
        {
            foreach (var descending in new[] { false, true })
            {
                var sort = new SortSpecification(ScimFilterParser.ParseAttributePath(sortBy, type, Both), descending);
                var expected = (await QueryAsync(store, type, null, null)).Resources.ToList();
                expected.Sort(ScimSortComparer.For(sort));

                var page = await QueryAsync(store, type, null, sort);

                page.Resources.Select(r => r.Id).Should().Equal(expected.Select(r => r.Id), $"{type} by {sortBy}{(descending ? " descending" : "")}");
            }
        }
    }

    private static Task<ScimQueryPage> QueryAsync(PersistencePorts store, ScimResourceType type, FilterNode? filter, SortSpecification? sort) =>
        store.Resources.QueryAsync(Tenant, type, new ScimQuery(filter, sort, 1, 1000, ResourceLoadOptions.Full), CancellationToken.None);

    /// <summary>Users with and without the attributes the filters name; groups with and without members; a twin tenant.</summary>
    private async Task<PersistencePorts> SeedAsync()
    {
        var store = await file.OpenStoreAsync();
        var records = new ScimRecords(store, file.Time);
        var ann = await records.CreateUserAsync(Tenant, "ann", new JsonObject
        {
            ["displayName"] = "Sales Ann", ["title"] = "Sales",
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "ann@x.example", ["type"] = "work" }),
            ["name"] = new JsonObject { ["familyName"] = "Archer" },
            [ScimRecords.EnterpriseUrn] = new JsonObject { ["department"] = "R&D" },
        });
        var bob = await records.CreateUserAsync(Tenant, "bob", new JsonObject
        {
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "bob@home.example", ["type"] = "home" }), ["externalId"] = "b",
        });
        var amy = await records.CreateUserAsync(Tenant, "amy", new JsonObject { ["displayName"] = "Amy" });
        var sales = await records.CreateGroupAsync(Tenant, "Sales", ann.Id, bob.Id);
        await records.CreateGroupAsync(Tenant, "Staff", sales.Id, amy.Id);
        await records.CreateGroupAsync(Tenant, "sandbox");
        await records.CreateUserAsync(Tenants.BProduction, "ann", new JsonObject { ["displayName"] = "Sales Ann" });
        return store;
    }
}
