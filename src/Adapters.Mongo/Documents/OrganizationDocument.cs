using AutoRfpHex.Core.Organizations;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace AutoRfpHex.Adapters.Mongo.Documents;

internal sealed class OrganizationDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("name")]
    public required string Name { get; init; }

    [BsonElement("scimEnabled")]
    public bool ScimEnabled { get; init; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; init; }

    public static OrganizationDocument From(Organization o) => new() { Id = o.Id, Name = o.Name, ScimEnabled = o.ScimEnabled, CreatedAt = o.CreatedAt };

    public Organization ToOrganization() => new(Id, Name, ScimEnabled, CreatedAt);
}
