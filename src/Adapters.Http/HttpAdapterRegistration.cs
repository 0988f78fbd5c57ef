using AutoRfpHex.Adapters.Http.Admin;
using AutoRfpHex.Adapters.Http.Authentication;
using AutoRfpHex.Adapters.Http.Contracts;
using AutoRfpHex.Adapters.Http.Errors;
using AutoRfpHex.Adapters.Http.Logging;
using AutoRfpHex.Adapters.Http.OAuth;
using AutoRfpHex.Adapters.Http.RateLimiting;
using AutoRfpHex.Adapters.Http.Scim;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Formatters;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Http;

/// <summary>The driving HTTP adapter: generated controllers bound to thin handlers, auth, error formats, docs.</summary>
public static class HttpAdapterRegistration
{
    public static IServiceCollection AddHttpAdapter(
        this IServiceCollection services, string? publicBaseUrl, bool trustExternalAdminIssuer, CredentialRateLimits? rateLimits = null)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(new PublicUrls(publicBaseUrl));
        services.AddControllers()
            .AddApplicationPart(typeof(HttpAdapterRegistration).Assembly)
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
                o.JsonSerializerOptions.Encoder = JsonWire.Options.Encoder;
                o.JsonSerializerOptions.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
                {
                    Modifiers = { StrictEnumJson.Apply },
                };

                // RFC 7643 §2.1: attribute names are case-insensitive.
                o.JsonSerializerOptions.PropertyNameCaseInsensitive = true;

                // A key sent twice is ambiguous ({"name":"a","name":"b"}): refused rather than silently last-wins.
                o.JsonSerializerOptions.AllowDuplicateProperties = false;
            })
            .ConfigureApiBehaviorOptions(o =>
            {
                o.InvalidModelStateResponseFactory = InvalidModelStateResponses.Create;

                // Bodiless client errors get each API's own format from StatusCodeBodies, not MVC's problem details.
                o.SuppressMapClientErrors = true;
            });
        services.Configure<MvcOptions>(o =>
            o.OutputFormatters.OfType<SystemTextJsonOutputFormatter>().First().SupportedMediaTypes.Add(ScimMediaTypes.ScimJson));
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddProblemDetails();

        services.AddScoped<ScimRequestContext>();
        services.AddScoped<ScimResourceEndpoints>();
        services.AddScoped<AdminCaller>();
        services.AddScoped<Scim.Generated.IScimUsersController, ScimUsersHandler>();
        services.AddScoped<Scim.Generated.IScimGroupsController, ScimGroupsHandler>();
        services.AddScoped<Scim.Generated.IScimSearchController, ScimSearchHandler>();
        services.AddScoped<Scim.Generated.IScimBulkController, ScimBulkHandler>();
        services.AddSingleton<BulkOperationLog>();
        services.AddScoped<Scim.Generated.IScimDiscoveryController, ScimDiscoveryHandler>();
        services.AddScoped<Admin.Generated.IOrganizationController, OrganizationHandler>();
        services.AddScoped<Admin.Generated.IUsersController, UsersHandler>();
        services.AddScoped<Admin.Generated.IOAuthClientsController, OAuthClientsHandler>();
        services.AddScoped<Admin.Generated.IClientSecretsController, ClientSecretsHandler>();
        services.AddScoped<Admin.Generated.IProvisioningEventsController, ProvisioningEventsHandler>();
        services.AddScoped<OAuth.Generated.IOAuthTokenController, OAuthTokenHandler>();
        services.AddScoped<OAuth.Generated.IOAuthMetadataController, OAuthMetadataHandler>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ScimAuthenticationHandler>(ScimAuthenticationHandler.SchemeName, null);
        services.AddScoped<IAuthorizationHandler, ActiveAdminHandler>();
        services.AddAuthorizationBuilder().AddPolicy(AdminAuthorization.PolicyName, policy =>
        {
            policy.AddAuthenticationSchemes(AdminAuthorization.SchemeName);
            if (trustExternalAdminIssuer)
            {
                policy.AddAuthenticationSchemes(AdminAuthorization.ExternalSchemeName);
            }

            policy.RequireAuthenticatedUser().RequireClaim(AdminCaller.OrganizationClaim).AddRequirements(new ActiveAdminRequirement());
        });
        services.AddCredentialRateLimiting(rateLimits ?? new CredentialRateLimits());
        services.AddServedApiDescription();
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Middleware order matters: the provisioning log is outermost so it records the final status of every call.</summary>
    public static WebApplication UseHttpAdapter(this WebApplication app)
    {
        // A no-op unless Service:TrustForwardedFor configured it: the rate limits count the caller's real address.
        app.UseForwardedHeaders();
        app.UseMiddleware<ProvisioningLogMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages(StatusCodeBodies.WriteAsync);
        app.UseRouting();
        app.Use(ProvisioningLogMiddleware.CaptureOperationAsync);
        app.UseCredentialRateLimiting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapControllers();
        app.MapHealthChecks("/healthz");
        app.MapContractDocuments();
        app.UseContractSwaggerUi();
        app.UseServedApiDescription();
        return app;
    }
}
