using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.ProvisioningLog;

/// <summary>One SCIM call or token request, as an admin reads it to answer "why is sync not working". Never holds a secret.</summary>
/// <param name="Operation">e.g. <c>POST /Users</c>, <c>PATCH /Groups/{id}</c>, <c>token</c>.</param>
/// <param name="ResourceId">The SCIM resource touched, when there is one.</param>
/// <param name="Status">The HTTP status returned.</param>
/// <param name="Change">What a successful SCIM write did to the resource; null for reads, failures and token requests.</param>
public sealed record ProvisioningEvent(
    string Id,
    DateTimeOffset Time,
    string OrganizationId,
    DeploymentEnvironment? Environment,
    string? ClientId,
    string? ImpersonatedUserId,
    string Operation,
    string? ResourceType,
    string? ResourceId,
    ProvisioningOutcome Outcome,
    int Status,
    string? ErrorDetail,
    ProvisioningChange? Change = null);

public enum ProvisioningOutcome
{
    Success,
    Failure,
}
