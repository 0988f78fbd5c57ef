using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>The lookups identity providers make before every write run on indexes, not on a scan of the tenant.</summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    private async Task<string> PlanAsync(ScimResourceType type, FilterNode filter) =>
        await PlanAsync(type, new ScimQuery(filter, null, 1, 10, ResourceLoadOptions.DocumentOnly), page: false);

    private async Task<string> PlanAsync(ScimResourceType type, ScimQuery query, bool page)
    {
        var sql = ScimQuerySql.Build(Tenants.AProduction, type, query);
        await using var connection = await file.OpenConnectionAsync();
        var plan = await connection.ListAsync("EXPLAIN QUERY PLAN " + (page ? sql.PageSql : sql.CountSql), r => r.GetString(3), CancellationToken.None, [.. sql.Parameters]);
        return string.Join('\n', plan);
    }

    [Fact]
    public async Task UserName_eq_uses_the_folded_unique_index()
    {
        (await PlanAsync(ScimResourceType.User, Eq("userName", "Ann"))).Should().Contain("USING INDEX ux_scim_users_user_name");
    }

    [Fact]
    public async Task Group_displayName_eq_uses_a_folded_index()
    {
        (await PlanAsync(ScimResourceType.Group, Eq("displayName", "Admins"))).Should().MatchRegex("USING (COVERING )?INDEX (ux_scim_groups_display_name|ix_scim_display_name)");
    }

    [Fact]
    public async Task ExternalId_eq_uses_its_index()
    {
        (await PlanAsync(ScimResourceType.User, Eq("externalId", "ext-1"))).Should().Contain("USING INDEX ix_scim_external_id");
    }

    [Fact]
    public async Task Email_lookups_start_from_the_email_index_in_both_forms()
    {
        var entraForm = Where("emails", And(Eq("emails.type", "work"), Eq("emails.value", "ann@example.com")));

        foreach (var filter in new[] { Eq("emails.value", "ann@example.com"), entraForm })
        {
            var plan = await PlanAsync(ScimResourceType.User, filter);
            plan.Should().Contain("SEARCH ev USING PRIMARY KEY (organization_id=? AND environment=? AND value_fold=?)")
                .And.Contain("SEARCH r USING INDEX sqlite_autoindex_scim_resources_1 (organization_id=? AND environment=? AND id=?)");
        }
    }

    [Fact]
    public async Task FamilyName_eq_and_sw_use_its_folded_index()
    {
        (await PlanAsync(ScimResourceType.User, Eq("name.familyName", "Smith"))).Should().Contain("USING INDEX ix_scim_users_family_name");
        (await PlanAsync(ScimResourceType.User, Sw("name.familyName", "Sm"))).Should().MatchRegex(
            "USING INDEX ix_scim_users_family_name \\(organization_id=\\? AND environment=\\? AND <expr>>\\? AND <expr><\\?\\)");
    }

    [Fact]
    public async Task UserName_sw_is_a_range_of_the_userName_index()
    {
        (await PlanAsync(ScimResourceType.User, Sw("userName", "ann"))).Should().Contain("USING INDEX ux_scim_users_user_name (organization_id=? AND environment=? AND <expr>>? AND <expr><?)");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(90_001)]
    public async Task Pages_sorted_by_userName_are_read_in_order_from_the_sort_index_without_sorting(int startIndex)
    {
        var query = new ScimQuery(null, new SortSpecification(Path("userName"), Descending: false), startIndex, 1000, ResourceLoadOptions.DocumentOnly);

        var plan = await PlanAsync(ScimResourceType.User, query, page: true);

        plan.Should().Contain("USING INDEX ix_scim_users_sort_user_name (organization_id=? AND environment=?)").And.NotContain("TEMP B-TREE");
    }

    [Fact]
    public async Task Pages_sorted_by_userName_descending_use_the_sort_index_and_sort_only_ties()
    {
        var query = new ScimQuery(null, new SortSpecification(Path("userName"), Descending: true), 1, 100, ResourceLoadOptions.DocumentOnly);

        var plan = await PlanAsync(ScimResourceType.User, query, page: true);

        plan.Should().Contain("ix_scim_users_sort_user_name").And.NotContain("USE TEMP B-TREE FOR ORDER BY");
    }

    [Fact]
    public async Task MembersValue_eq_uses_the_by_member_index()
    {
        (await PlanAsync(ScimResourceType.Group, Eq("members.value", "user-1"))).Should().Contain("ix_scim_memberships_member");
    }

    [Fact]
    public async Task LastModified_ranges_use_their_index()
    {
        (await PlanAsync(ScimResourceType.User, Gt("meta.lastModified", "2026-01-01T00:00:00.0000000Z"))).Should().Contain("ix_scim_last_modified");
    }

    [Fact]
    public async Task No_filter_never_reads_other_tenants_rows()
    {
        var sql = ScimQuerySql.Build(Tenants.AProduction, ScimResourceType.User, new ScimQuery(null, null, 1, 10, ResourceLoadOptions.DocumentOnly));
        await using var connection = await file.OpenConnectionAsync();
        var plan = await connection.ListAsync("EXPLAIN QUERY PLAN " + sql.CountSql, r => r.GetString(3), CancellationToken.None, [.. sql.Parameters]);

        plan.Should().ContainSingle().Which.Should().MatchRegex("SEARCH r USING .*INDEX .* \\(organization_id=\\? AND environment=\\?");
    }

    [Theory]
    [InlineData(ScimSeekDirection.Forward, ">")]
    [InlineData(ScimSeekDirection.Backward, "<")]
    public async Task A_cursor_seek_in_the_default_order_reads_the_creation_index_from_the_position(ScimSeekDirection direction, string beyond)
    {
        var position = new ScimSortPosition("2026-03-02T09:30:00.0000000Z", "some-id");
        var seek = new ScimSeek(direction, position);
        var sql = ScimQuerySql.Build(Tenants.AProduction, ScimResourceType.User, new ScimQuery(null, null, 1, 10, ResourceLoadOptions.DocumentOnly, seek));
        var order = direction == ScimSeekDirection.Forward ? sql.Order : sql.Order.Reversed;

        var page = await PlanAsync(ScimKeysetPaging.PageSql(sql, seek, 11));
        var otherSide = await PlanAsync(ScimKeysetPaging.ExistsSql(sql, order.Reversed, position));

        static string Search(string index, string op) =>
            $"SEARCH r USING {index} ix_scim_created (organization_id=? AND environment=? AND resource_type=? AND (created,id){op}(?,?))";
        page.Should().Contain(Search("INDEX", beyond)).And.NotContain("TEMP B-TREE", "the index already holds the rows in the page's order");
        otherSide.Should().Contain(Search("COVERING INDEX", beyond == ">" ? "<" : ">"));
    }

    [Theory]
    [InlineData(ScimSeekDirection.Forward, false)]
    [InlineData(ScimSeekDirection.Backward, false)]
    [InlineData(ScimSeekDirection.Forward, true)]
    public async Task A_cursor_seek_sorted_by_userName_reads_the_sort_index_in_order(ScimSeekDirection direction, bool descending)
    {
        var seek = new ScimSeek(direction, new ScimSortPosition("MARY@EXAMPLE.COM", "some-id"));
        var sort = new SortSpecification(Path("userName"), descending);
        var sql = ScimQuerySql.Build(Tenants.AProduction, ScimResourceType.User, new ScimQuery(null, sort, 1, 10, ResourceLoadOptions.DocumentOnly, seek));

        var page = await PlanAsync(ScimKeysetPaging.PageSql(sql, seek, 11));

        page.Should().Contain("ix_scim_users_sort_user_name").And.NotContain("USE TEMP B-TREE FOR ORDER BY", "the index gives the walk's order");
    }

    private async Task<string> PlanAsync((string Sql, (string Name, object? Value)[] Parameters) statement)
    {
        await using var connection = await file.OpenConnectionAsync();
        return string.Join('\n', await connection.ListAsync("EXPLAIN QUERY PLAN " + statement.Sql, r => r.GetString(3), CancellationToken.None, statement.Parameters));
    }
}
