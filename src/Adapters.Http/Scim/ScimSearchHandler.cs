using AutoRfpHex.Adapters.Http.Scim.Generated;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Scim;

/// <summary><c>POST /scim/v2/.search</c>: one query over Users and Groups (RFC 7644 §3.4.3).</summary>
public sealed class ScimSearchHandler(ScimResourceEndpoints endpoints) : IScimSearchController
{
    public async Task<ActionResult<ListResponse>> SearchResourcesAsync(SearchRequest body, CancellationToken cancellationToken = default) =>
        new((ActionResult)await endpoints.SearchAsync(type: null, cancellationToken));
}
