namespace AutoRfpHex.Core.Tenancy;

/// <summary>Which copy of an organization's directory a credential works on.</summary>
public enum DeploymentEnvironment
{
    Production,
    Sandbox,
}
