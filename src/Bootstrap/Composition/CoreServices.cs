using AutoRfpHex.Bootstrap.Hosting;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Bulk;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Setup;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>Core's use cases: plain classes, so registering them is the composition root's job.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCoreServices(
        this IServiceCollection services, TimeSpan credentialStateCacheLifetime, ScimServiceLimits scimLimits, TimeSpan logRetention)
    {
        services.AddSingleton(scimLimits);
        services.AddSingleton(provider => new CredentialStateCache(provider.GetRequiredService<TimeProvider>(), credentialStateCacheLifetime));
        services.AddSingleton(provider => new VerifiedSecretCache(provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<CredentialStateReader>();
        services.AddSingleton<SecretVerifier>();
        services.AddSingleton<SecretUseThrottle>();
        services.AddSingleton<ScimCredentialAuthenticator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<UserAccountService>();
        services.AddSingleton<OAuthClientService>();
        services.AddSingleton<ClientSecretService>();
        services.AddSingleton<ScimResourceService>();
        services.AddSingleton<BulkProcessor>();
        services.AddSingleton<AdminAccess>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton(provider => new ProvisioningLogRetention(
            provider.GetRequiredService<IProvisioningLog>(), provider.GetRequiredService<TimeProvider>(), logRetention));
        return services;
    }

    /// <summary>The retention enforced in the background (the admin-token command builds the host but never starts it).</summary>
    public static IServiceCollection AddProvisioningLogPruning(this IServiceCollection services, TimeSpan interval) =>
        services.AddHostedService(provider => new ProvisioningLogPruning(
            provider.GetRequiredService<ProvisioningLogRetention>(), interval, provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ProvisioningLogPruning>>()));
}
