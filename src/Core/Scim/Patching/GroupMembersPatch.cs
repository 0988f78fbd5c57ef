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

    /// <summary>
    /// Whether applying <paramref name="operations"/> needs the group's member list loaded. A path that does not parse
    /// needs nothing here: applying it reports the problem, after the resource is known to exist.
    /// </summary>
    public static bool NeedsMemberList(ScimResourceType type, IEnumerable<PatchOperation> operations) =>
        type == ScimResourceType.Group && operations.Any(op => op.Path is { } path && NeedsMemberList(TryParse(type, path)));

    private static ScimPath? TryParse(ScimResourceType type, string path)
    {
        try
        {
            return ScimPathParser.Parse(type, path);
        }
        catch (ScimException)
        {
            return null;
        }
    }

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

    /// <summary>
    /// Members as loaded, less those this request already removed, that the filter matches. Members added earlier in the
    /// same request are not considered: nothing is known of them but their ids, which id filters name directly.
    /// </summary>
    private IEnumerable<string> Matching(ScimPath path)
    {
        var current = delta.ApplyTo(loadedMembers.Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        return loadedMembers.Where(m => current.Contains(m.Value) && ValuePathFilters.MatchesMember(path.ValueFilter!, m)).Select(m => m.Value).ToList();
    }
}
