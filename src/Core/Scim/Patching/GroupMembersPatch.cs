using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Validation;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// PATCH of a group's <c>members</c>, turned into a <see cref="MembershipChange"/> instead of a document edit, so a
/// group of a million members costs the same as one of ten. Forms: <c>add</c> (ids appended; present ones ignored),
/// <c>replace</c> (the whole set), <c>remove</c> without value (empties the group), <c>remove</c> with a value array
/// (Entra: only those), <c>remove members[value eq "id"]</c> (Okta; removing a non-member is a no-op so retries stay
/// harmless). Filters on other sub-attributes are evaluated against the loaded member list.
/// </summary>
internal sealed class GroupMembersPatch(IReadOnlyList<MemberReference> loadedMembers)
{
    private readonly MembershipDelta delta = new();

    /// <summary>Whether an operation filters members by something other than their ids, which needs the member list loaded.</summary>
    public static bool NeedsMemberList(ScimPath? path) =>
        path is { Attribute.Name: "members", SchemaUrn: null, ValueFilter: { } filter } && ValuePathFilters.ValueEqualities(filter) is null;

    public MembershipChange? Change => delta.ToChange();

    public void Apply(PatchOpKind kind, ScimPath path, JsonNode? value)
    {
        if (path.SubAttribute is not null)
        {
            throw ScimException.BadRequest(
                ScimErrorTypes.Mutability, $"'{path}' cannot be changed: a member's value, type and $ref are fixed and display is read-only. Add or remove members instead.");
        }

        if (path.ValueFilter is null)
        {
            switch (kind)
            {
                case PatchOpKind.Add:
                    delta.Add(MemberIds.From(value));
                    break;
                case PatchOpKind.Replace:
                    delta.ReplaceWith(MemberIds.From(value));
                    break;
                default:
                    if (value is null)
                    {
                        delta.ReplaceWith([]);
                    }
                    else
                    {
                        delta.Remove(MemberIds.From(value));
                    }

                    break;
            }

            return;
        }

        var named = ValuePathFilters.ValueEqualities(path.ValueFilter);
        switch (kind)
        {
            case PatchOpKind.Remove:
                delta.Remove(named ?? Matching(path));
                break;
            case PatchOpKind.Add when named is not null:
                delta.Add(named);
                break;
            case PatchOpKind.Add:
                throw ScimException.BadRequest(ScimErrorTypes.NoTarget, $"'{path}' does not name the members to add; use members[value eq \"<id>\"] or path 'members' with a value.");
            default:
                throw ScimException.BadRequest(
                    ScimErrorTypes.Mutability, $"Members cannot be replaced in place ('{path}'): remove the member and add the new one.");
        }
    }

    private IEnumerable<string> Matching(ScimPath path)
    {
        var known = loadedMembers.ToDictionary(m => m.Value, StringComparer.Ordinal);
        return delta.ApplyTo(known.Keys).Where(id =>
        {
            var member = known.GetValueOrDefault(id);
            var element = new JsonObject { ["value"] = id, ["type"] = member?.Type.ToString(), ["display"] = member?.Display };
            return ValuePathFilters.Matches(path.ValueFilter!, path.Attribute, element);
        }).ToList();
    }
}
