using System.Security.Claims;
using System.Text.Encodings.Web;
using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AutoRfpHex.Adapters.Http.Authentication;

/// <summary>
/// Authenticates SCIM calls in any of the three ways identity providers send the one credential (access token,
/// secret key as bearer, Basic client_id:secret) through Core's <see cref="ScimCredentialAuthenticator"/>, and
/// answers refusals with SCIM error bodies: 401 with <c>WWW-Authenticate: Bearer</c>, or 403 with the reason.
/// </summary>
public sealed class ScimAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ScimCredentialAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScimCredential";

    private static readonly object PrincipalKey = new();
    private static readonly object FailureKey = new();

    public static ScimPrincipal? PrincipalOf(HttpContext context) => context.Items[PrincipalKey] as ScimPrincipal;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var credential = PresentedScimCredential.FromAuthorizationHeader(Request.Headers.Authorization);
        if (credential is null)
        {
            return AuthenticateResult.NoResult();
        }

        var result = await authenticator.AuthenticateAsync(credential, Context.RequestAborted);
        if (!result.Succeeded)
        {
            Context.Items[FailureKey] = result.Failure;
            if (result.Failure.Client is { } client)
            {
                Context.Items[ProvisioningCaller.Key] = ProvisioningCallers.Of(client);
            }

            return AuthenticateResult.Fail(result.Failure.Detail);
        }

        var principal = result.Principal;
        Context.Items[PrincipalKey] = principal;
        Context.Items[ProvisioningCaller.Key] = new ProvisioningCaller(principal.Tenant.OrganizationId, principal.Tenant.Environment, principal.ClientId, principal.ImpersonatedUserId);
        var identity = new ClaimsIdentity(
            [
                new Claim("client_id", principal.ClientId),
                new Claim("org", principal.Tenant.OrganizationId),
                new Claim("env", principal.Tenant.Environment.ToString().ToLowerInvariant()),
                new Claim("act_sub", principal.ImpersonatedUserId),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureKey] as ScimAuthenticationFailure;
        if (failure is { Status: StatusCodes.Status403Forbidden })
        {
            return Refuse(failure.Status, failure.Detail);
        }

        var error = failure?.BearerError is { } code ? $", error=\"{code}\"" : string.Empty;
        Response.Headers.WWWAuthenticate = $"Bearer realm=\"scim\"{error}";
        return Refuse(
            StatusCodes.Status401Unauthorized,
            failure?.Detail ?? "Authentication required: send an access token, a secret key as a Bearer token, or Basic client_id:secret.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Refuse(StatusCodes.Status403Forbidden, "This credential may not call this endpoint.");

    private Task Refuse(int status, string detail)
    {
        Context.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        return ErrorResponseWriter.WriteAsync(Context, status, detail);
    }
}
