using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Sqlite.Database;

/// <summary>How tenants and resource types are written in columns; <c>$org</c> and <c>$env</c> are the scoping parameters.</summary>
internal static class TenantColumns
{
    public static string Environment(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Production => "production",
        DeploymentEnvironment.Sandbox => "sandbox",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown deployment environment."),
    };

    public static DeploymentEnvironment ParseEnvironment(string text) => text switch
    {
        "production" => DeploymentEnvironment.Production,
        "sandbox" => DeploymentEnvironment.Sandbox,
        _ => throw new InvalidDataException($"Unknown environment '{text}' in the database."),
    };

    /// <summary>The literal used in SQL text: partial indexes apply only when the query names the type as a constant.</summary>
    public static string TypeLiteral(ScimResourceType type) => type switch
    {
        ScimResourceType.User => "'User'",
        ScimResourceType.Group => "'Group'",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown SCIM resource type."),
    };

    public static ScimResourceType ParseType(string text) => Enum.Parse<ScimResourceType>(text);

    public static (string Name, object? Value)[] Scope(Tenant tenant) =>
        [("$org", tenant.OrganizationId), ("$env", Environment(tenant.Environment))];
}
