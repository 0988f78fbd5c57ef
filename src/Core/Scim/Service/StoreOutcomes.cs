using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>Turns a store's refusal into the SCIM error the client gets.</summary>
internal static class StoreOutcomes
{
    /// <returns>The stored record the store returned, if any, when the write happened.</returns>
    /// <param name="attributes">The document that was written, to name the clashing value.</param>
    public static ScimResourceRecord? EnsureWritten(StoreWriteResult result, ScimResourceType type, string id, JsonObject attributes) => result.Outcome switch
    {
        StoreWriteOutcome.Written => result.Resource,
        StoreWriteOutcome.NotFound => throw NotFound(type, id),
        StoreWriteOutcome.UniquenessViolation => throw Conflict(result.ConflictingAttribute, attributes),
        StoreWriteOutcome.UnknownMembers => throw UnknownMembers(result.UnknownMemberIds ?? []),
        StoreWriteOutcome.LastActiveAdmin => throw AdminContinuityGuard.Refusal(attributes["userName"]?.ToString() ?? id),
        _ => throw new InvalidOperationException($"The store answered {result.Outcome} to a write the caller does not retry."),
    };

    /// <summary>At most this many unknown ids are named; a 1,000-member batch of typos must not make a 1,000-line detail.</summary>
    internal const int UnknownIdsNamed = 20;

    private static ScimException UnknownMembers(IReadOnlyList<string> ids)
    {
        var named = string.Join(", ", ids.Take(UnknownIdsNamed).Select(m => $"'{m}'"));
        var more = ids.Count > UnknownIdsNamed ? $" and {ids.Count - UnknownIdsNamed} more ({ids.Count} in all)" : string.Empty;
        return ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"These member ids name no User or Group in this tenant: {named}{more}.");
    }

    public static ScimException NotFound(ScimResourceType type, string id) => ScimException.NotFound($"No {type} with id '{id}' exists.");

    private static ScimException Conflict(string? attribute, JsonObject attributes)
    {
        var name = attribute ?? "A unique attribute";
        var value = attribute is null ? null : attributes[attribute]?.ToString();
        return new ScimException(
            409, ScimErrorTypes.Uniqueness, value is null ? $"{name} is already taken in this tenant." : $"{name} '{value}' is already taken in this tenant.");
    }
}
