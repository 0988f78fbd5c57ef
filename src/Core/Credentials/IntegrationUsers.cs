using System.Net.Mail;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Credentials;

/// <summary>Builds the integration Admin a new client may ask for.</summary>
internal static class IntegrationUsers
{
    private const int MaxEmailLength = 254;
    private const int MaxDisplayNameLength = 256;

    /// <summary>Validates the request and returns the SCIM record to store (nothing is written here).</summary>
    public static ScimResourceRecord NewRecord(NewImpersonationUser request, DateTimeOffset now)
    {
        var email = request.Email?.Trim() ?? string.Empty;
        if (email.Length > MaxEmailLength)
        {
            throw new RequestRejectedException(
                RejectionKind.Invalid, $"The new impersonation user's email must be at most {MaxEmailLength} characters.");
        }

        if (!MailAddress.TryCreate(email, out var parsed)
            || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            throw new RequestRejectedException(
                RejectionKind.Invalid, $"The new impersonation user's email '{email}' is not a valid email address.");
        }

        var displayName = request.DisplayName?.Trim() ?? string.Empty;
        if (displayName.Length is 0 or > MaxDisplayNameLength)
        {
            throw new RequestRejectedException(
                RejectionKind.Invalid, $"The new impersonation user's display name is required and must be at most {MaxDisplayNameLength} characters.");
        }

        var attributes = new JsonObject
        {
            ["userName"] = email,
            ["displayName"] = displayName,
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
        };
        return new ScimResourceRecord(Guid.NewGuid().ToString("N"), ScimResourceType.User, Version: 1, now, now, attributes)
        {
            Role = AccountRole.Admin,
            IsIntegrationUser = true,
        };
    }
}
