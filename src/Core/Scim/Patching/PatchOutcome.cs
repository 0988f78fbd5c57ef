using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>The result of applying a PATCH to a copy of the resource: the new document and the membership edits.</summary>
/// <param name="TargetsDocument">Whether any operation named something stored in the document (anything but a group's
/// <c>members</c>, ignored read-only values and <c>schemas</c>), even if it left it unchanged. When false, the PATCH is
/// a pure membership edit: its effect does not depend on the document's version.</param>
internal sealed record PatchOutcome(JsonObject Attributes, MembershipChange? MembershipChange, bool DocumentChanged, bool TargetsDocument);
