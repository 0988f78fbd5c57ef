using System.Diagnostics.CodeAnalysis;

namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>Either a principal or a failure.</summary>
public sealed class ScimAuthenticationResult
{
    private ScimAuthenticationResult(ScimPrincipal? principal, ScimAuthenticationFailure? failure)
    {
        Principal = principal;
        Failure = failure;
    }

    public ScimPrincipal? Principal { get; }

    public ScimAuthenticationFailure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Principal))]
    [MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Principal is not null;

    public static ScimAuthenticationResult Success(ScimPrincipal principal) => new(principal ?? throw new ArgumentNullException(nameof(principal)), null);

    public static ScimAuthenticationResult Fail(ScimAuthenticationFailure failure) => new(null, failure ?? throw new ArgumentNullException(nameof(failure)));
}

/// <summary>A refused SCIM credential, written as an RFC 7644 §3.12 error by the HTTP edge.</summary>
/// <param name="Status">401 (no valid credential: add <c>WWW-Authenticate: Bearer</c>) or 403 (valid credential, not allowed now).</param>
/// <param name="BearerError">RFC 6750 §3.1 <c>error</c> for the <c>WWW-Authenticate</c> header (<c>invalid_token</c> on 401), else null.</param>
public sealed record ScimAuthenticationFailure(int Status, string Detail, string? BearerError)
{
    /// <summary>The client the credential belongs to, when it could be identified: lets the edge log the refusal for its organization.</summary>
    public OAuthClient? Client { get; init; }
}
