namespace AutoRfpHex.Adapters.Http.Scim;

public static class ScimMediaTypes
{
    /// <summary>RFC 7644 §8.1: the default format of every SCIM response.</summary>
    public const string ScimJson = "application/scim+json";
}
