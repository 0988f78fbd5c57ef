using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Sqlite.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary><c>sw</c> is also emitted as an index range; the range's upper end must never cut off a match.</summary>
public sealed class PrefixRangeTests : IAsyncLifetime
{
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Theory]
    [InlineData("ab", "ac")]
    [InlineData("a\uD7FF", "a\uE000")] // past the surrogate block
    [InlineData("a\U0001F600", "a\U0001F601")] // a code point, not a UTF-16 unit, is raised
    [InlineData("a\U0010FFFF", "b")]
    public void The_successor_raises_the_last_code_point(string prefix, string successor)
    {
        PrefixRange.Successor(prefix).Should().Be(successor);
    }

    [Fact]
    public void An_unpaired_surrogate_counts_as_the_U_FFFD_that_SQLite_receives()
    {
        // Built in code: attribute arguments cannot carry an unpaired surrogate.
        PrefixRange.Successor("a" + (char)0xD800).Should().Be("a\uFFFE");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\U0010FFFF\U0010FFFF")]
    public void A_prefix_without_successor_has_no_upper_end(string prefix)
    {
        PrefixRange.Successor(prefix).Should().BeNull();
    }

    [Fact]
    public async Task Sw_keeps_every_value_at_the_edges_of_the_range()
    {
        var store = await file.OpenStoreAsync();
        var records = new ScimRecords(store, file.Time);
        string[] families = ["A", "a", "a\uFFFF", "a\U0010FFFF", "a\U0010FFFFz", "ab", "b", "\u00E0", "`"];
        foreach (var family in families)
        {
            await records.CreateUserAsync(Tenants.AProduction, $"user-{Array.IndexOf(families, family)}", new JsonObject { ["name"] = new JsonObject { ["familyName"] = family } });
        }

        var matched = await FamiliesAsync(store, Sw("name.familyName", "a"));
        var matchedAstral = await FamiliesAsync(store, Sw("name.familyName", "a\U0010FFFF"));

        matched.Should().BeEquivalentTo("A", "a", "a\uFFFF", "a\U0010FFFF", "a\U0010FFFFz", "ab");
        matchedAstral.Should().BeEquivalentTo("a\U0010FFFF", "a\U0010FFFFz");
    }

    private static async Task<string[]> FamiliesAsync(PersistencePorts store, Core.Scim.Filtering.FilterNode filter)
    {
        var page = await store.Resources.QueryAsync(
            Tenants.AProduction, ScimResourceType.User, new ScimQuery(filter, null, 1, 100, ResourceLoadOptions.DocumentOnly), CancellationToken.None);
        return [.. page.Resources.Select(r => r.Attributes["name"]!["familyName"]!.GetValue<string>())];
    }
}
