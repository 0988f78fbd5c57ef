using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// The <c>search</c> field of a resource document: the attributes with the same shape (same arrays, same element order,
/// so one <c>$elemMatch</c> sees every sub-attribute of an element), but each value as filters compare it: strings of
/// attributes that are not caseExact folded (<see cref="ScimStringComparison.Fold"/>), dateTimes that parse as BSON
/// dates (millisecond precision), numbers as doubles (the evaluator compares doubles). Extensions sit under
/// <see cref="MongoResourceFields.ExtensionKey"/>. The store writes it beside <c>attributes</c> on every write.
/// </summary>
public static class MongoSearchView
{
    public static BsonDocument Of(ScimResourceType type, JsonObject attributes)
    {
        var view = new BsonDocument();
        foreach (var (name, node) in attributes)
        {
            var extension = ScimResourceSchemas.ExtensionsOf(type).FirstOrDefault(s => string.Equals(s.Id, name, StringComparison.OrdinalIgnoreCase));
            view[extension is null ? Database.AttributeNames.Encode(name) : MongoResourceFields.ExtensionKey(extension.Id)] = extension is not null && node is JsonObject members
                ? new BsonDocument(members.Select(m => new BsonElement(m.Key, Value(m.Value, extension.FindAttribute(m.Key)))))
                : Value(node, ScimResourceSchemas.FindAttribute(type, null, name));
        }

        return view;
    }

    /// <param name="definition">The attribute (or sub-attribute) the value belongs to; null when the catalog has none.</param>
    private static BsonValue Value(JsonNode? node, ScimAttributeDefinition? definition) => node switch
    {
        null => BsonNull.Value,
        JsonArray array => new BsonArray(array.Select(e => Value(e, definition))),
        JsonObject obj => new BsonDocument(obj.Select(p => new BsonElement(p.Key, Value(p.Value, definition?.FindSubAttribute(p.Key))))),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => Text(MongoComparison.Text(value) ?? string.Empty, definition),
            JsonValueKind.Number => new BsonDouble(double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            JsonValueKind.True => BsonBoolean.True,
            JsonValueKind.False => BsonBoolean.False,
            _ => BsonNull.Value,
        },
        _ => BsonNull.Value,
    };

    private static BsonValue Text(string text, ScimAttributeDefinition? definition) => definition?.Type switch
    {
        ScimAttributeType.DateTime => ScimDateTime.TryParse(text, out var instant) ? new BsonDateTime(instant.UtcDateTime) : text,
        ScimAttributeType.String or ScimAttributeType.Reference or ScimAttributeType.Binary => ScimStringComparison.Fold(text, definition.CaseExact),
        _ => text,
    };
}
