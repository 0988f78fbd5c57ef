using AutoRfpHex.Adapters.Http.Authentication;
using AutoRfpHex.Adapters.Http.Scim;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// What NSwag does not generate for the SCIM controllers: authentication, API behaviour and media types.
namespace AutoRfpHex.Adapters.Http.Scim.Generated;

// No [ApiController] on Users, Groups and Search: their bodies reach Core as sent (ScimJsonBody), so a DTO the generated
// action could not bind is not an error; Core validates the JSON against the SCIM schemas instead.
[ScimJsonBody]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimUsersController;

[ScimJsonBody]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimGroupsController;

[ScimJsonBody]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimSearchController;

// Bulk reads its body the same way, under the bulk payload limit (bulk.maxPayloadSize) instead of the general one.
[ScimBulkPayloadLimit]
[ScimJsonBody]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimBulkController;

[ApiController]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimDiscoveryController;
