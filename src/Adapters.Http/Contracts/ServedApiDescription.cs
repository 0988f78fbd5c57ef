using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.Filters;

namespace AutoRfpHex.Adapters.Http.Contracts;

/// <summary>
/// An independent description of what the running code serves, generated from the controllers (Swashbuckle), with
/// the security each <c>[Authorize]</c> implies. Tests compare it with the contracts so code and contract cannot drift.
/// </summary>
public static class ServedApiDescription
{
    public const string DocumentName = "served";
    public const string Route = "/openapi/served.json";

    public static IServiceCollection AddServedApiDescription(this IServiceCollection services) =>
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc(DocumentName, new OpenApiInfo { Title = "Operations served by this build", Version = "v1" });
            options.CustomSchemaIds(type => type.FullName);
            options.OperationFilter<SecurityRequirementsOperationFilter>();
        });

    public static IApplicationBuilder UseServedApiDescription(this IApplicationBuilder app) =>
        app.UseSwagger(options => options.RouteTemplate = "/openapi/{documentName}.json");
}
