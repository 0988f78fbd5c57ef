using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>A client id and secret as presented. <see cref="ToString"/> never shows the secret.</summary>
public sealed record ClientCredentials(string ClientId, string Secret)
{
    /// <summary>
    /// Reads <c>Basic base64(id:secret)</c>. With <paramref name="formUrlEncoded"/> (the token endpoint, RFC 6749
    /// §2.3.1) both halves are form-url-decoded after Base64; SCIM's plain Basic (RFC 7617) takes them as they are.
    /// </summary>
    public static bool TryParseBasic(string? authorizationHeader, bool formUrlEncoded, [NotNullWhen(true)] out ClientCredentials? credentials)
    {
        credentials = null;
        var parameter = SchemeParameter(authorizationHeader, "Basic");
        if (parameter is null)
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        var id = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        if (formUrlEncoded)
        {
            id = FormUrlDecode(id);
            secret = FormUrlDecode(secret);
        }

        credentials = new ClientCredentials(id, secret);
        return true;
    }

    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId} }}";

    /// <summary>The parameter after <paramref name="scheme"/> (case-insensitive), or null when the header uses another scheme.</summary>
    internal static string? SchemeParameter(string? header, string scheme)
    {
        var value = header?.Trim();
        if (value is null || value.Length <= scheme.Length
            || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || value[scheme.Length] != ' ')
        {
            return null;
        }

        var parameter = value[(scheme.Length + 1)..].Trim();
        return parameter.Length == 0 ? null : parameter;
    }

    // '+' is a space in application/x-www-form-urlencoded; invalid %-sequences are left as they are.
    private static string FormUrlDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
