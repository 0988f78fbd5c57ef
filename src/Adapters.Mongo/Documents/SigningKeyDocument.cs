using AutoRfpHex.Core.Credentials;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace AutoRfpHex.Adapters.Mongo.Documents;

internal sealed class SigningKeyDocument
{
    [BsonId]
    public required string KeyId { get; init; }

    [BsonElement("algorithm")]
    public required string Algorithm { get; init; }

    [BsonElement("privateKeyPem")]
    public required string PrivateKeyPem { get; init; }

    [BsonElement("createdAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset CreatedAt { get; init; }

    [BsonElement("retiredAt"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset? RetiredAt { get; init; }

    public static SigningKeyDocument From(SigningKey k) =>
        new() { KeyId = k.KeyId, Algorithm = k.Algorithm, PrivateKeyPem = k.PrivateKeyPem, CreatedAt = k.CreatedAt, RetiredAt = k.RetiredAt };

    public SigningKey ToSigningKey() => new(KeyId, Algorithm, PrivateKeyPem, CreatedAt, RetiredAt);
}
