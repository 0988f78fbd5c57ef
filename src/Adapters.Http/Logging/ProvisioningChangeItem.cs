using AutoRfpHex.Core.ProvisioningLog;
using Microsoft.AspNetCore.Http;

namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>What a SCIM write did (deactivated, deleted, ...), handed from the endpoint to the provisioning log.</summary>
public static class ProvisioningChangeItem
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, ProvisioningChange? change)
    {
        if (change is { } value)
        {
            context.Items[Key] = value;
        }
    }

    public static ProvisioningChange? Of(HttpContext context) => context.Items[Key] as ProvisioningChange?;
}
