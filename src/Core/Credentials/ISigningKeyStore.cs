namespace AutoRfpHex.Core.Credentials;

public interface ISigningKeyStore
{
    /// <summary>All keys, newest first, retired ones included (they still verify tokens until they age out).</summary>
    Task<IReadOnlyList<SigningKey>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a key unless one with the same id exists; several instances may race at first start.</summary>
    Task AddAsync(SigningKey key, CancellationToken cancellationToken);
}
