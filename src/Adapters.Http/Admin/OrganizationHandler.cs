using AutoRfpHex.Adapters.Http.Admin.Generated;
using OrganizationService = AutoRfpHex.Core.Organizations.OrganizationService;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Admin;

public sealed class OrganizationHandler(OrganizationService organizations, AdminCaller caller, PublicUrls urls) : IOrganizationController
{
    public async Task<ActionResult<Organization>> GetOrganizationAsync(CancellationToken cancellationToken = default) =>
        AdminMapping.ToDto(await organizations.GetAsync(caller.OrganizationId, cancellationToken), urls.For(caller.Http.Request));

    public async Task<ActionResult<Organization>> SetScimProvisioningAsync(ScimProvisioningSetting body, CancellationToken cancellationToken = default) =>
        AdminMapping.ToDto(
            await organizations.SetScimProvisioningAsync(caller.OrganizationId, body.Enabled, cancellationToken),
            urls.For(caller.Http.Request));
}
