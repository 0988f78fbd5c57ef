using AutoRfpHex.Adapters.Http.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

// What NSwag does not generate for the admin controllers: authentication and API behaviour. No [Produces]: it would
// also relabel problem details (application/problem+json) as application/json.
namespace AutoRfpHex.Adapters.Http.Admin.Generated;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
public partial class OrganizationController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
public partial class UsersController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
public partial class OAuthClientsController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
public partial class ClientSecretsController;

[ApiController]
[Authorize(AdminAuthorization.PolicyName)]
public partial class ProvisioningEventsController;
