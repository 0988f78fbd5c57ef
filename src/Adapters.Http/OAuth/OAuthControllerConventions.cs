using Microsoft.AspNetCore.Mvc;

// The token endpoint takes its form fields as plain parameters: [ApiController] would bind them from the query
// string instead, so only the metadata controller gets it.
namespace AutoRfpHex.Adapters.Http.OAuth.Generated;

[Produces("application/json")]
public partial class OAuthTokenController;

[ApiController]
[Produces("application/json")]
public partial class OAuthMetadataController;
