using AutoRfpHex.Core.Credentials;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace AutoRfpHex.Adapters.Mongo.Documents;

internal sealed class ClientSecretDocument
{
    [BsonId]
    public required string SecretId { get; init; }

    [BsonElement("clientId")]
    public required string ClientId { get; init; }

    [BsonElement("org")]
    public required string OrganizationId { get; init; }

    [BsonElement("name")]
    public required string Name { get; init; }

    [BsonElement("hint")]
    public required string Hint { get; init; }

    [BsonElement("hash")]
    public required string Hash { get; init; }

    [BsonElement("hashAlgorithm")]
    public required string HashAlgorithm { get; init; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; init; }

    [BsonElement("expiresAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? ExpiresAt { get; init; }

    [BsonElement("lastUsedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? LastUsedAt { get; init; }

    [BsonElement("revokedAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? RevokedAt { get; init; }

    public static ClientSecretDocument From(ClientSecret s) => new()
    {
        SecretId = s.SecretId, ClientId = s.ClientId, OrganizationId = s.OrganizationId, Name = s.Name, Hint = s.Hint, Hash = s.Hash,
        HashAlgorithm = s.HashAlgorithm, CreatedAt = s.CreatedAt, ExpiresAt = s.ExpiresAt, LastUsedAt = s.LastUsedAt, RevokedAt = s.RevokedAt,
    };

    public ClientSecret ToSecret() =>
        new(SecretId, ClientId, OrganizationId, Name, Hint, Hash, HashAlgorithm, CreatedAt, ExpiresAt, LastUsedAt, RevokedAt);
}
