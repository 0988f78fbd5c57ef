using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Core.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace AutoRfpHex.Core.Tests.Credentials;

/// <summary>The credential use cases wired over in-memory fakes and a fake clock, as the composition root wires them.</summary>
internal sealed class CredentialsHarness
{
    public const string OrganizationId = "acme";
    public const string AdminEmail = "admin@acme.test";

    private CredentialsHarness()
    {
        Clients = new InMemoryOAuthClientStore(Secrets);
        Tokens = new InMemoryAccessTokenIssuer(Time);
        StateCache = new CredentialStateCache(Time);
        VerifiedSecrets = new VerifiedSecretCache(Time);
        var verifier = new SecretVerifier(Hasher);
        var throttle = new SecretUseThrottle();
        OrganizationService = new OrganizationService(Organizations, StateCache);
        AccountService = new UserAccountService(Organizations, Users, StateCache);
        ClientService = new OAuthClientService(Organizations, Clients, Users, StateCache, Time);
        SecretService = new ClientSecretService(Organizations, Clients, Secrets, Hasher, StateCache, Time);
        TokenService = new TokenService(Clients, Secrets, Organizations, Users, verifier, Tokens, throttle, Time);
        Authenticator = new ScimCredentialAuthenticator(
            Tokens, new CredentialStateReader(Clients, Secrets, Organizations, Users, StateCache), verifier, VerifiedSecrets, Secrets, throttle, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public InMemoryOrganizationStore Organizations { get; } = new();

    public InMemoryClientSecretStore Secrets { get; } = new();

    public InMemoryOAuthClientStore Clients { get; }

    public InMemoryUserDirectory Users { get; } = new();

    public CountingSecretHasher Hasher { get; } = new();

    public InMemoryAccessTokenIssuer Tokens { get; }

    public CredentialStateCache StateCache { get; }

    public VerifiedSecretCache VerifiedSecrets { get; }

    public OrganizationService OrganizationService { get; }

    public UserAccountService AccountService { get; }

    public OAuthClientService ClientService { get; }

    public ClientSecretService SecretService { get; }

    public TokenService TokenService { get; }

    public ScimCredentialAuthenticator Authenticator { get; }

    public string AdminId { get; private set; } = string.Empty;

    public static Tenant Production(string organizationId = OrganizationId) => new(organizationId, DeploymentEnvironment.Production);

    /// <summary>Organization "acme" with one active Admin; SCIM on unless asked otherwise.</summary>
    public static async Task<CredentialsHarness> StartAsync(bool scimEnabled = true)
    {
        var harness = new CredentialsHarness();
        await harness.AddOrganizationAsync(OrganizationId, scimEnabled);
        harness.AdminId = await harness.AddUserAsync(AdminEmail, AccountRole.Admin);
        return harness;
    }

    public Task AddOrganizationAsync(string organizationId, bool scimEnabled) =>
        Organizations.CreateAsync(new Organization(organizationId, organizationId.ToUpperInvariant(), scimEnabled, Time.GetUtcNow()), default);

    public async Task<string> AddUserAsync(string email, AccountRole role, bool active = true, string organizationId = OrganizationId)
    {
        var now = Time.GetUtcNow();
        var user = new ScimResourceRecord(
            Guid.NewGuid().ToString("N"),
            ScimResourceType.User,
            1,
            now,
            now,
            new System.Text.Json.Nodes.JsonObject { ["userName"] = email, ["displayName"] = email, ["active"] = active })
        {
            Role = role,
        };
        var result = await Users.CreateAsync(Production(organizationId), user, [], default);
        result.Outcome.Should().Be(StoreWriteOutcome.Written);
        return user.Id;
    }

    public Task<OAuthClient> CreateClientAsync(string name = "Okta SCIM Production", DeploymentEnvironment environment = DeploymentEnvironment.Production) =>
        ClientService.CreateAsync(OrganizationId, new CreateOAuthClientCommand(name, environment, AdminId, null), default);

    public Task<CreatedClientSecret> CreateSecretAsync(OAuthClient client, string name = "Production Secret Key", TimeSpan? expiresIn = null, TimeSpan? grace = null) =>
        SecretService.CreateAsync(OrganizationId, client.ClientId, name, expiresIn, grace, default);

    public Task<TokenResponse> RequestTokenAsync(string clientId, string secret, string? scope = null) =>
        TokenService.IssueAsync(new TokenRequest("client_credentials", scope, null, clientId, secret), default);

    public Task<ScimAuthenticationResult> AuthenticateBearerAsync(string token) =>
        Authenticator.AuthenticateAsync(new PresentedScimCredential.Bearer(token), default);

    public Task<ScimAuthenticationResult> AuthenticateBasicAsync(string clientId, string secret) =>
        Authenticator.AuthenticateAsync(new PresentedScimCredential.Basic(clientId, secret), default);

    /// <summary>Moves the clock past the short state cache, as another instance would experience a change.</summary>
    public void PassStateCacheLifetime() => Time.Advance(StateCache.Lifetime + TimeSpan.FromMilliseconds(1));
}
