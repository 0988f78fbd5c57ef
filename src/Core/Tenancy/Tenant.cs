namespace AutoRfpHex.Core.Tenancy;

/// <summary>
/// The unit of data isolation: every SCIM record belongs to exactly one (organization, environment).
/// Every persistence port takes one; no unscoped query exists.
/// </summary>
public readonly record struct Tenant(string OrganizationId, DeploymentEnvironment Environment)
{
    public override string ToString() => $"{OrganizationId}/{Environment.ToString().ToLowerInvariant()}";
}
