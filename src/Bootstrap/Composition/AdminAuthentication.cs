using AutoRfpHex.Adapters.Crypto;
using AutoRfpHex.Adapters.Http.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// Admin API bearer tokens: our own (signed with the service's keys, issued at first start and by the CLI) and,
/// when configured, those of an external issuer trusted for production sign-in.
/// </summary>
public static class AdminAuthentication
{
    public static IServiceCollection AddAdminAuthentication(this IServiceCollection services, AdminAuthSettings settings)
    {
        var authentication = services.AddAuthentication().AddJwtBearer(AdminAuthorization.SchemeName, _ => { });
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, LocalAdminTokenOptions>();
        if (settings.ExternalIssuer.Enabled)
        {
            var external = settings.ExternalIssuer.Validated();
            authentication.AddJwtBearer(AdminAuthorization.ExternalSchemeName, options =>
            {
                options.Authority = external.Authority;
                options.Audience = external.Audience;

                // HTTPS metadata is required, except from an authority on this machine (a local IdP, or a test's);
                // Validated() has refused plain http anywhere else.
                options.RequireHttpsMetadata = !ExternalIssuerSettings.IsLoopbackHttp(external.Authority);
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "sub";
                options.TokenValidationParameters.ValidAlgorithms = ExternalIssuerSettings.AllowedAlgorithms;
                options.TokenValidationParameters.AuthenticationType = AdminAuthorization.ExternalSchemeName;
                if (external.OrganizationClaim != Adapters.Http.Admin.AdminCaller.OrganizationClaim)
                {
                    options.Events = new JwtBearerEvents { OnTokenValidated = ctx => ExternalOrganizationClaim.Map(ctx, external.OrganizationClaim) };
                }
            });
        }

        return services;
    }

    /// <summary>Configured from DI because the validation keys live in the crypto adapter's key ring.</summary>
    private sealed class LocalAdminTokenOptions(AdminTokenValidation validation) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(string? name, JwtBearerOptions options)
        {
            if (name != AdminAuthorization.SchemeName)
            {
                return;
            }

            options.MapInboundClaims = false;
            options.TokenValidationParameters = validation.CreateValidationParameters();
            options.TokenValidationParameters.AuthenticationType = AdminAuthorization.SchemeName;
        }

        public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
    }
}
