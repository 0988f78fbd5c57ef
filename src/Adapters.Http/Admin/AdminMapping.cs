using AutoRfpHex.Adapters.Http.Admin.Generated;
using AutoRfpHex.Core.Accounts;
using ClientSecretStatus = AutoRfpHex.Core.Credentials.ClientSecretStatus;
using ClientSecretSummary = AutoRfpHex.Core.Credentials.ClientSecretSummary;
using AutoRfpHex.Core.Tenancy;
using CoreOAuthClient = AutoRfpHex.Core.Credentials.OAuthClient;
using CoreOrganization = AutoRfpHex.Core.Organizations.Organization;
using CoreProvisioningEvent = AutoRfpHex.Core.ProvisioningLog.ProvisioningEvent;
using CoreProvisioningOutcome = AutoRfpHex.Core.ProvisioningLog.ProvisioningOutcome;

namespace AutoRfpHex.Adapters.Http.Admin;

/// <summary>Core records to admin-contract DTOs and back; nothing else.</summary>
public static class AdminMapping
{
    public static Organization ToDto(CoreOrganization organization, PublicUrlSet urls) => new()
    {
        Id = organization.Id,
        Name = organization.Name,
        ScimEnabled = organization.ScimEnabled,
        ScimBaseUrl = new Uri(urls.ScimBaseUrl),
        TokenEndpoint = new Uri(urls.TokenEndpoint),
        AuthorizationServerMetadataUrl = new Uri(urls.AuthorizationServerMetadata),
    };

    public static AccountUser ToDto(UserAccount account) => new()
    {
        Id = account.Id,
        UserName = account.UserName,
        DisplayName = account.DisplayName,
        Email = account.Email,
        Role = ToDto(account.Role),
        Active = account.Active,
        IntegrationUser = account.IsIntegrationUser,
        CreatedAt = account.Created,
    };

    public static OAuthClient ToDto(CoreOAuthClient client, UserAccount? impersonated, int activeSecretCount, PublicUrlSet urls) => new()
    {
        ClientId = client.ClientId,
        Name = client.Name,
        Environment = ToDto(client.Environment),
        ImpersonatedUser = new ImpersonatedUser
        {
            Id = client.ImpersonatedUserId,
            UserName = impersonated?.UserName ?? string.Empty,
            DisplayName = impersonated?.DisplayName,
        },
        CreatedAt = client.CreatedAt,
        ScimBaseUrl = new Uri(urls.ScimBaseUrl),
        TokenEndpoint = new Uri(urls.TokenEndpoint),
        ActiveSecretCount = activeSecretCount,
    };

    public static ClientSecretMetadata ToDto(ClientSecretSummary secret) => new()
    {
        Id = secret.SecretId,
        Name = secret.Name,
        Hint = secret.Hint,
        CreatedAt = secret.CreatedAt,
        LastUsedAt = secret.LastUsedAt,
        ExpiresAt = secret.ExpiresAt,
        RevokedAt = secret.RevokedAt,
        Status = secret.Status switch
        {
            ClientSecretStatus.Active => SecretStatus.Active,
            ClientSecretStatus.Expired => SecretStatus.Expired,
            _ => SecretStatus.Revoked,
        },
    };

    public static CreatedClientSecret ToDto(Core.Credentials.CreatedClientSecret created) => new()
    {
        Id = created.Secret.SecretId,
        Name = created.Secret.Name,
        Secret = created.SecretKey,
        Hint = created.Secret.Hint,
        ClientId = created.Secret.ClientId,
        CreatedAt = created.Secret.CreatedAt,
        ExpiresAt = created.Secret.ExpiresAt ?? created.Secret.CreatedAt,
    };

    public static ProvisioningEvent ToDto(CoreProvisioningEvent e) => new()
    {
        Id = e.Id,
        Time = e.Time,
        ClientId = e.ClientId,
        Environment = e.Environment is { } env ? ToDto(env) : null,
        ImpersonatedUserId = e.ImpersonatedUserId,
        Operation = e.Operation,
        ResourceType = e.ResourceType,
        ResourceId = e.ResourceId,
        Outcome = e.Outcome == CoreProvisioningOutcome.Success ? EventOutcome.Success : EventOutcome.Failure,
        Status = e.Status,
        ErrorDetail = e.ErrorDetail,
        Change = e.Change is { } change ? Enum.Parse<ProvisioningChange>(change.ToString()) : null,
    };

    public static ClientEnvironment ToDto(DeploymentEnvironment environment) =>
        environment == DeploymentEnvironment.Sandbox ? ClientEnvironment.Sandbox : ClientEnvironment.Production;

    public static DeploymentEnvironment ToCore(ClientEnvironment environment) =>
        environment == ClientEnvironment.Sandbox ? DeploymentEnvironment.Sandbox : DeploymentEnvironment.Production;

    public static UserRole ToDto(AccountRole role) => role == AccountRole.Admin ? UserRole.Admin : UserRole.Member;

    public static AccountRole ToCore(UserRole role) => role == UserRole.Admin ? AccountRole.Admin : AccountRole.Member;

    public static CoreProvisioningOutcome ToCore(EventOutcome outcome) =>
        outcome == EventOutcome.Success ? CoreProvisioningOutcome.Success : CoreProvisioningOutcome.Failure;
}

/// <summary>The public addresses of one request, resolved once.</summary>
public sealed record PublicUrlSet(string ScimBaseUrl, string TokenEndpoint, string AuthorizationServerMetadata);
