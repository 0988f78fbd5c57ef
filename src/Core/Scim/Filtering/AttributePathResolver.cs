using System.Text.RegularExpressions;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>
/// Resolves <c>[schemaUrn:]attr[.sub]</c> (RFC 7644 §3.10) to canonical names. The core schema's URN
/// resolves to SchemaUrn null, like an unqualified name; extension attributes keep their schema's canonical URN.
/// </summary>
internal static partial class AttributePathResolver
{
    // RFC 7644 ATTRNAME is ALPHA *(nameChar); '$' is allowed because "$ref" is a sub-attribute name.
    [GeneratedRegex(@"^([A-Za-z$][A-Za-z0-9_$-]*)(?:\.([A-Za-z$][A-Za-z0-9_$-]*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    public static ResolvedPath Resolve(string text, ScimResourceType type, string where, string scimType)
    {
        var (urn, rest) = SplitSchema(text, type, where, scimType);
        var match = NamePattern().Match(rest);
        if (!match.Success)
        {
            throw Error(scimType, $"Invalid attribute path '{text}' {where}: expected [schemaUrn:]attribute[.subAttribute].");
        }

        var attribute = ScimResourceSchemas.FindAttribute(type, urn, match.Groups[1].Value)
            ?? throw Error(scimType, UnknownAttribute(text, match.Groups[1].Value, urn, type, where));
        var path = new AttributePath(urn, attribute.Name);
        var resolved = new ResolvedPath(path, attribute, null);
        if (match.Groups[2].Success)
        {
            resolved = resolved.WithSubAttribute(FindSubAttribute(attribute, match.Groups[2].Value, where, scimType));
        }

        RejectUnqueryable(resolved, type, where, scimType);
        return resolved;
    }

    /// <summary>A name inside <c>attr[...]</c>: a sub-attribute of the outer attribute, nothing more.</summary>
    public static ResolvedPath ResolveSubAttribute(ResolvedPath outer, string text, ScimResourceType type, string where, string scimType)
    {
        if (!NamePattern().IsMatch(text) || text.Contains('.', StringComparison.Ordinal))
        {
            throw Error(scimType, $"Invalid name '{text}' {where}: inside '{outer.Attribute.Name}[...]' name a sub-attribute of '{outer.Attribute.Name}' (e.g. '{outer.Attribute.SubAttributes[0].Name}').");
        }

        var resolved = outer.WithSubAttribute(FindSubAttribute(outer.Attribute, text, where, scimType));
        RejectUnqueryable(resolved, type, where, scimType);
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
            throw Error(scimType, $"'{path.Path}' {where} is a complex attribute: name one of its sub-attributes ({subs}).");
        }

        return path.WithSubAttribute(value);
    }

    private static (string? Urn, string Local) SplitSchema(string text, ScimResourceType type, string where, string scimType)
    {
        if (!text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return (null, text);
        }

        var core = ScimResourceSchemas.CoreSchemaOf(type);
        foreach (var schema in ScimResourceSchemas.ExtensionsOf(type).Prepend(core))
        {
            if (text.Length > schema.Id.Length + 1 && text.StartsWith(schema.Id + ":", StringComparison.OrdinalIgnoreCase))
            {
                return (schema == core ? null : schema.Id, text[(schema.Id.Length + 1)..]);
            }

            if (string.Equals(text, schema.Id, StringComparison.OrdinalIgnoreCase))
            {
                throw Error(scimType, $"'{text}' {where} names a schema, not an attribute: append ':attributeName'.");
            }
        }

        var lastColon = text.LastIndexOf(':');
        var urn = lastColon > 4 ? text[..lastColon] : text;
        throw Error(scimType, $"Unknown schema '{urn}' in '{text}' {where}: {type} resources have the schemas {string.Join(", ", ScimResourceSchemas.ExtensionsOf(type).Prepend(core).Select(s => s.Id))}.");
    }

    private static ScimAttributeDefinition FindSubAttribute(ScimAttributeDefinition attribute, string name, string where, string scimType)
    {
        if (attribute.Type != ScimAttributeType.Complex)
        {
            throw Error(scimType, $"'{attribute.Name}' {where} has no sub-attributes ('{name}'): it is a {attribute.Type} attribute.");
        }

        return attribute.FindSubAttribute(name)
            ?? throw Error(scimType, $"Unknown sub-attribute '{name}' of '{attribute.Name}' {where}; known: {string.Join(", ", attribute.SubAttributes.Select(s => s.Name))}.");
    }

    private static string UnknownAttribute(string text, string name, string? urn, ScimResourceType type, string where)
    {
        var written = text == name ? string.Empty : $" (in '{text}')";
        var detail = $"Unknown attribute '{name}' {where}{written} for {type} resources.";
        var extension = urn is null
            ? ScimResourceSchemas.ExtensionsOf(type).FirstOrDefault(s => s.FindAttribute(name) is not null)
            : null;
        return extension is null ? detail : detail + $" Extension attributes need their schema URN: '{extension.Id}:{extension.FindAttribute(name)!.Name}'.";
    }

    // Attributes the catalog defines but no resource record holds: filtering or sorting on them could never be answered.
    private static void RejectUnqueryable(ResolvedPath resolved, ScimResourceType type, string where, string scimType)
    {
        var (attribute, sub) = (resolved.Attribute.Name, resolved.SubAttribute?.Name);
        var reason = (resolved.Path.SchemaUrn, attribute, sub) switch
        {
            (null, "password", _) => "passwords are never stored",
            (null, "meta", "location") => "the location is derived from the request's base URL",
            (null, "members" or "groups", "$ref") => "the reference is derived from the request's base URL; use '" + attribute + ".value'",
            (null, "groups", "type") when type == ScimResourceType.User => "membership type is not recorded",
            _ => null,
        };
        if (reason is not null)
        {
            throw Error(scimType, $"'{resolved.Path}' {where} cannot be queried: {reason}.");
        }
    }

    private static ScimException Error(string scimType, string detail) => ScimException.BadRequest(scimType, detail);
}
