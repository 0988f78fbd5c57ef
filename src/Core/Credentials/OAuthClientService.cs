using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Credentials;

/// <summary>
/// OAuth clients of an organization: an identity provider's connection to one tenant, running as one Admin.
/// Creating needs SCIM on; reading and deleting do not (an admin must be able to clean up while it is off).
/// </summary>
public sealed class OAuthClientService(
    IOrganizationStore organizations,
    IOAuthClientStore clients,
    IScimResourceStore resources,
    CredentialStateCache credentialState,
    TimeProvider time)
{
    public async Task<OAuthClient> CreateAsync(string organizationId, CreateOAuthClientCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await organizations.RequireScimEnabledAsync(organizationId, cancellationToken);
        var name = CredentialRules.RequireName(command.Name, "client name");
        if (!Enum.IsDefined(command.Environment))
        {
            throw new RequestRejectedException(RejectionKind.Invalid, "The environment must be 'production' or 'sandbox'.");
        }

        var existingUserId = string.IsNullOrWhiteSpace(command.ImpersonateUserId) ? null : command.ImpersonateUserId.Trim();
        var userId = (existingUserId, command.NewImpersonationUser) switch
        {
            ({ } id, null) => await RequireImpersonableUserAsync(organizationId, id, cancellationToken),
            (null, { } newUser) => await CreateIntegrationUserAsync(organizationId, newUser, cancellationToken),
            (null, null) => throw new RequestRejectedException(
                RejectionKind.Invalid,
                "Choose the user the client impersonates: give the id of an existing active Admin, or the email and display name of a new integration Admin."),
            _ => throw new RequestRejectedException(
                RejectionKind.Invalid,
                "Give either the id of an existing Admin to impersonate or a new integration Admin to create, not both."),
        };

        var client = new OAuthClient(OAuthClientIds.New(), organizationId, name, command.Environment, userId, time.GetUtcNow());
        await clients.CreateAsync(client, cancellationToken);
        return client;
    }

    public async Task<IReadOnlyList<OAuthClient>> ListAsync(string organizationId, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        return await clients.ListAsync(organizationId, cancellationToken);
    }

    public async Task<OAuthClient> GetAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        return await clients.RequireClientAsync(organizationId, clientId, cancellationToken);
    }

    /// <summary>Deletes the client and its secrets; its tokens and keys stop working at once (other instances within seconds).</summary>
    public async Task DeleteAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        if (!OAuthClientIds.IsWellFormed(clientId) || !await clients.DeleteAsync(organizationId, clientId, cancellationToken))
        {
            throw new RequestRejectedException(RejectionKind.NotFound, $"No OAuth client '{clientId}' exists in this organization.");
        }

        credentialState.ForgetClient(clientId);
    }

    private async Task<string> RequireImpersonableUserAsync(string organizationId, string userId, CancellationToken cancellationToken)
    {
        var user = await resources.GetAsync(ProductionOf(organizationId), ScimResourceType.User, userId, ResourceLoadOptions.DocumentOnly, cancellationToken);
        return Impersonation.IsAllowed(user)
            ? userId
            : throw new RequestRejectedException(RejectionKind.Invalid, Impersonation.RefusalOnCreate(userId, user));
    }

    private async Task<string> CreateIntegrationUserAsync(string organizationId, NewImpersonationUser request, CancellationToken cancellationToken)
    {
        var record = IntegrationUsers.NewRecord(request, time.GetUtcNow());
        var result = await resources.CreateAsync(ProductionOf(organizationId), record, [], cancellationToken);
        return result.Outcome switch
        {
            StoreWriteOutcome.Written => record.Id,
            StoreWriteOutcome.UniquenessViolation => throw new RequestRejectedException(
                RejectionKind.Conflict,
                $"A user with userName '{record.Attributes["userName"]}' already exists in this organization; "
                + "impersonate that user if they are an Admin, or give the new integration Admin another email."),
            _ => throw new InvalidOperationException($"Creating the integration Admin failed unexpectedly: {result.Outcome}."),
        };
    }

    private static Tenant ProductionOf(string organizationId) => new(organizationId, DeploymentEnvironment.Production);
}
