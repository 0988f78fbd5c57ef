using AutoRfpHex.Adapters.Http.Admin.Generated;
using ClientSecretService = AutoRfpHex.Core.Credentials.ClientSecretService;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace AutoRfpHex.Adapters.Http.Admin;

public sealed class ClientSecretsHandler(ClientSecretService secrets, AdminCaller caller) : IClientSecretsController
{
    public async Task<ActionResult<CreatedClientSecret>> CreateClientSecretAsync(string clientId, CreateClientSecretRequest body, CancellationToken cancellationToken = default)
    {
        var created = await secrets.CreateAsync(
            caller.OrganizationId,
            clientId,
            body.Name,
            body.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : null,
            body.PreviousSecretGracePeriodMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            cancellationToken);

        // Shown exactly once: no cache on the way may keep it.
        caller.Http.Response.Headers.CacheControl = "no-store";
        caller.Http.Response.Headers.Pragma = "no-cache";
        return new ObjectResult(AdminMapping.ToDto(created)) { StatusCode = StatusCodes.Status201Created };
    }

    public async Task<ActionResult<ICollection<ClientSecretMetadata>>> ListClientSecretsAsync(string clientId, CancellationToken cancellationToken = default) =>
        (await secrets.ListAsync(caller.OrganizationId, clientId, cancellationToken)).Select(AdminMapping.ToDto).ToList();

    public async Task<IActionResult> RevokeClientSecretAsync(string clientId, string secretId, CancellationToken cancellationToken = default)
    {
        await secrets.RevokeAsync(caller.OrganizationId, clientId, secretId, cancellationToken);
        return new StatusCodeResult(StatusCodes.Status204NoContent);
    }
}
