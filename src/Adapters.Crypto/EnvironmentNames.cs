using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Crypto;

/// <summary>The <c>env</c> claim values.</summary>
internal static class EnvironmentNames
{
    public static string Of(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Production => "production",
        DeploymentEnvironment.Sandbox => "sandbox",
        _ => throw new ArgumentOutOfRangeException(nameof(environment), environment, "Unknown environment."),
    };

    public static DeploymentEnvironment? Parse(string? value) => value switch
    {
        "production" => DeploymentEnvironment.Production,
        "sandbox" => DeploymentEnvironment.Sandbox,
        _ => null,
    };
}
