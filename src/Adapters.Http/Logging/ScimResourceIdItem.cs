namespace AutoRfpHex.Adapters.Http.Logging;

/// <summary>The id of a resource a SCIM call created (not in the route), for the provisioning log.</summary>
public sealed record ScimResourceIdItem(string Id)
{
    public static readonly object Key = new();
}
