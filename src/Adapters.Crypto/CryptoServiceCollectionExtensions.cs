using AutoRfpHex.Adapters.Crypto.Signing;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AutoRfpHex.Adapters.Crypto;

public static class CryptoServiceCollectionExtensions
{
    /// <summary>
    /// Registers BCrypt hashing, the signing key ring, the JWT issuer and the admin-token validation, all singletons.
    /// Needs an <see cref="ISigningKeyStore"/> usable from a singleton (registered by the storage adapter).
    /// Call <c>SigningKeyRing.InitializeAsync</c> once at startup so the first request does not create or load keys.
    /// </summary>
    public static IServiceCollection AddCryptoAdapters(this IServiceCollection services, CryptoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ISecretHasher>(new BCryptSecretHasher(options.BCryptWorkFactor));
        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<JwtAccessTokenIssuer>();
        services.AddSingleton<IAccessTokenIssuer>(provider => provider.GetRequiredService<JwtAccessTokenIssuer>());
        services.AddSingleton<AdminTokenValidation>();
        return services;
    }
}
