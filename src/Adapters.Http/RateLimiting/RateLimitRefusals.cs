using System.Globalization;
using System.Threading.RateLimiting;
using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Adapters.Http.OAuth;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>
/// Answers a refused request: 429 with <c>Retry-After</c> in the called API's error format. The token endpoint
/// uses <c>temporarily_unavailable</c>: RFC 6749 §5.2 has no code for "slow down", and §4.1.2.1's
/// temporarily_unavailable is the registered code that means "retry later" (invalid_request would tell the client
/// its request is malformed). The first refusal per client and window goes to that organization's provisioning log.
/// </summary>
public sealed partial class RateLimitRefusals(
    CredentialRateLimiter limiter,
    CredentialStateReader state,
    TimeProvider time,
    ILogger<RateLimitRefusals> logger)
{
    public const string OAuthError = "temporarily_unavailable";

    private readonly OncePerWindow provisioningLog = new(time, limiter.Limits.Window);
    private readonly OncePerWindow operationsLog = new(time, limiter.Limits.Window);

    public async ValueTask WriteAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        if (CredentialAttempt.Of(http) is not { } attempt)
        {
            // Only marked attempts are limited; nothing else can be refused.
            return;
        }

        var scope = limiter.RefusedBy(http);
        var retryAfter = RetryAfterSeconds(context.Lease);
        var detail = Describe(attempt, scope, retryAfter);
        if (operationsLog.ShouldReport($"{attempt.Surface}|{scope}|{attempt.Address}|{attempt.Credential}"))
        {
            LogLimitReached(logger, attempt.Surface, scope, attempt.Address, attempt.Credential, retryAfter);
        }

        if (attempt.KnownClientId is { } clientId
            && provisioningLog.ShouldReport(clientId)
            && await state.FindClientAsync(clientId, cancellationToken) is { } client)
        {
            http.Items[ProvisioningCaller.Key] = ProvisioningCallers.Of(client);
        }

        http.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        if (attempt.Surface == CredentialSurface.TokenEndpoint)
        {
            OAuthTokenRequests.NoStore(http.Response);
        }

        await ErrorResponseWriter.WriteAsync(http, StatusCodes.Status429TooManyRequests, detail, oauthError: OAuthError);
    }

    /// <summary>Whole seconds, rounded up; the window's length when the limiter does not say.</summary>
    private int RetryAfterSeconds(RateLimitLease lease)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : limiter.Limits.Window;
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    private string Describe(CredentialAttempt attempt, RateLimitScope scope, int retryAfter)
    {
        var window = limiter.Limits.WindowSeconds;
        var retry = $"Retry after {retryAfter} seconds.";
        return (attempt.Surface, scope) switch
        {
            (CredentialSurface.TokenEndpoint, RateLimitScope.Address) =>
                $"Too many token requests from this network address (at most {limiter.AddressLimit(attempt.Surface)} per {window} seconds). {retry}",
            (CredentialSurface.TokenEndpoint, _) =>
                $"Too many token requests for this client id from this network address (at most {limiter.CredentialLimit(attempt.Surface)} per {window} seconds). "
                + $"{retry} A client needs one token per hour; if requests keep failing, check the client id and secret key in your identity provider.",
            (_, RateLimitScope.Address) =>
                $"Too many SCIM requests with secret keys that had to be checked from this network address (at most {limiter.AddressLimit(attempt.Surface)} per {window} seconds); "
                + $"they are refused without checking until the wait is over. {retry}",
            _ =>
                $"Too many SCIM requests with a wrong or not yet verified secret key for this credential from this network address "
                + $"(at most {limiter.CredentialLimit(attempt.Surface)} per {window} seconds); they are refused without checking until the wait is over. "
                + $"{retry} If this is your identity provider, check the secret key it is configured with.",
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit reached on {Surface} per {Scope}: address {Address}, credential {Credential}; refusing for up to {RetryAfterSeconds} s")]
    private static partial void LogLimitReached(ILogger logger, CredentialSurface surface, RateLimitScope scope, string address, string credential, int retryAfterSeconds);
}
