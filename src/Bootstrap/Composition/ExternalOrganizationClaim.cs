using System.Security.Claims;
using AutoRfpHex.Adapters.Http.Admin;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>An external issuer may name the organization in another claim; copy it to the one the admin API reads.</summary>
internal static class ExternalOrganizationClaim
{
    public static Task Map(TokenValidatedContext context, string sourceClaim)
    {
        if (context.Principal?.FindFirst(sourceClaim)?.Value is { } organizationId && context.Principal.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(AdminCaller.OrganizationClaim, organizationId));
        }

        return Task.CompletedTask;
    }
}
