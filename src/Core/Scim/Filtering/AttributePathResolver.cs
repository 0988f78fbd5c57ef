using System.Text.RegularExpressions;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Resolves <c>[schemaUrn:]attr[.sub]</c> (RFC 7644 §3.10) to canonical names. The core schema's URN
/// resolves to SchemaUrn null, like an unqualified name; extension attributes keep their schema's canonical URN.
/// In a search across types (<see cref="PathScope"/>), a name only another searched type defines resolves against that
/// type's schema (so values are still type-checked) and keeps or gains a schema URN the resolved type does not have:
/// that type's core URN (<c>urn:…:core:2.0:User:userName</c> for a group) or the extension's. Every executor then finds
/// nothing there, i.e. the attribute is unassigned: <c>userName eq "x"</c> matches no group, <c>not (userName pr)</c> every group.
/// </summary>
internal static partial class AttributePathResolver
{
    // RFC 7644 ATTRNAME is ALPHA *(nameChar); '$' is allowed because "$ref" is a sub-attribute name.
    [GeneratedRegex(@"^([A-Za-z$][A-Za-z0-9_$-]*)(?:\.([A-Za-z$][A-Za-z0-9_$-]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static ResolvedPath Resolve(string text, PathScope scope, string where, string scimType)
    {
        var owner = scope.Candidates.Where(t => Defines(t, text)).DefaultIfEmpty(scope.Type).First();
        var resolved = Resolve(text, owner, scope, where, scimType);
        return owner == scope.Type || resolved.Path.SchemaUrn is not null
            ? resolved
            : resolved with { Path = resolved.Path with { SchemaUrn = ScimResourceSchemas.CoreSchemaOf(owner).Id } };
    }

    /// <summary>A name inside <c>attr[...]</c>: a sub-attribute of the outer attribute, nothing more.</summary>
    public static ResolvedPath ResolveSubAttribute(ResolvedPath outer, string text, string where, string scimType)
    {
        if (!NamePattern().IsMatch(text) || text.Contains('.', StringComparison.Ordinal))
        {
            throw Error(scimType, $"Invalid name '{text}' {where}: inside '{outer.Attribute.Name}[...]' name a sub-attribute of '{outer.Attribute.Name}' (e.g. '{outer.Attribute.SubAttributes[0].Name}').");
        }

        var resolved = outer.WithSubAttribute(FindSubAttribute(outer.Attribute, text, where, scimType));
        RejectUnqueryable(resolved, where, scimType);
        return resolved;
    }

    /// <summary>
    /// What a value comparison on <paramref name="path"/> compares: a complex attribute named without a sub-attribute
    /// means its <c>value</c> (<c>emails eq "x"</c>, <c>members eq "id"</c>); one without <c>value</c> cannot be compared.
    /// </summary>
    public static ResolvedPath Comparable(ResolvedPath path, string where, string scimType)
    {
        if (path.Leaf.Type != ScimAttributeType.Complex)
        {
            return path;
        }

        var value = path.Attribute.FindSubAttribute("value");
        if (value is null)
        {
            var subs = string.Join(", ", path.Attribute.SubAttributes.Select(s => path.Attribute.Name + "." + s.Name));
            throw Error(scimType, $"'{path.Name}' {where} is a complex attribute: name one of its sub-attributes ({subs}).");
        }

        return path.WithSubAttribute(value);
    }

    /// <summary>Resolves against <paramref name="owner"/>'s schemas; errors describe every type of <paramref name="scope"/>.</summary>
    private static ResolvedPath Resolve(string text, ScimResourceType owner, PathScope scope, string where, string scimType)
    {
        var (urn, rest) = SplitSchema(text, owner) ?? throw Error(scimType, UnknownSchema(text, scope, where));
        var match = NamePattern().Match(rest);
        if (!match.Success)
        {
            throw Error(scimType, $"Invalid attribute path '{text}' {where}: expected [schemaUrn:]attribute[.subAttribute].");
        }

        var attribute = ScimResourceSchemas.FindAttribute(owner, urn, match.Groups[1].Value)
            ?? throw Error(scimType, UnknownAttribute(text, match.Groups[1].Value, urn, scope, where));
        var resolved = new ResolvedPath(new AttributePath(urn, attribute.Name), attribute, null);
        if (match.Groups[2].Success)
        {
            resolved = resolved.WithSubAttribute(FindSubAttribute(attribute, match.Groups[2].Value, where, scimType));
        }

        RejectUnqueryable(resolved, where, scimType);
        return resolved;
    }

    /// <summary>Whether <paramref name="type"/> defines the attribute <paramref name="text"/> names (sub-attribute aside).</summary>
    private static bool Defines(ScimResourceType type, string text) =>
        SplitSchema(text, type) is (var urn, var rest)
        && NamePattern().Match(rest) is { Success: true } match
        && ScimResourceSchemas.FindAttribute(type, urn, match.Groups[1].Value) is not null;

    /// <returns>The extension URN (null for the core schema or no URN) and the rest; null when the text starts with no schema of the type.</returns>
    private static (string? Urn, string Local)? SplitSchema(string text, ScimResourceType type)
    {
        if (!text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, text);
        }

        var core = ScimResourceSchemas.CoreSchemaOf(type);
        var schema = SchemasOf(type).FirstOrDefault(s => text.Length > s.Id.Length + 1 && text.StartsWith(s.Id + ":", StringComparison.OrdinalIgnoreCase));
        return schema is null ? null : (schema == core ? null : schema.Id, text[(schema.Id.Length + 1)..]);
    }

    private static string UnknownSchema(string text, PathScope scope, string where)
    {
        var schemas = scope.Types.SelectMany(SchemasOf).ToList();
        if (schemas.Any(s => string.Equals(text, s.Id, StringComparison.OrdinalIgnoreCase)))
        {
            return $"'{text}' {where} names a schema, not an attribute: append ':attributeName'.";
        }

        var lastColon = text.LastIndexOf(':');
        var urn = lastColon > 4 ? text[..lastColon] : text;
        return $"Unknown schema '{urn}' in '{text}' {where}: {scope.Describe()} resources have the schemas {string.Join(", ", schemas.Select(s => s.Id))}.";
    }

    private static IEnumerable<ScimSchemaDefinition> SchemasOf(ScimResourceType type) =>
        ScimResourceSchemas.ExtensionsOf(type).Prepend(ScimResourceSchemas.CoreSchemaOf(type));

    private static ScimAttributeDefinition FindSubAttribute(ScimAttributeDefinition attribute, string name, string where, string scimType)
    {
        if (attribute.Type != ScimAttributeType.Complex)
        {
            throw Error(scimType, $"'{attribute.Name}' {where} has no sub-attributes ('{name}'): it is a {attribute.Type} attribute.");
        }

        return attribute.FindSubAttribute(name)
            ?? throw Error(scimType, $"Unknown sub-attribute '{name}' of '{attribute.Name}' {where}; known: {string.Join(", ", attribute.SubAttributes.Select(s => s.Name))}.");
    }

    private static string UnknownAttribute(string text, string name, string? urn, PathScope scope, string where)
    {
        var written = text == name ? string.Empty : $" (in '{text}')";
        var detail = $"Unknown attribute '{name}' {where}{written} for {scope.Describe()} resources.";
        var extension = urn is null
            ? scope.Types.SelectMany(ScimResourceSchemas.ExtensionsOf).FirstOrDefault(s => s.FindAttribute(name) is not null)
            : null;
        return extension is null ? detail : detail + $" Extension attributes need their schema URN: '{extension.Id}:{extension.FindAttribute(name)!.Name}'.";
    }

    // Attributes the catalog defines but no resource record holds: filtering or sorting on them could never be answered.
    private static void RejectUnqueryable(ResolvedPath resolved, string where, string scimType)
    {
        var (attribute, sub) = (resolved.Attribute.Name, resolved.SubAttribute?.Name);
        var reason = (resolved.InCoreSchema, attribute, sub) switch
        {
            (true, "password", _) => "passwords are never stored",
            (true, "meta", "location") => "the location is derived from the request's base URL",
            (true, "members" or "groups", "$ref") => "the reference is derived from the request's base URL; use '" + attribute + ".value'",
            (true, "groups", "type") => "membership type is not recorded",
            _ => null,
        };
        if (reason is not null)
        {
            throw Error(scimType, $"'{resolved.Name}' {where} cannot be queried: {reason}.");
        }
    }

    private static ScimException Error(string scimType, string detail) => ScimException.BadRequest(scimType, detail);
}
