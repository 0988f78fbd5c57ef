using AutoRfpHex.Adapters.Http.Scim.Generated;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Discovery;
using AutoRfpHex.Core.Scim.Service;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary>RFC 7644 §4: ServiceProviderConfig, ResourceTypes and Schemas, rendered by Core from the schema catalog.</summary>
public sealed class ScimDiscoveryHandler(ScimRequestContext request, ScimServiceLimits limits) : IScimDiscoveryController
{
    public Task<ActionResult<ServiceProviderConfig>> GetServiceProviderConfigAsync(CancellationToken cancellationToken = default) =>
        Ok<ServiceProviderConfig>(ScimDiscoveryDocuments.ServiceProviderConfig(BaseUrl, limits));

    public Task<ActionResult<ListResponse>> ListResourceTypesAsync(CancellationToken cancellationToken = default) =>
        Ok<ListResponse>(ScimDiscoveryDocuments.ResourceTypes(BaseUrl));

    public Task<ActionResult<ResourceType>> GetResourceTypeAsync(string name, CancellationToken cancellationToken = default) =>
        Ok<ResourceType>(ScimDiscoveryDocuments.ResourceType(BaseUrl, name) ?? throw ScimException.NotFound($"No resource type named '{name}'."));

    public Task<ActionResult<ListResponse>> ListSchemasAsync(CancellationToken cancellationToken = default) =>
        Ok<ListResponse>(ScimDiscoveryDocuments.Schemas(BaseUrl));

    public Task<ActionResult<Schema>> GetSchemaAsync(string id, CancellationToken cancellationToken = default) =>
        Ok<Schema>(ScimDiscoveryDocuments.Schema(BaseUrl, id) ?? throw ScimException.NotFound($"No schema with id '{id}'."));

    private string BaseUrl => request.Call().BaseUrl;

    private static Task<ActionResult<T>> Ok<T>(System.Text.Json.Nodes.JsonObject body) => Task.FromResult(new ActionResult<T>(ScimResults.Json(body)));
}
