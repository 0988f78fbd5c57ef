using System.Security.Claims;
using AutoRfpHex.Adapters.Http.Admin;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// An external issuer may name the organization in another claim; copy it to the one the admin API reads. A claim
/// the token itself calls <c>org</c> is dropped first: with another claim configured, the issuer's <c>org</c> means
/// something else (its own organization concept) and must not pick an AutoRFP organization.
/// </summary>
internal static class ExternalOrganizationClaim
{
    public static Task Map(TokenValidatedContext context, string sourceClaim)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return Task.CompletedTask;
        }

        foreach (var unrelated in identity.FindAll(AdminCaller.OrganizationClaim).ToList())
        {
            identity.RemoveClaim(unrelated);
        }

        // Exactly one organization, or none: a token naming several is refused (403) rather than guessed at.
        var organizations = identity.FindAll(sourceClaim).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        if (organizations is [{ Length: > 0 } organizationId])
        {
            identity.AddClaim(new Claim(AdminCaller.OrganizationClaim, organizationId));
        }

        return Task.CompletedTask;
    }
}
