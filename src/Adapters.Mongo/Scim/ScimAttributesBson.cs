using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Adapters.Mongo.Database;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// SCIM attributes (JSON) as BSON and back, keeping what the contract demands of a store: member order and exact kinds
/// (true stays true, 1 stays 1, "1" stays "1"). Integers become Int64, other numbers Decimal128 (keeps "1.50" as written,
/// and compares numerically with integers in queries); names are encoded by <see cref="AttributeNames"/>.
/// </summary>
public static class ScimAttributesBson
{
    public static BsonDocument ToBson(JsonObject attributes)
    {
        var document = new BsonDocument();
        foreach (var (name, value) in attributes)
        {
            document.Add(AttributeNames.Encode(name), ToBson(value));
        }

        return document;
    }

    public static JsonObject ToJson(BsonDocument document)
    {
        var attributes = new JsonObject();
        foreach (var element in document)
        {
            attributes.Add(AttributeNames.Decode(element.Name), ToJson(element.Value));
        }

        return attributes;
    }

    private static BsonValue ToBson(JsonNode? node) => node switch
    {
        null => BsonNull.Value,
        JsonObject o => ToBson(o),
        JsonArray a => new BsonArray(a.Select(ToBson)),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => new BsonString(v.GetValue<string>()),
            JsonValueKind.True => BsonBoolean.True,
            JsonValueKind.False => BsonBoolean.False,
            JsonValueKind.Number => Number(v),
            _ => BsonNull.Value,
        },
        _ => throw new ArgumentException($"Unexpected JSON node {node.GetType().Name}."),
    };

    private static BsonValue Number(JsonValue value)
    {
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return new BsonInt64(integer);
        }

        // Decimal128 (34 digits, exponents to ±6143) keeps what JSON sent, exponent and trailing zeros included, where
        // System.Decimal would round 1e-30 to 0; beyond it a double is the closest BSON has.
        return Decimal128.TryParse(text, out var exact)
            ? new BsonDecimal128(exact)
            : new BsonDouble(double.Parse(text, CultureInfo.InvariantCulture));
    }

    private static JsonNode? ToJson(BsonValue value) => value.BsonType switch
    {
        BsonType.Null => null,
        BsonType.Document => ToJson(value.AsBsonDocument),
        BsonType.Array => new JsonArray(value.AsBsonArray.Select(ToJson).ToArray()),
        BsonType.String => JsonValue.Create(value.AsString),
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Decimal128 => JsonNode.Parse(value.AsDecimal128.ToString()), // its text is a JSON number
        BsonType.Double => JsonValue.Create(value.AsDouble),
        _ => throw new InvalidOperationException($"A stored SCIM attribute holds BSON {value.BsonType}, which no SCIM write stores."),
    };
}
