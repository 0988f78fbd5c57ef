using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace AutoRfpHex.Adapters.Mongo.Documents;

internal sealed class OAuthClientDocument
{
    /// <summary>Client ids are globally unique (the token endpoint finds a client by id alone).</summary>
    [BsonId]
    public required string ClientId { get; init; }

    [BsonElement("org")]
    public required string OrganizationId { get; init; }

    [BsonElement("name")]
    public required string Name { get; init; }

    [BsonElement("env")]
    public DeploymentEnvironment Environment { get; init; }

    [BsonElement("impersonatedUserId")]
    public required string ImpersonatedUserId { get; init; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; init; }

    public static OAuthClientDocument From(OAuthClient c) => new()
    {
        ClientId = c.ClientId, OrganizationId = c.OrganizationId, Name = c.Name, Environment = c.Environment,
        ImpersonatedUserId = c.ImpersonatedUserId, CreatedAt = c.CreatedAt,
    };

    public OAuthClient ToClient() => new(ClientId, OrganizationId, Name, Environment, ImpersonatedUserId, CreatedAt);
}
