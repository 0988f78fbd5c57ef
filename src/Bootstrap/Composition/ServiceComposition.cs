using AutoRfpHex.Adapters.Crypto;
using AutoRfpHex.Adapters.Http;

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

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MaxRequestBodySize = configuration.GetValue<long>("Service:MaxRequestBodyBytes", 1_048_576));
        builder.Services
            .AddStorage(storage)
            .AddCryptoAdapters(new CryptoOptions
            {
                Issuer = Issuer(publicBaseUrl, configuration["Urls"]),
                BCryptWorkFactor = configuration.GetValue("Secrets:BCryptWorkFactor", 11),
            })
            .AddCoreServices(TimeSpan.FromSeconds(cacheSeconds))
            .AddHttpAdapter(publicBaseUrl, adminAuth.ExternalIssuer.Enabled)
            .AddAdminAuthentication(adminAuth);
        return builder;
    }

    /// <summary>
    /// Tokens name the service as their issuer. Behind a proxy that is the configured public URL; otherwise the first
    /// address the service listens on. It is an identifier, so it must stay stable across restarts.
    /// </summary>
    private static string Issuer(string? publicBaseUrl, string? urls)
    {
        if (!string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            return publicBaseUrl.TrimEnd('/');
        }

        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Uri.TryCreate(first, UriKind.Absolute, out var uri) && uri.Host is not ("*" or "+") ? first!.TrimEnd('/') : DefaultUrl;
    }
}
