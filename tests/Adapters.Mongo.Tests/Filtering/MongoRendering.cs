using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Bson.IO;

namespace AutoRfpHex.Adapters.Mongo.Tests.Filtering;

/// <summary>Parses SCIM filter text with the Core parser and renders the Mongo translation as canonical shell JSON.</summary>
internal static class MongoRendering
{
    public const string Enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string EnterpriseKey = "urn:ietf:params:scim:schemas:extension:enterprise:2\uFF0E0:User";

    private static readonly JsonWriterSettings Shell = new() { OutputMode = JsonOutputMode.Shell };

    /// <summary>Membership lookups answer with one fixed id per lookup, so renderings show where each went.</summary>
    public static BsonDocument Translate(string filter, ScimResourceType type = ScimResourceType.User) =>
        new MongoFilterTranslator(type, lookup => [$"ids-of:{lookup.Filter.ToJson(Shell)}"]).Translate(ScimFilterParser.Parse(filter, type));

    public static string Render(string filter, ScimResourceType type = ScimResourceType.User) => Json(Translate(filter, type));

    /// <summary>A document from shell JSON, for lookups compared by value.</summary>
    public static BsonDocument Document(string json) => BsonDocument.Parse(json);

    public static string Json(BsonDocument document) => document.ToJson(Shell);

    /// <summary>The expected document, written as shell JSON (numbers with a point are doubles, /re/ regexes).</summary>
    public static string Expected(string json) => Json(BsonDocument.Parse(json));

    public static void ShouldRender(this string filter, string expectedJson, ScimResourceType type = ScimResourceType.User) =>
        Render(filter, type).Should().Be(Expected(expectedJson), $"'{filter}' on {type}");
}
