namespace AutoRfpHex.Core.Scim.Bulk;

/// <summary>The HTTP methods a bulk operation may carry (RFC 7644 §3.7); matched case-insensitively.</summary>
public enum BulkMethod
{
    Post,
    Put,
    Patch,
    Delete,
}

internal static class BulkMethods
{
    public static BulkMethod? Parse(string method) => method.Trim().ToUpperInvariant() switch
    {
        "POST" => BulkMethod.Post,
        "PUT" => BulkMethod.Put,
        "PATCH" => BulkMethod.Patch,
        "DELETE" => BulkMethod.Delete,
        _ => null,
    };

    /// <summary>As the response spells it: <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>.</summary>
    public static string Wire(this BulkMethod method) => method.ToString().ToUpperInvariant();
}
