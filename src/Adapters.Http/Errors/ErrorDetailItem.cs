namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>The detail of the error a request ended with, kept on the HttpContext so the provisioning log can record it.</summary>
public sealed record ErrorDetailItem(string Detail)
{
    public static readonly object Key = new();
}
