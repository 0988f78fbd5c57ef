using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>A create/replace body in stored form.</summary>
/// <param name="Attributes">What <c>ScimResourceRecord.Attributes</c> holds: canonical names, extensions under their URN.</param>
/// <param name="MemberIds">A group's member ids (empty when the body has no <c>members</c>); always empty for users.</param>
internal sealed record NormalizedResource(JsonObject Attributes, IReadOnlyList<string> MemberIds);
