using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Tenancy;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace AutoRfpHex.Adapters.Mongo.Documents;

internal sealed class ProvisioningEventDocument
{
    [BsonId]
    public required string Id { get; init; }

    /// <summary>A BSON date: the TTL index needs one.</summary>
    [BsonElement("time"), BsonRepresentation(BsonType.DateTime)]
    public DateTimeOffset Time { get; init; }

    /// <summary>Order of events written in the same millisecond (a bulk request's operations keep their order).</summary>
    [BsonElement("seq")]
    public long Sequence { get; init; }

    [BsonElement("org")]
    public required string OrganizationId { get; init; }

    [BsonElement("env")]
    public DeploymentEnvironment? Environment { get; init; }

    [BsonElement("clientId")]
    public string? ClientId { get; init; }

    [BsonElement("impersonatedUserId")]
    public string? ImpersonatedUserId { get; init; }

    [BsonElement("operation")]
    public required string Operation { get; init; }

    [BsonElement("resourceType")]
    public string? ResourceType { get; init; }

    [BsonElement("resourceId")]
    public string? ResourceId { get; init; }

    [BsonElement("outcome")]
    public ProvisioningOutcome Outcome { get; init; }

    [BsonElement("status")]
    public int Status { get; init; }

    [BsonElement("errorDetail")]
    public string? ErrorDetail { get; init; }

    [BsonElement("change")]
    public ProvisioningChange? Change { get; init; }

    public static ProvisioningEventDocument From(ProvisioningEvent e, long sequence) => new()
    {
        Id = e.Id, Time = e.Time, Sequence = sequence, OrganizationId = e.OrganizationId, Environment = e.Environment, ClientId = e.ClientId,
        ImpersonatedUserId = e.ImpersonatedUserId, Operation = e.Operation, ResourceType = e.ResourceType, ResourceId = e.ResourceId,
        Outcome = e.Outcome, Status = e.Status, ErrorDetail = e.ErrorDetail, Change = e.Change,
    };

    public ProvisioningEvent ToEvent() =>
        new(Id, Time, OrganizationId, Environment, ClientId, ImpersonatedUserId, Operation, ResourceType, ResourceId, Outcome, Status, ErrorDetail, Change);
}
