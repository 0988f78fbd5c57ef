using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Accounts;

/// <summary>An AutoRFP user account: a SCIM User of the organization's Production tenant, seen from the admin side.</summary>
public sealed record UserAccount(
    string Id,
    string UserName,
    string? DisplayName,
    string? Email,
    AccountRole Role,
    bool Active,
    bool IsIntegrationUser,
    DateTimeOffset Created,
    DateTimeOffset LastModified)
{
    /// <summary>Only an active Admin may be impersonated by an OAuth client.</summary>
    public bool IsActiveAdmin => Active && Role == AccountRole.Admin;

    public static UserAccount From(ScimResourceRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var attributes = user.Attributes;
        return new UserAccount(
            user.Id,
            Text(attributes["userName"]) ?? string.Empty,
            Text(attributes["displayName"]),
            PrimaryEmail(attributes["emails"] as JsonArray),
            user.Role,
            IsActive(attributes),
            user.IsIntegrationUser,
            user.Created,
            user.LastModified);
    }

    /// <summary>
    /// RFC 7643 leaves a missing <c>active</c> to the provider; we read it as active, as Okta and Entra always send it.
    /// A string "False" is tolerated because some clients send booleans as strings.
    /// </summary>
    public static bool IsActive(JsonObject attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return attributes["active"] switch
        {
            JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
            JsonValue value when value.TryGetValue<string>(out var text) => !string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string? PrimaryEmail(JsonArray? emails)
    {
        if (emails is null)
        {
            return null;
        }

        var objects = emails.OfType<JsonObject>().ToList();
        var primary = objects.FirstOrDefault(e => e["primary"] is JsonValue p && p.TryGetValue<bool>(out var isPrimary) && isPrimary);
        return Text((primary ?? objects.FirstOrDefault())?["value"]);
    }
}
