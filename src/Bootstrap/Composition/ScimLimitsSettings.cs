using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// The configurable SCIM limits: <c>Scim:Bulk:MaxOperations</c> and <c>Scim:Bulk:MaxPayloadBytes</c> (RFC 7644 §3.7.4),
/// enforced on <c>POST /Bulk</c> and advertised as <c>bulk.maxOperations</c> / <c>bulk.maxPayloadSize</c>; and
/// <c>Scim:MaxMembersPerResponse</c>, the most members one response shows (all its groups together). The other SCIM limits are fixed.
/// </summary>
public static class ScimLimitsSettings
{
    public const string BulkMaxOperations = "Scim:Bulk:MaxOperations";
    public const string BulkMaxPayloadBytes = "Scim:Bulk:MaxPayloadBytes";
    public const string MaxMembersPerResponse = "Scim:MaxMembersPerResponse";

    /// <exception cref="InvalidOperationException">A limit below 1: the service refuses to start rather than refuse every bulk.</exception>
    public static ScimServiceLimits Read(IConfiguration configuration)
    {
        var defaults = ScimServiceLimits.Default;
        return defaults with
        {
            BulkMaxOperations = Positive(configuration, BulkMaxOperations, defaults.BulkMaxOperations),
            BulkMaxPayloadBytes = Positive(configuration, BulkMaxPayloadBytes, defaults.BulkMaxPayloadBytes),
            MaxMembersPerResponse = Positive(configuration, MaxMembersPerResponse, defaults.MaxMembersPerResponse),
        };
    }

    private static int Positive(IConfiguration configuration, string key, int fallback)
    {
        var value = configuration.GetValue(key, fallback);
        return value >= 1 ? value : throw new InvalidOperationException($"{key} must be 1 or more, not {value}.");
    }
}
