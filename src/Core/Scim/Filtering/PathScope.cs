using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// The resource type a filter or <c>sortBy</c> is resolved for, and the types the request searches. A list or a search
/// of one type searches only that type. The root search (RFC 7644 §3.4.3, <c>POST /.search</c>) searches Users and
/// Groups with one filter, so a name may belong to either: a name <see cref="Type"/> lacks resolves against the searched
/// type that has it and names nothing in <see cref="Type"/>'s resources (see <see cref="AttributePathResolver"/>).
/// </summary>
internal sealed record PathScope(ScimResourceType Type, IReadOnlyList<ScimResourceType> Searched)
{
    /// <summary>Every type whose schemas may define a name, in the order the request searches them.</summary>
    public IReadOnlyList<ScimResourceType> Types => Searched.Contains(Type) ? Searched : [Type, .. Searched];

    /// <summary>The type that defines a name: <see cref="Type"/> first, then the others.</summary>
    public IEnumerable<ScimResourceType> Candidates => Types.Where(t => t != Type).Prepend(Type);

    /// <summary>"User" or "User or Group", for error details.</summary>
    public string Describe() => string.Join(" or ", Types);
}
