using AutoRfpHex.Adapters.Crypto;
using AutoRfpHex.Adapters.Http;
using AutoRfpHex.Adapters.Http.RateLimiting;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>The composition root: configuration in, every adapter and use case wired.</summary>
public static class ServiceComposition
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddAutoRfpHex(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var storage = configuration.GetSection(StorageSettings.Section).Get<StorageSettings>() ?? new StorageSettings();
        var adminAuth = configuration.GetSection(AdminAuthSettings.Section).Get<AdminAuthSettings>() ?? new AdminAuthSettings();
        var publicBaseUrl = configuration["Service:PublicBaseUrl"];
        var cacheSeconds = configuration.GetValue("Credentials:StateCacheSeconds", 5);
        var rateLimits = configuration.GetSection(CredentialRateLimits.Section).Get<CredentialRateLimits>() ?? new CredentialRateLimits();
        var (logRetention, logPruneInterval) = ProvisioningLogSettings.Read(configuration);

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long>("Service:MaxRequestBodyBytes", 1_048_576));
        builder.Services
            .AddSingleton(TimeProvider.System)
            .AddStorage(storage, logRetention)
            .AddCryptoAdapters(new CryptoOptions
            {
                Issuer = Issuer(publicBaseUrl),
                BCryptWorkFactor = configuration.GetValue("Secrets:BCryptWorkFactor", 11),
            })
            .AddCoreServices(TimeSpan.FromSeconds(cacheSeconds), ScimLimitsSettings.Read(configuration), logRetention)
            .AddProvisioningLogPruning(logPruneInterval)
            .AddHttpAdapter(publicBaseUrl, adminAuth.ExternalIssuer.Enabled, rateLimits)
            .AddForwardedHeaderTrust(configuration)
            .AddAdminAuthentication(adminAuth);
        return builder;
    }

    /// <summary>
    /// Tokens name the service as their issuer: the configured public URL in production. Without one, a fixed local
    /// identifier, so tokens survive a change of port (the issuer is an identifier, not an address to call).
    /// </summary>
    private static string Issuer(string? publicBaseUrl) =>
        string.IsNullOrWhiteSpace(publicBaseUrl) ? DefaultUrl : publicBaseUrl.TrimEnd('/');
}
