using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// Sorting in the store (folded per caseExact, code-point order, missing keys last ascending and first descending, ties
/// by id), stable order without sortBy (created, then id), 1-based paging, count 0 for the total only.
/// </summary>
public abstract class QueryPagingAndSortContract : PersistenceContract
{
    private static readonly Core.Tenancy.Tenant Tenant = Tenants.AProduction;
    private readonly Dictionary<string, ScimResourceRecord> users = [];

    private ScimRecords Records => new(Store, Time);

    protected override async Task SeedAsync()
    {
        static JsonObject Email(string value, bool? primary = null) =>
            primary is null ? new JsonObject { ["value"] = value } : new JsonObject { ["value"] = value, ["primary"] = primary };

        var seed = new (string UserName, JsonObject More)[]
        {
            ("delta", new JsonObject { ["title"] = "a" }),
            ("Alpha", new JsonObject { ["title"] = "b", ["emails"] = new JsonArray(Email("z@x.example", false), Email("a@x.example", true)) }),
            ("charlie", new JsonObject()),
            ("Bravo", new JsonObject { ["title"] = "a", ["emails"] = new JsonArray(Email("m@x.example"), Email("b@x.example")) }),
            ("echo", new JsonObject { ["title"] = "" }),
        };
        foreach (var (userName, more) in seed)
        {
            users[userName] = await Records.CreateUserAsync(Tenant, userName, more);
        }
    }

    private async Task<(string[] Names, int Total)> QueryAsync(SortSpecification? sort, int start = 1, int count = 100, FilterNode? filter = null)
    {
        var page = await Store.Resources.QueryAsync(Tenant, ScimResourceType.User, new ScimQuery(filter, sort, start, count, ResourceLoadOptions.DocumentOnly), None);
        return (page.Resources.Select(r => r.Attributes["userName"]!.GetValue<string>()).ToArray(), page.TotalResults);
    }

    private static SortSpecification Sort(string path, bool descending = false) => new(Path(path), descending);

    private string[] ById(params string[] names) => [.. names.OrderBy(n => users[n].Id, StringComparer.Ordinal)];

    [Fact]
    public async Task Without_sortBy_results_come_in_creation_order()
    {
        (await QueryAsync(null)).Names.Should().Equal("delta", "Alpha", "charlie", "Bravo", "echo");
    }

    [Fact]
    public async Task Sorting_by_userName_folds_case_both_ways()
    {
        (await QueryAsync(Sort("userName"))).Names.Should().Equal("Alpha", "Bravo", "charlie", "delta", "echo");
        (await QueryAsync(Sort("userName", descending: true))).Names.Should().Equal("echo", "delta", "charlie", "Bravo", "Alpha");
    }

    [Fact]
    public async Task Missing_and_empty_keys_sort_last_ascending_and_first_descending_with_ties_by_id()
    {
        string[] ascending = [.. ById("delta", "Bravo"), "Alpha", .. ById("charlie", "echo")];
        string[] descending = [.. ById("charlie", "echo"), "Alpha", .. ById("delta", "Bravo")];

        (await QueryAsync(Sort("title"))).Names.Should().Equal(ascending);
        (await QueryAsync(Sort("title", descending: true))).Names.Should().Equal(descending);
    }

    [Fact]
    public async Task A_multi_valued_attribute_sorts_by_its_primary_else_first_element()
    {
        // Alpha's primary email is a@…, Bravo has no primary so its first email m@… counts.
        string[] expected = ["Alpha", "Bravo", .. ById("delta", "charlie", "echo")];

        (await QueryAsync(Sort("emails.value"))).Names.Should().Equal(expected);
        (await QueryAsync(Sort("emails"))).Names.Should().Equal(expected, "a complex attribute sorts by its value sub-attribute");
    }

    [Fact]
    public async Task Sorting_by_meta_created_descending_reverses_creation()
    {
        (await QueryAsync(Sort("meta.created", descending: true))).Names.Should().Equal("echo", "Bravo", "charlie", "Alpha", "delta");
    }

    [Fact]
    public async Task Pages_are_one_based_slices_of_the_sorted_result_with_the_full_total()
    {
        (await QueryAsync(Sort("userName"), start: 2, count: 2)).Should().BeEquivalentTo((new[] { "Bravo", "charlie" }, 5));
        (await QueryAsync(Sort("userName"), start: 5, count: 2)).Should().BeEquivalentTo((new[] { "echo" }, 5));
        (await QueryAsync(Sort("userName"), start: 6, count: 2)).Should().BeEquivalentTo((Array.Empty<string>(), 5));
    }

    [Fact]
    public async Task Count_zero_returns_only_the_total()
    {
        (await QueryAsync(null, count: 0)).Should().BeEquivalentTo((Array.Empty<string>(), 5));
    }

    [Fact]
    public async Task The_total_counts_every_match_of_the_filter_not_the_page()
    {
        (await QueryAsync(Sort("userName"), count: 1, filter: Pr("title"))).Should().BeEquivalentTo((new[] { "Alpha" }, 3));
    }

    [Fact]
    public async Task Ties_without_sortBy_break_by_id()
    {
        var at = Time.GetUtcNow().AddDays(1);
        var twins = new[] { Records.User("twin1"), Records.User("twin2"), Records.User("twin3") }
            .Select(u => u with { Created = at, LastModified = at }).ToList();
        foreach (var twin in twins)
        {
            await Records.CreateAsync(Tenant, twin);
        }

        var names = (await QueryAsync(null, filter: Sw("userName", "twin"))).Names;

        names.Should().Equal(twins.OrderBy(t => t.Id, StringComparer.Ordinal).Select(t => t.Attributes["userName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Query_results_carry_edges_when_asked()
    {
        var group = await Records.CreateGroupAsync(Tenant, "All", users["Alpha"].Id, users["echo"].Id);
        var query = new ScimQuery(null, null, 1, 10, ResourceLoadOptions.Full);

        var groups = await Store.Resources.QueryAsync(Tenant, ScimResourceType.Group, query, None);
        var alpha = await Store.Resources.QueryAsync(Tenant, ScimResourceType.User, query with { Filter = Eq("userName", "alpha") }, None);

        groups.Resources.Single().Members.Select(m => m.Value).Should().BeEquivalentTo([users["Alpha"].Id, users["echo"].Id]);
        alpha.Resources.Single().Groups.Should().Equal(new MemberReference(group.Id, ScimResourceType.Group, "All"));
    }
}
