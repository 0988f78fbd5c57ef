using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// The sort key of a resource as an aggregation expression, as the Core sort comparer (ScimSortComparer) defines it:
/// the attribute's value; for a multi-valued attribute the primary element's, else the first element's (sub-attribute
/// <c>value</c> when none is named); strings from the search view (folded unless caseExact) and never empty; a value
/// of another kind than the attribute's type is no key. Always evaluates to a value or null, never to "missing".
/// MongoDB's own sort of an array field (smallest element) is not that key, hence a computed field.
/// </summary>
public static class MongoSortKey
{
    /// <returns>The key expression and the leaf definition (null when the path names nothing: every key is null).</returns>
    public static (BsonValue Expression, ScimAttributeDefinition? Leaf) For(ScimResourceType type, Core.Scim.Filtering.AttributePath path)
    {
        var definition = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        var sub = path.SubAttribute ?? (definition?.Type == ScimAttributeType.Complex ? "value" : null);
        var leaf = sub is null ? definition : definition?.FindSubAttribute(sub);
        if (definition is null || leaf is null || Source(type, definition, leaf == definition ? null : leaf.Name, path.SchemaUrn) is not { } source)
        {
            return (BsonNull.Value, null);
        }

        return (new BsonDocument("$let", new BsonDocument { { "vars", new BsonDocument("v", source) }, { "in", Typed("$$v", leaf.Type) } }), leaf);
    }

    /// <summary>
    /// The stored field that is the key itself, when every stored resource of the type has it as a non-empty value of the
    /// attribute's type: then the order sorts and seeks on the field, which an index can serve, instead of a computed key.
    /// meta.created/lastModified are always set (id is too, but it is already the tie-breaker); a required core string
    /// (userName, a group's displayName) is never absent, blank or of another type in a stored resource (Core refuses such
    /// a write), and its search value is the key. <c>Unique</c>: no two resources of the type share the key (the unique
    /// indexes), so the key alone is the order and the index serves it without an id tie-breaker.
    /// </summary>
    public static (string Field, bool Unique)? NativeField(ScimResourceType type, Core.Scim.Filtering.AttributePath path)
    {
        var definition = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        if (ReferenceEquals(definition, CommonAttributes.Meta))
        {
            return path.SubAttribute switch
            {
                "created" => (MongoResourceFields.Created, false),
                "lastModified" => (MongoResourceFields.LastModified, false),
                _ => null,
            };
        }

        return definition is { Required: true, MultiValued: false, Type: ScimAttributeType.String } && path.SubAttribute is null
            && MongoResourceFields.ExtensionOf(type, path.SchemaUrn) is null
            ? (MongoResourceFields.SearchPath(null, definition.Name), definition.Uniqueness == AttributeUniqueness.Server)
            : null;
    }

    private static BsonValue? Source(ScimResourceType type, ScimAttributeDefinition definition, string? sub, string? schemaUrn)
    {
        if (ReferenceEquals(definition, CommonAttributes.Id))
        {
            return "$" + MongoResourceFields.Id;
        }

        if (ReferenceEquals(definition, CommonAttributes.Meta))
        {
            return sub switch
            {
                "created" => "$" + MongoResourceFields.Created,
                "lastModified" => "$" + MongoResourceFields.LastModified,
                "resourceType" => "$" + MongoResourceFields.ResourceType,
                "version" => new BsonDocument("$concat", new BsonArray { "W/\"", new BsonDocument("$toString", "$" + MongoResourceFields.Version), "\"" }),
                _ => null,
            };
        }

        if (new ResourceContext(type).IsMembership(definition) is not null)
        {
            return null; // the parser refuses sortBy on memberships
        }

        var field = "$" + MongoResourceFields.SearchPath(MongoResourceFields.ExtensionOf(type, schemaUrn), definition.Name);
        return definition.MultiValued ? Chosen(field, sub) : sub is null ? field : field + "." + sub;
    }

    /// <summary>The element whose <c>primary</c> is true, else the first (a lone value is one element), then its sub-attribute.</summary>
    private static BsonDocument Chosen(string field, string? sub)
    {
        var elements = new BsonDocument("$cond", new BsonArray { new BsonDocument("$isArray", field), field, new BsonArray { field } });
        var primary = new BsonDocument("$first", new BsonDocument("$filter", new BsonDocument
        {
            { "input", "$$e" },
            { "cond", new BsonDocument("$eq", new BsonArray { "$$this.primary", true }) },
        }));
        var chosen = new BsonDocument("$ifNull", new BsonArray { primary, new BsonDocument("$first", "$$e") });
        var inner = new BsonDocument("$let", new BsonDocument { { "vars", new BsonDocument("c", chosen) }, { "in", sub is null ? "$$c" : "$$c." + sub } });
        return new BsonDocument("$let", new BsonDocument { { "vars", new BsonDocument("e", elements) }, { "in", inner } });
    }

    private static BsonDocument Typed(string v, ScimAttributeType type)
    {
        var kind = new BsonDocument("$type", v);
        var (test, key) = type switch
        {
            ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary => (
                (BsonValue)new BsonDocument("$and", new BsonArray { Equal(kind, "string"), new BsonDocument("$ne", new BsonArray { v, string.Empty }) }), (BsonValue)v),
            ScimAttributeType.Boolean => (Equal(kind, "bool"), v),
            ScimAttributeType.Integer or ScimAttributeType.Decimal => (new BsonDocument("$isNumber", v), new BsonDocument("$toDouble", v)),
            ScimAttributeType.DateTime => (Equal(kind, "date"), v),
            _ => (false, BsonNull.Value),
        };
        return new BsonDocument("$cond", new BsonArray { test, key, BsonNull.Value });
    }

    private static BsonDocument Equal(BsonValue left, BsonValue right) => new("$eq", new BsonArray { left, right });
}
