using AutoRfpHex.Core.Credentials;

namespace AutoRfpHex.Adapters.Crypto.Signing;

/// <summary>
/// The signing keys of every instance, read from <see cref="ISigningKeyStore"/> and held in memory because signing
/// and validation are synchronous (ASP.NET's JwtBearer asks for keys synchronously). The newest unretired key signs;
/// older ones stay published and trusted for <see cref="CryptoOptions.RetiredKeyOverlap"/> after they were
/// superseded, so tokens they signed keep working through a rotation. One per process (singleton).
/// </summary>
public sealed class SigningKeyRing(ISigningKeyStore store, CryptoOptions options, TimeProvider time)
{
    private static readonly TimeSpan UnknownKeyRefreshPause = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile SigningKeySnapshot? snapshot;
    private DateTimeOffset lastUnknownKeyRefresh = DateTimeOffset.MinValue;

    /// <summary>Loads the keys, creating the first one when the store has none. Call at startup; later calls refresh.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await reloading.WaitAsync(cancellationToken);
        try
        {
            snapshot = await LoadAsync(cancellationToken);
        }
        finally
        {
            reloading.Release();
        }
    }

    /// <summary>Adds a new signing key, which signs from now on; the previous one stays trusted for the overlap.</summary>
    public async Task RotateAsync(CancellationToken cancellationToken)
    {
        await store.AddAsync(SigningKeyMaterial.Generate(options.SigningAlgorithm, time.GetUtcNow()), cancellationToken);
        await InitializeAsync(cancellationToken);
    }

    /// <summary>The current keys; re-read from the store when older than the refresh interval.</summary>
    public SigningKeySnapshot Current()
    {
        var current = snapshot;
        if (current is not null && time.GetUtcNow() - current.LoadedAt < options.KeyRefreshInterval)
        {
            return current;
        }

        ReloadSynchronously();
        return snapshot!;
    }

    /// <summary>
    /// Called when a token names a key id this instance does not know: another instance may have rotated. Re-reads
    /// at most every 30 seconds, so junk key ids cannot make every request hit the store.
    /// </summary>
    public SigningKeySnapshot RefreshForUnknownKey()
    {
        var now = time.GetUtcNow();
        if (now - lastUnknownKeyRefresh >= UnknownKeyRefreshPause)
        {
            lastUnknownKeyRefresh = now;
            ReloadSynchronously();
        }

        return Current();
    }

    // Sync-over-async in one place, off the caller's context: the store is async, the JWT APIs that need keys are
    // not. It runs at first use (if InitializeAsync was not called) and once per refresh interval.
    private void ReloadSynchronously() => Task.Run(() => InitializeAsync(CancellationToken.None)).GetAwaiter().GetResult();

    private async Task<SigningKeySnapshot> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = await store.ListAsync(cancellationToken);
        if (!keys.Any(k => k.RetiredAt is null && SigningAlgorithms.IsSupported(k.Algorithm)))
        {
            // Several instances may race here at first start: each adds its own key and then re-reads, and all
            // sign with whichever the store lists first; every added key is published.
            await store.AddAsync(SigningKeyMaterial.Generate(options.SigningAlgorithm, time.GetUtcNow()), cancellationToken);
            keys = await store.ListAsync(cancellationToken);
        }

        return SigningKeySnapshot.From(keys, options.RetiredKeyOverlap, time.GetUtcNow(), snapshot);
    }
}
