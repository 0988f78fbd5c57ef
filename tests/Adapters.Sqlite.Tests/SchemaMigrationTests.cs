using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Data.Sqlite;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

public sealed class SchemaMigrationTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Fact]
    public async Task A_new_file_gets_the_current_schema_version_and_every_table()
    {
        await using var connection = await file.OpenConnectionAsync();

        (await connection.ScalarAsync<long>("PRAGMA user_version;", None)).Should().Be(SqliteSchema.Migrations.Count);
        var tables = await connection.ListAsync("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%' ORDER BY name;", r => r.GetString(0), None);
        tables.Should().BeEquivalentTo(
            "client_secrets", "oauth_clients", "organizations", "provisioning_events", "scim_email_values", "scim_memberships",
            "scim_resources", "signing_keys", "store_settings");
    }

    [Fact]
    public async Task Opening_the_same_file_again_migrates_nothing_and_keeps_the_data()
    {
        var first = await file.OpenStoreAsync();
        var ann = await new ScimRecords(first, file.Time).CreateUserAsync(Tenants.AProduction, "ann");
        await first.DisposeAsync();
        SqliteConnection.ClearAllPools();

        var second = await file.OpenStoreAsync();
        using (var database = new SqliteDatabase(file.Path))
        {
            await database.MigrateAsync(None);
            await database.MigrateAsync(None);
        }

        (await second.Resources.GetAsync(Tenants.AProduction, ScimResourceType.User, ann.Id, ResourceLoadOptions.Full, None)).Should().NotBeNull();
        await using var connection = await file.OpenConnectionAsync();
        (await connection.ScalarAsync<long>("PRAGMA user_version;", None)).Should().Be(SqliteSchema.Migrations.Count);
    }

    [Fact]
    public async Task Instances_starting_at_once_on_a_new_file_all_succeed()
    {
        var databases = Enumerable.Range(0, 6).Select(_ => new SqliteDatabase(file.Path)).ToList();

        await Task.WhenAll(databases.Select(d => Task.Run(() => d.MigrateAsync(None))));

        databases.ForEach(d => d.Dispose());
        await using var connection = await file.OpenConnectionAsync();
        (await connection.ScalarAsync<long>("PRAGMA user_version;", None)).Should().Be(SqliteSchema.Migrations.Count);
    }

    [Fact]
    public async Task A_file_written_by_a_newer_version_is_refused_clearly()
    {
        await using (var connection = await file.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("PRAGMA user_version = 999;", None);
        }

        using var database = new SqliteDatabase(file.Path);
        var act = () => database.MigrateAsync(None);

        (await act.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*schema version 999, newer than this build knows*");
    }

    [Fact]
    public async Task A_runtime_with_other_casing_tables_rebuilds_the_fold_indexes_at_start()
    {
        var store = await file.OpenStoreAsync();
        await new ScimRecords(store, file.Time).CreateUserAsync(Tenants.AProduction, "ann", new() { ["emails"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["value"] = "Ann@Example.com" }) });
        await store.DisposeAsync();
        await using (var connection = await file.OpenConnectionAsync())
        {
            // What an older runtime would have left: another fingerprint, and index rows folded differently.
            await connection.ExecuteAsync("UPDATE store_settings SET value = 'older-runtime'; UPDATE scim_email_values SET value_fold = 'stale';", None);
        }

        SqliteConnection.ClearAllPools();
        var reopened = await file.OpenStoreAsync();
        var page = await reopened.Resources.QueryAsync(Tenants.AProduction, ScimResourceType.User,
            new ScimQuery(Eq("emails.value", "ann@example.com"), null, 1, 10, ResourceLoadOptions.DocumentOnly), None);

        page.TotalResults.Should().Be(1);
    }

    [Fact]
    public async Task A_version_3_file_with_users_gets_the_query_indexes_over_its_existing_rows()
    {
        var store = await file.OpenStoreAsync();
        var records = new ScimRecords(store, file.Time);
        foreach (var (userName, family) in new[] { ("zed", "Smith"), ("amy", "smythe"), ("Bea", "Jones") })
        {
            await records.CreateUserAsync(Tenants.AProduction, userName, new() { ["name"] = new System.Text.Json.Nodes.JsonObject { ["familyName"] = family } });
        }

        await store.DisposeAsync();
        await using (var connection = await file.OpenConnectionAsync())
        {
            // What version 3 had: neither index, nor the log's change column (migration 5), nor the Admins index (6).
            await connection.ExecuteAsync(
                "DROP INDEX ix_scim_users_sort_user_name; DROP INDEX ix_scim_users_family_name; ALTER TABLE provisioning_events DROP COLUMN change; "
                + "DROP INDEX ix_scim_users_admins; DROP INDEX ix_provisioning_events_retention; PRAGMA user_version = 3;",
                None);
        }

        SqliteConnection.ClearAllPools();
        var reopened = await file.OpenStoreAsync();
        var sorted = await reopened.Resources.QueryAsync(Tenants.AProduction, ScimResourceType.User,
            new ScimQuery(Sw("name.familyName", "SM"), new SortSpecification(Path("userName"), Descending: false), 1, 10, ResourceLoadOptions.DocumentOnly), None);

        sorted.Resources.Select(r => r.Attributes["userName"]!.GetValue<string>()).Should().Equal("amy", "zed");
        await using var check = await file.OpenConnectionAsync();
        (await check.ScalarAsync<long>("PRAGMA user_version;", None)).Should().Be(SqliteSchema.Migrations.Count);
        (await check.ScalarAsync<string>("PRAGMA integrity_check;", None)).Should().Be("ok");
        (await check.ListAsync("SELECT name FROM sqlite_schema WHERE type = 'index' AND name IN ('ix_scim_users_sort_user_name', 'ix_scim_users_family_name');", r => r.GetString(0), None))
            .Should().HaveCount(2);
    }
}
