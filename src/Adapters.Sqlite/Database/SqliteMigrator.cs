using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>
/// Brings a database file to the current schema. Idempotent, and safe when several instances start at once:
/// the version is read and raised inside one <c>BEGIN IMMEDIATE</c> transaction, so they take turns.
/// </summary>
internal static class SqliteMigrator
{
    private const string FoldFingerprintKey = "fold_fingerprint";

    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // The usual start: the file is current. Checked without the write lock, so starting never waits for a writer.
        if (await IsCurrentAsync(connection, cancellationToken))
        {
            return;
        }

        // WAL is a property of the file: readers never block the writer and vice versa. Set outside any transaction.
        await connection.ScalarAsync<string>("PRAGMA journal_mode = WAL;", cancellationToken);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = await connection.ScalarAsync<long>("PRAGMA user_version;", cancellationToken);
        var target = SqliteSchema.Migrations.Count;
        if (current > target)
        {
            throw new InvalidOperationException(
                $"The database file '{connection.DataSource}' has schema version {current}, newer than this build knows ({target}). Run a newer version of the service.");
        }

        for (var version = (int)current; version < target; version++)
        {
            await connection.ExecuteAsync(SqliteSchema.Migrations[version], cancellationToken);
        }

        // PRAGMA takes no parameters; the value is our own integer.
        await connection.ExecuteAsync($"PRAGMA user_version = {target};", cancellationToken);
        await RebuildFoldIndexesIfUnicodeChangedAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> IsCurrentAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        await connection.ScalarAsync<long>("PRAGMA user_version;", cancellationToken) == SqliteSchema.Migrations.Count
        && await connection.ScalarAsync<string>("PRAGMA journal_mode;", cancellationToken) == "wal"
        && await connection.ScalarAsync<string>("SELECT value FROM store_settings WHERE key = $key;", cancellationToken, ("$key", FoldFingerprintKey))
            == FoldFingerprint.Value;

    /// <summary>
    /// Indexes on <c>scim_fold</c> are only valid for the casing tables they were built with. A runtime upgrade can
    /// change them; then the folded indexes and the e-mail index are rebuilt, instead of silently missing rows.
    /// </summary>
    private static async Task RebuildFoldIndexesIfUnicodeChangedAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var fingerprint = FoldFingerprint.Value;
        var stored = await connection.ScalarAsync<string>(
            "SELECT value FROM store_settings WHERE key = $key;", cancellationToken, ("$key", FoldFingerprintKey));
        if (stored == fingerprint)
        {
            return;
        }

        if (stored is not null)
        {
            await connection.ExecuteAsync("""
                REINDEX ux_scim_users_user_name;
                REINDEX ux_scim_groups_display_name;
                REINDEX ix_scim_display_name;
                REINDEX ix_scim_users_sort_user_name;
                REINDEX ix_scim_users_family_name;
                DELETE FROM scim_email_values;
                INSERT OR IGNORE INTO scim_email_values (organization_id, environment, resource_id, value_fold)
                SELECT r.organization_id, r.environment, r.id, scim_fold(json_extract(e.value, '$.value'))
                FROM scim_resources AS r, json_each(r.attributes, '$.emails') AS e
                WHERE e.type = 'object' AND json_type(e.value, '$.value') = 'text';
                """, cancellationToken);
        }

        await connection.ExecuteAsync(
            "INSERT INTO store_settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value;",
            cancellationToken, ("$key", FoldFingerprintKey), ("$value", fingerprint));
    }

    private static readonly Lazy<string> FoldFingerprint = new(() =>
    {
        // Every Unicode scalar value, folded: a hash of the casing table this runtime applies.
        var all = new StringBuilder(0x110000 * 2);
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is < 0xD800 or > 0xDFFF)
            {
                all.Append(char.ConvertFromUtf32(codePoint));
            }
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(all.ToString().ToUpperInvariant())));
    });
}
