namespace AutoRfpHex.Adapters.Crypto;

/// <summary>Claim names of our tokens beyond the registered JWT ones.</summary>
public static class TokenClaimNames
{
    public const string ClientId = "client_id";
    public const string Scope = "scope";

    /// <summary>The organization id (SCIM and admin tokens).</summary>
    public const string Organization = "org";

    /// <summary><c>production</c> or <c>sandbox</c> (SCIM tokens).</summary>
    public const string Environment = "env";

    /// <summary>The id of the secret key the token was issued for (SCIM tokens): checked on every call.</summary>
    public const string SecretId = "sid";

    public const string AccessTokenType = "at+jwt";
    public const string AdminTokenType = "JWT";
}
