using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Bulk;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Setup;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>Core's use cases: plain classes, so registering them is the composition root's job.</summary>
public static class CoreServices
{
    public static IServiceCollection AddCoreServices(this IServiceCollection services, TimeSpan credentialStateCacheLifetime, ScimServiceLimits scimLimits)
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
        return services;
    }
}
