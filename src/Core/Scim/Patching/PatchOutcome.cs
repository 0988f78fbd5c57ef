using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>The result of applying a PATCH to a copy of the resource: the new document and the membership edits.</summary>
internal sealed record PatchOutcome(JsonObject Attributes, MembershipChange? MembershipChange, bool DocumentChanged);
