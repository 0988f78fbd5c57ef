using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Core.Tests.Credentials;

/// <summary>The registration the composition root needs: process-wide state as singletons, use cases scoped.</summary>
public sealed class CredentialsRegistrationTests
{
    [Fact]
    public void Credential_use_cases_resolve_with_the_documented_lifetimes()
    {
        var secrets = new InMemoryClientSecretStore();
        var users = new InMemoryUserDirectory();
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IOrganizationStore, InMemoryOrganizationStore>()
            .AddSingleton<IClientSecretStore>(secrets)
            .AddSingleton<IOAuthClientStore>(new InMemoryOAuthClientStore(secrets))
            .AddSingleton<IScimResourceStore>(users)
            .AddSingleton<IUserAccountStore>(users)
            .AddSingleton<ISecretHasher, CountingSecretHasher>()
            .AddSingleton<IAccessTokenIssuer, InMemoryAccessTokenIssuer>()
            // process-wide state: one per process
            .AddSingleton<CredentialStateCache>()
            .AddSingleton<VerifiedSecretCache>()
            .AddSingleton<SecretUseThrottle>()
            .AddSingleton<SecretVerifier>()
            // use cases: hold no state, so any lifetime that fits the stores works
            .AddScoped<CredentialStateReader>()
            .AddScoped<OrganizationService>()
            .AddScoped<UserAccountService>()
            .AddScoped<OAuthClientService>()
            .AddScoped<ClientSecretService>()
            .AddScoped<TokenService>()
            .AddScoped<ScimCredentialAuthenticator>();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        using var scope = provider.CreateScope();

        scope.ServiceProvider.GetRequiredService<ScimCredentialAuthenticator>().Should().NotBeNull();
        scope.ServiceProvider.GetRequiredService<TokenService>().Should().NotBeNull();
        provider.GetRequiredService<CredentialStateCache>().Lifetime.Should().Be(CredentialStateCache.DefaultLifetime);
        provider.GetRequiredService<VerifiedSecretCache>().Lifetime.Should().Be(VerifiedSecretCache.DefaultLifetime);
    }
}
