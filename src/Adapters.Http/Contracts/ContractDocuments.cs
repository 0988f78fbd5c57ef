using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NSwag.AspNetCore;

namespace AutoRfpHex.Adapters.Http.Contracts;

/// <summary>
/// Serves the OpenAPI contracts exactly as written (they are embedded in this assembly) and a Swagger UI over them,
/// so what an admin reads is the source the controllers were generated from.
/// </summary>
public static class ContractDocuments
{
    public static readonly IReadOnlyList<(string Name, string Title)> All =
    [
        ("admin", "AutoRFP admin API"),
        ("scim", "SCIM 2.0 API"),
        ("oauth", "OAuth 2.0 token endpoint"),
    ];

    public static string ResourceName(string name) => $"contracts/{name}.yaml";

    public static string Route(string name) => $"/contracts/{name}.yaml";

    public static IEndpointRouteBuilder MapContractDocuments(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (name, _) in All)
        {
            endpoints.MapGet(Route(name), () => Results.Stream(Open(name), "application/yaml")).ExcludeFromDescription();
        }

        return endpoints;
    }

    public static IApplicationBuilder UseContractSwaggerUi(this IApplicationBuilder app) =>
        app.UseSwaggerUi(ui =>
        {
            ui.Path = "/swagger";
            ui.DocumentTitle = "AutoRFP SCIM provisioning";
            foreach (var (name, title) in All)
            {
                ui.SwaggerRoutes.Add(new SwaggerUiRoute(title, Route(name)));
            }

            ui.PersistAuthorization = true;

            // Without settings NSwag pre-fills the OAuth form with the literal placeholders "client_id" and
            // "client_secret". Every organization has its own clients, so there is nothing sensible to pre-fill:
            // an empty ClientId makes the page skip initOAuth, and the admin pastes the client's id and secret key.
            ui.OAuth2Client = new OAuth2ClientSettings
            {
                ClientId = string.Empty,
                ClientSecret = string.Empty,
                AppName = string.Empty,
                Realm = string.Empty,
            };
        });

    public static Stream Open(string name) =>
        typeof(ContractDocuments).Assembly.GetManifestResourceStream(ResourceName(name))
        ?? throw new InvalidOperationException($"Contract '{name}' is not embedded in {typeof(ContractDocuments).Assembly.GetName().Name}.");
}
