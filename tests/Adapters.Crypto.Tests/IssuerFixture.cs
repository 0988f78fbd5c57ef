using AutoRfpHex.Adapters.Crypto.Signing;
using Microsoft.Extensions.Time.Testing;

namespace AutoRfpHex.Adapters.Crypto.Tests;

/// <summary>One service "instance": its own key ring and issuer over a (possibly shared) key store and clock.</summary>
internal sealed class IssuerFixture
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public IssuerFixture(InMemorySigningKeyStore? store = null, FakeTimeProvider? time = null, CryptoOptions? options = null)
    {
        Store = store ?? new InMemorySigningKeyStore();
        Time = time ?? new FakeTimeProvider(Start);
        Options = options ?? new CryptoOptions { Issuer = "https://autorfp.test" };
        Ring = new SigningKeyRing(Store, Options, Time);
        Issuer = new JwtAccessTokenIssuer(Ring, Options, Time);
        AdminTokens = new AdminTokenValidation(Ring, Options, Time);
    }

    public InMemorySigningKeyStore Store { get; }

    public FakeTimeProvider Time { get; }

    public CryptoOptions Options { get; }

    public SigningKeyRing Ring { get; }

    public JwtAccessTokenIssuer Issuer { get; }

    public AdminTokenValidation AdminTokens { get; }

    /// <summary>Another instance (or this one after a restart): same store and clock, fresh memory.</summary>
    public IssuerFixture Restarted(CryptoOptions? options = null) => new(Store, Time, options ?? Options);
}
