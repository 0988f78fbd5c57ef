using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Parses RFC 7644 §3.4.2.2 filters into a <see cref="FilterNode"/> with paths resolved for one resource type.
/// <list type="bullet">
/// <item>Keywords (<c>and or not eq ne co sw ew pr gt ge lt le true false null</c>) and attribute names are case-insensitive;
/// paths come out with canonical names, <c>SchemaUrn</c> null for the core schema and common attributes.</item>
/// <item>Precedence: <c>not (...)</c> over <c>and</c> over <c>or</c>; <c>and</c>/<c>or</c> chains are left-associative.
/// <c>not</c> must be followed by a parenthesised expression, as the RFC's grammar says.</item>
/// <item>A complex attribute compared directly means its <c>value</c>: <c>emails eq "x"</c> is <c>emails.value eq "x"</c>.</item>
/// <item>Value paths apply to any complex attribute except <c>meta</c> (a single complex value is one element); inside the
/// brackets names are sub-attributes of that attribute, held in the AST as full paths; brackets do not nest.
/// <c>emails[type eq "work"].value eq "x"</c> (Entra) becomes <c>emails[type eq "work" and value eq "x"]</c>.</item>
/// <item>Not queryable (the catalog defines them, no record holds them): password, meta.location, members.$ref,
/// groups.$ref, groups.type.</item>
/// <item>Values are JSON literals. An unquoted word that is not true/false/null, not a JSON number and not a keyword is read
/// as a string, taken literally without escapes (Entra's legacy <c>externalId eq bob</c>, <c>meta.created gt 2015-10-10T14:38:21Z</c>);
/// an unquoted number is a number, so a string attribute rejects it ("quote the value").
/// A quoted "true"/"false" is accepted for a Boolean attribute.</item>
/// <item>Values are checked against the attribute's type; the AST holds strings as JSON strings, numbers as doubles, booleans as booleans,
/// dateTimes as strings in <see cref="ScimDateTime.Format"/>'s canonical UTC form, and a null <c>Value</c> for <c>eq null</c>/<c>ne null</c>/<c>pr</c>.</item>
/// </list>
/// Positions in error details are 0-based character offsets into the filter.
/// </summary>
public static class ScimFilterParser
{
    /// <summary>Longest filter accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 4096;

    /// <summary>Deepest nesting of parentheses and brackets accepted.</summary>
    public const int MaxDepth = 50;

    /// <param name="searchedTypes">
    /// The types one request searches with this filter, when more than <paramref name="resourceType"/> (the root search):
    /// a name any of them defines is valid, and one <paramref name="resourceType"/> lacks is unassigned in its resources.
    /// </param>
    /// <exception cref="ScimException">400 <c>invalidFilter</c>, with a detail that points at the problem; never any other exception.</exception>
    public static FilterNode Parse(string filter, ScimResourceType resourceType, IReadOnlyList<ScimResourceType>? searchedTypes = null)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            throw FilterErrors.Invalid("The filter is empty.");
        }

        if (filter.Length > MaxLength)
        {
            throw FilterErrors.Invalid($"The filter is {filter.Length} characters long; at most {MaxLength} are accepted.");
        }

        return new FilterGrammar(FilterTokenizer.Tokenize(filter), new PathScope(resourceType, searchedTypes ?? [])).ParseFilter();
    }

    /// <summary>
    /// Parses a lone attribute path, as the <c>sortBy</c> parameter gives it (RFC 7644 §3.4.2.3): same path grammar and
    /// resolution as filters; a complex attribute with a <c>value</c> sub-attribute means that sub-attribute.
    /// Errors are 400 <c>invalidValue</c> (the RFC has no sort-specific scimType; the parameter's value is what is wrong).
    /// Group <c>members</c> and user <c>groups</c> are refused: memberships have neither order nor primary.
    /// <paramref name="searchedTypes"/> as for <see cref="Parse"/>: a key another searched type defines is no key here.
    /// </summary>
    /// <exception cref="ScimException">400 <c>invalidValue</c>.</exception>
    public static AttributePath ParseAttributePath(string path, ScimResourceType type, IReadOnlyList<ScimResourceType>? searchedTypes = null)
    {
        const string where = "in sortBy";
        var text = path?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.Length > MaxLength)
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"sortBy must name one attribute path (at most {MaxLength} characters).");
        }

        var resolved = AttributePathResolver.Resolve(text, new PathScope(type, searchedTypes ?? []), where, ScimErrorTypes.InvalidValue);
        if (resolved is { InCoreSchema: true, Attribute.Name: "members" or "groups" })
        {
            throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Cannot sort by '{resolved.Name}': memberships have neither order nor a primary value.");
        }

        return AttributePathResolver.Comparable(resolved, where, ScimErrorTypes.InvalidValue).Path;
    }
}
