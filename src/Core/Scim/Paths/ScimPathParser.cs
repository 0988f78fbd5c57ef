using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Core.Scim.Paths;

/// <summary>
/// Resolves attribute paths (PATCH <c>path</c>, keys of a path-less PATCH value, <c>attributes</c>, <c>sortBy</c>)
/// against the schema catalog. Names match case-insensitively and come back canonical.
/// </summary>
internal static class ScimPathParser
{
    /// <returns>
    /// The path, or null when it is qualified by a schema URN this service does not serve (such attributes are
    /// ignored by policy, like Entra's custom extension attributes).
    /// </returns>
    /// <exception cref="ScimException">400 <c>invalidPath</c> (unknown attribute, malformed) or <c>invalidFilter</c>.</exception>
    public static ScimPath? Parse(ScimResourceType type, string text)
    {
        var path = text.Trim();
        if (path.Length == 0)
        {
            throw Invalid("An attribute path is empty.");
        }

        var bracket = path.IndexOf('[', StringComparison.Ordinal);
        var head = bracket < 0 ? path : path[..bracket];
        ScimSchemaDefinition schema = ScimResourceSchemas.CoreSchemaOf(type);
        var colon = head.LastIndexOf(':');
        if (colon >= 0)
        {
            var urn = head[..colon];
            if (FindSchema(type, urn) is not { } named)
            {
                return IsServedSchema(urn) || FindSchema(type, path) is not null
                    ? throw Invalid($"'{path}' is not an attribute path of {type} resources.")
                    : null;
            }

            schema = named;
            head = head[(colon + 1)..];
        }

        var names = head.Split('.');
        if (names.Length > 2 || names.Any(n => n.Length == 0))
        {
            throw Invalid($"'{path}' is not a valid attribute path.");
        }

        var isCore = schema.Id == ScimResourceSchemas.CoreSchemaOf(type).Id;
        var attribute = (isCore ? ScimResourceSchemas.FindAttribute(type, null, names[0]) : schema.FindAttribute(names[0]))
            ?? throw Invalid($"'{names[0]}' is not an attribute of {type} resources (path '{path}').");
        var schemaUrn = isCore ? null : schema.Id;
        var subName = names.Length == 2 ? names[1] : null;
        Filtering.FilterNode? filter = null;
        string? filterText = null;

        if (bracket >= 0)
        {
            if (subName is not null)
            {
                throw Invalid($"'{path}' puts a value filter after a sub-attribute.");
            }

            var close = ClosingBracket(path, bracket);
            filterText = path[(bracket + 1)..close].Trim();
            var rest = path[(close + 1)..];
            if (rest.Length > 0)
            {
                subName = rest[0] == '.' && rest.Length > 1 && rest.IndexOfAny(['.', '[', ']'], 1) < 0
                    ? rest[1..]
                    : throw Invalid($"'{path}' has unexpected text after the value filter.");
            }

            if (!attribute.MultiValued || attribute.Type != ScimAttributeType.Complex)
            {
                throw Invalid($"'{attribute.Name}' is not a multi-valued complex attribute, so '{path}' cannot filter its values.");
            }

            filter = ValuePathFilters.Parse(type, schemaUrn, attribute, filterText);
        }

        ScimAttributeDefinition? sub = null;
        if (subName is not null)
        {
            sub = attribute.FindSubAttribute(subName)
                ?? throw Invalid($"'{subName}' is not a sub-attribute of '{attribute.Name}' (path '{path}').");
        }

        return new ScimPath(schemaUrn, attribute, filter, sub, filterText);
    }

    /// <summary>The core schema or an extension of <paramref name="type"/> whose id is <paramref name="urn"/> (any case).</summary>
    public static ScimSchemaDefinition? FindSchema(ScimResourceType type, string urn) =>
        new[] { ScimResourceSchemas.CoreSchemaOf(type) }.Concat(ScimResourceSchemas.ExtensionsOf(type))
            .FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

    /// <summary>The extension of <paramref name="type"/> whose id is <paramref name="urn"/> (any case).</summary>
    public static ScimSchemaDefinition? FindExtension(ScimResourceType type, string urn) =>
        ScimResourceSchemas.ExtensionsOf(type).FirstOrDefault(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

    private static bool IsServedSchema(string urn) =>
        ScimResourceSchemas.All.Any(s => string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

    private static int ClosingBracket(string path, int open)
    {
        var quoted = false;
        for (var i = open + 1; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '\\' when quoted:
                    i++;
                    break;
                case '"':
                    quoted = !quoted;
                    break;
                case ']' when !quoted:
                    return i;
            }
        }

        throw Invalid($"'{path}' opens a value filter with '[' but never closes it.");
    }

    private static ScimException Invalid(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidPath, detail);
}
