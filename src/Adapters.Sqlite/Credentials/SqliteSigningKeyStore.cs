using System.Data.Common;
using AutoRfpHex.Adapters.Sqlite.Database;
using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Sqlite.Credentials;

/// <summary>Service-wide signing keys (not tenant data): every instance signs and verifies with the same set.</summary>
internal sealed class SqliteSigningKeyStore(SqliteDatabase database) : ISigningKeyStore
{
    public async Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ListAsync(
            "SELECT key_id, algorithm, private_key_pem, created_at, retired_at FROM signing_keys ORDER BY created_at DESC, key_id;",
            Read, cancellationToken);
    }

    public async Task AddAsync(SigningKey key, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING: two instances creating the first key at once both succeed; the first one's key stays.
        await using var scope = await database.BeginWriteAsync(cancellationToken);
        await scope.Connection.ExecuteAsync(
            """
            INSERT INTO signing_keys (key_id, algorithm, private_key_pem, created_at, retired_at)
            VALUES ($id, $algorithm, $pem, $created, $retired) ON CONFLICT (key_id) DO NOTHING;
            """,
            cancellationToken,
            ("$id", key.KeyId), ("$algorithm", key.Algorithm), ("$pem", key.PrivateKeyPem),
            ("$created", SqliteTime.ToText(key.CreatedAt)), ("$retired", SqliteTime.ToText(key.RetiredAt)));
        await scope.CommitAsync(cancellationToken);
    }

    private static SigningKey Read(DbDataReader row) => new(
        row.GetString(0), row.GetString(1), row.GetString(2), SqliteTime.FromText(row.GetString(3)),
        row.NullableString(4) is { } retired ? SqliteTime.FromText(retired) : null);
}
