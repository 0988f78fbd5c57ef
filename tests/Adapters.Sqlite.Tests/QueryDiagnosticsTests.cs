using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Adapters.Sqlite.Diagnostics;
using AutoRfpHex.Adapters.Sqlite.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>The diagnostics entry point reports the plan and SQLite's counters of the statements the store really runs.</summary>
public sealed class QueryDiagnosticsTests : IAsyncLifetime
{
    private readonly TemporaryDatabase file = new();
    private SqliteDatabase database = null!;
    private ScimRecords records = null!;

    public async Task InitializeAsync()
    {
        var store = await file.OpenStoreAsync();
        records = new ScimRecords(store, file.Time);
        database = new SqliteDatabase(file.Path);
        await AddUsersAsync(0, 20);
        await records.CreateUserAsync(Tenants.BProduction, "user-7@example.com"); // another tenant's namesake
    }

    public async Task DisposeAsync()
    {
        database.Dispose();
        await file.DisposeAsync();
    }

    private async Task AddUsersAsync(int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            await records.CreateUserAsync(Tenants.AProduction, $"user-{i}@example.com", new JsonObject
            {
                ["name"] = new JsonObject { ["familyName"] = i % 2 == 0 ? $"Smith{i}" : $"Jones{i}" },
                ["title"] = "Engineer",
            });
        }
    }

    private Task<ScimQueryDiagnosis> DiagnoseAsync(FilterNode? filter, SortSpecification? sort = null, int count = 100) =>
        SqliteQueryDiagnostics.DiagnoseAsync(
            database, Tenants.AProduction, ScimResourceType.User, new ScimQuery(filter, sort, 1, count, ResourceLoadOptions.DocumentOnly), CancellationToken.None);

    [Fact]
    public async Task UserName_eq_is_an_index_search_that_returns_the_one_user_without_full_scan_steps()
    {
        var diagnosis = await DiagnoseAsync(Eq("userName", "USER-7@example.com"));

        diagnosis.Count.Plan.Should().ContainSingle().Which.Should().Contain("SEARCH r USING INDEX ux_scim_users_user_name");
        diagnosis.Page.Plan.Should().Contain(line => line.Contains("USING INDEX ux_scim_users_user_name"));
        diagnosis.Count.Counters.FullScanSteps.Should().Be(0);
        diagnosis.Page.Counters.FullScanSteps.Should().Be(0);
        diagnosis.Page.Rows.Should().Be(1);
    }

    [Fact]
    public async Task The_statements_are_the_ones_the_store_runs()
    {
        var query = new ScimQuery(Sw("name.familyName", "smi"), null, 1, 5, ResourceLoadOptions.DocumentOnly);
        var sql = ScimQuerySql.Build(Tenants.AProduction, ScimResourceType.User, query);

        var diagnosis = await SqliteQueryDiagnostics.DiagnoseAsync(database, Tenants.AProduction, ScimResourceType.User, query, CancellationToken.None);

        diagnosis.Count.Sql.Should().Be(sql.CountSql.Trim());
        diagnosis.Page.Sql.Should().Be(sql.PageSql.Trim());
        diagnosis.Page.Rows.Should().Be(5);
        diagnosis.Total.Should().Be(10, "user-0, user-2 … user-18 are Smiths");
        diagnosis.Count.Plan.Should().ContainSingle().Which.Should().Contain("ix_scim_users_family_name");
    }

    [Fact]
    public async Task Indexed_lookups_do_the_same_work_as_the_tenant_grows_and_scans_do_not()
    {
        var lookupBefore = await DiagnoseAsync(Eq("userName", "user-7@example.com"));
        var scanBefore = await DiagnoseAsync(Co("title", "engineer"), count: 0);

        await AddUsersAsync(20, 80);
        var lookupAfter = await DiagnoseAsync(Eq("userName", "user-7@example.com"));
        var scanAfter = await DiagnoseAsync(Co("title", "engineer"), count: 0);

        lookupAfter.Count.Counters.VirtualMachineSteps.Should().Be(lookupBefore.Count.Counters.VirtualMachineSteps);
        lookupAfter.Page.Counters.VirtualMachineSteps.Should().Be(lookupBefore.Page.Counters.VirtualMachineSteps);
        scanAfter.Count.Counters.VirtualMachineSteps.Should().BeGreaterThan(4 * scanBefore.Count.Counters.VirtualMachineSteps);
    }

    [Fact]
    public async Task A_page_sorted_by_userName_needs_no_sort_and_one_without_the_index_does()
    {
        var byUserName = await DiagnoseAsync(null, new SortSpecification(Path("userName"), Descending: false), count: 5);
        var byTitle = await DiagnoseAsync(null, new SortSpecification(Path("title"), Descending: false), count: 5);

        byUserName.Page.Counters.Sorts.Should().Be(0);
        byUserName.Page.Rows.Should().Be(5);
        byTitle.Page.Counters.Sorts.Should().BeGreaterThan(0);
        byTitle.Page.Plan.Should().Contain(line => line.Contains("USE TEMP B-TREE FOR ORDER BY"));
    }
}
