namespace AutoRfpHex.Core.Credentials.OAuth;

/// <summary>
/// A token request refused per RFC 6749 §5.2. The HTTP edge writes <c>{error, error_description}</c> with
/// <see cref="HttpStatus"/>, and for <c>invalid_client</c> (401) adds <c>WWW-Authenticate</c>.
/// </summary>
public sealed class OAuthException(string error, string description, int httpStatus) : Exception(description)
{
    public string Error { get; } = error;

    /// <summary>Sent to the caller. Identical for every client-authentication failure, so it reveals nothing.</summary>
    public string Description { get; } = description;

    public int HttpStatus { get; } = httpStatus;

    /// <summary>The existing client the request named, when there is one: lets the edge log the refusal for that organization.</summary>
    public OAuthClient? Client { get; init; }

    /// <summary>For the organization's provisioning log only, never for the caller: the specific reason (never a secret).</summary>
    public string? LogReason { get; init; }

    public static OAuthException InvalidRequest(string description) => new(OAuthErrors.InvalidRequest, description, 400);
}
