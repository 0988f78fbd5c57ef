using AutoRfpHex.Adapters.Http.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// What NSwag does not generate for the admin controllers: authentication, API behaviour and media types.
namespace AutoRfpHex.Adapters.Http.Admin.Generated;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
[Produces("application/json")]
public partial class OrganizationController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
[Produces("application/json")]
public partial class UsersController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
[Produces("application/json")]
public partial class OAuthClientsController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
[Produces("application/json")]
public partial class ClientSecretsController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
[Produces("application/json")]
public partial class ProvisioningEventsController;
