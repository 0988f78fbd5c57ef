using AutoRfpHex.Core.Credentials.OAuth;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>What a SCIM caller sent in its <c>Authorization</c> header. <c>ToString</c> never shows the secret part.</summary>
public abstract record PresentedScimCredential
{
    private PresentedScimCredential()
    {
    }

    /// <summary>
    /// Reads the header: <c>Bearer x</c>; <c>Basic base64(id:secret)</c> (Okta's Basic mode); or a bare value with no
    /// scheme, as Okta's OIN "Header" mode sends (<c>Authorization: {token}</c>). Null when there is no usable credential.
    /// </summary>
    public static PresentedScimCredential? FromAuthorizationHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        if (ClientCredentials.SchemeParameter(header, "Bearer") is { } token)
        {
            return new Bearer(token);
        }

        if (ClientCredentials.TryParseBasic(header, formUrlEncoded: false, out var basic))
        {
            return new Basic(basic.ClientId, basic.Secret);
        }

        var bare = header.Trim();
        return bare.Contains(' ', StringComparison.Ordinal) ? null : new Bearer(bare);
    }

    /// <summary>An access token from our token endpoint, or a secret key sent directly (Okta "HTTP Header", Entra "Secret Token").</summary>
    public sealed record Bearer(string Token) : PresentedScimCredential
    {
        public override string ToString() => "Bearer { }";
    }

    /// <summary>Okta's "Basic Auth" mode: the client id and a secret key of that client.</summary>
    public sealed record Basic(string ClientId, string Secret) : PresentedScimCredential
    {
        public override string ToString() => $"Basic {{ ClientId = {ClientId} }}";
    }
}
