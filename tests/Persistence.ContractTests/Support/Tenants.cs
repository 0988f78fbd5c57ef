using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>The tenants every isolation test uses: org A in both environments, and org B.</summary>
public static class Tenants
{
    public static readonly Tenant AProduction = new("org-a", DeploymentEnvironment.Production);
    public static readonly Tenant ASandbox = new("org-a", DeploymentEnvironment.Sandbox);
    public static readonly Tenant BProduction = new("org-b", DeploymentEnvironment.Production);

    /// <summary>Every tenant that must not see org A / Production's data.</summary>
    public static readonly IReadOnlyList<Tenant> OthersThanAProduction = [ASandbox, BProduction];
}
