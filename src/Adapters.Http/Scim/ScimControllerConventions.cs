using AutoRfpHex.Adapters.Http.Authentication;
using AutoRfpHex.Adapters.Http.Scim;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// What NSwag does not generate for the SCIM controllers: authentication, API behaviour and media types.
namespace AutoRfpHex.Adapters.Http.Scim.Generated;

[ApiController]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimUsersController;

[ApiController]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimGroupsController;

[ApiController]
[Authorize(AuthenticationSchemes = ScimAuthenticationHandler.SchemeName)]
[Produces(ScimMediaTypes.ScimJson)]
public partial class ScimDiscoveryController;
