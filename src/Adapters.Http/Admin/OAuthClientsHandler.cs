using AutoRfpHex.Adapters.Http.Admin.Generated;
using AutoRfpHex.Core.Accounts;
using ClientSecretService = AutoRfpHex.Core.Credentials.ClientSecretService;
using ClientSecretStatus = AutoRfpHex.Core.Credentials.ClientSecretStatus;
using CreateOAuthClientCommand = AutoRfpHex.Core.Credentials.CreateOAuthClientCommand;
using NewImpersonationUser = AutoRfpHex.Core.Credentials.NewImpersonationUser;
using OAuthClientService = AutoRfpHex.Core.Credentials.OAuthClientService;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using CoreOAuthClient = AutoRfpHex.Core.Credentials.OAuthClient;

namespace AutoRfpHex.Adapters.Http.Admin;

public sealed class OAuthClientsHandler(
    OAuthClientService clients,
    ClientSecretService secrets,
    UserAccountService accounts,
    AdminCaller caller,
    PublicUrls urls) : IOAuthClientsController
{
    public async Task<ActionResult<OAuthClient>> CreateOAuthClientAsync(CreateOAuthClientRequest body, CancellationToken cancellationToken = default)
    {
        var command = new CreateOAuthClientCommand(
            body.Name,
            AdminMapping.ToCore(body.Environment),
            body.ImpersonateUserId,
            body.CreateImpersonationUser is { } user ? new NewImpersonationUser(user.Email, user.DisplayName) : null);
        var created = await clients.CreateAsync(caller.OrganizationId, command, cancellationToken);
        var dto = await DescribeAsync(created, cancellationToken);
        return new CreatedResult($"/api/v1/oauth-clients/{Uri.EscapeDataString(created.ClientId)}", dto);
    }

    public async Task<ActionResult<ICollection<OAuthClient>>> ListOAuthClientsAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<OAuthClient>();
        foreach (var client in await clients.ListAsync(caller.OrganizationId, cancellationToken))
        {
            list.Add(await DescribeAsync(client, cancellationToken));
        }

        return list;
    }

    public async Task<ActionResult<OAuthClient>> GetOAuthClientAsync(string clientId, CancellationToken cancellationToken = default) =>
        await DescribeAsync(await clients.GetAsync(caller.OrganizationId, clientId, cancellationToken), cancellationToken);

    public async Task<IActionResult> DeleteOAuthClientAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await clients.DeleteAsync(caller.OrganizationId, clientId, cancellationToken);
        return new StatusCodeResult(StatusCodes.Status204NoContent);
    }

    private async Task<OAuthClient> DescribeAsync(CoreOAuthClient client, CancellationToken cancellationToken)
    {
        var impersonated = (await accounts.ListAsync(caller.OrganizationId, null, cancellationToken))
            .FirstOrDefault(a => a.Id == client.ImpersonatedUserId);
        var active = (await secrets.ListAsync(caller.OrganizationId, client.ClientId, cancellationToken))
            .Count(s => s.Status == ClientSecretStatus.Active);
        return AdminMapping.ToDto(client, impersonated, active, urls.For(caller.Http.Request));
    }
}
