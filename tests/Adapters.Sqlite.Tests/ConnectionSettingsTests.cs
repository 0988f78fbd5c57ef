using AutoRfpHex.Adapters.Sqlite.Database;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

public sealed class ConnectionSettingsTests : IAsyncLifetime
{
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Fact]
    public async Task Every_connection_uses_wal_full_sync_foreign_keys_and_a_busy_timeout()
    {
        await using var connection = await file.OpenConnectionAsync();

        (await connection.ScalarAsync<string>("PRAGMA journal_mode;", CancellationToken.None)).Should().Be("wal");
        (await connection.ScalarAsync<long>("PRAGMA synchronous;", CancellationToken.None)).Should().Be(2, "2 is FULL");
        (await connection.ScalarAsync<long>("PRAGMA foreign_keys;", CancellationToken.None)).Should().Be(1);
        (await connection.ScalarAsync<long>("PRAGMA busy_timeout;", CancellationToken.None)).Should().Be(30_000);
    }

    [Theory]
    [InlineData("élodie", "ÉLODIE")]
    [InlineData("ǆemal", "ǄEMAL")]
    [InlineData("straße", "STRAßE")]
    [InlineData("ﬀ", "ﬀ")]
    public async Task The_sql_fold_is_the_core_fold(string value, string folded)
    {
        await using var connection = await file.OpenConnectionAsync();

        var sqlFold = await connection.ScalarAsync<string>("SELECT scim_fold($v);", CancellationToken.None, ("$v", value));

        sqlFold.Should().Be(folded).And.Be(value.ToUpperInvariant());
    }

    [Fact]
    public async Task SQLites_own_upper_is_ascii_only_which_is_why_the_store_registers_its_fold()
    {
        await using var connection = await file.OpenConnectionAsync();

        (await connection.ScalarAsync<string>("SELECT upper('élodie');", CancellationToken.None)).Should().Be("éLODIE");
    }
}
