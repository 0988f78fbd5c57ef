using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.SecretKeys;

namespace AutoRfpHex.Core.Credentials;

/// <summary>Input rules shared by the credential use cases.</summary>
internal static class CredentialRules
{
    public const int MaxNameLength = 100;

    /// <summary>Trims a client or secret name and requires 1 to 100 characters.</summary>
    public static string RequireName(string? name, string what)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new RequestRejectedException(RejectionKind.Invalid, $"The {what} is required.");
        }

        return trimmed.Length <= MaxNameLength
            ? trimmed
            : throw new RequestRejectedException(
                RejectionKind.Invalid, $"The {what} must be at most {MaxNameLength} characters; it has {trimmed.Length}.");
    }

    /// <summary>The organization's client, or NotFound: another organization's client is as absent as a missing one.</summary>
    public static async Task<OAuthClient> RequireClientAsync(
        this IOAuthClientStore clients, string organizationId, string clientId, CancellationToken cancellationToken)
    {
        var client = OAuthClientIds.IsWellFormed(clientId) ? await clients.FindAsync(clientId, cancellationToken) : null;
        return client is not null && client.OrganizationId == organizationId
            ? client
            : throw new RequestRejectedException(RejectionKind.NotFound, $"No OAuth client '{clientId}' exists in this organization.");
    }
}
