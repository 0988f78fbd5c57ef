using AutoRfpHex.Core.Common;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class OrganizationServiceTests
{
    [Fact]
    public async Task Get_returns_the_organization()
    {
        var harness = await CredentialsHarness.StartAsync(scimEnabled: false);

        var organization = await harness.OrganizationService.GetAsync(CredentialsHarness.OrganizationId, default);

        organization.Id.Should().Be(CredentialsHarness.OrganizationId);
        organization.ScimEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Get_of_unknown_organization_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();

        var act = () => harness.OrganizationService.GetAsync("nope", default);

        (await act.Should().ThrowAsync<RequestRejectedException>()).Which.Kind.Should().Be(RejectionKind.NotFound);
    }

    [Fact]
    public async Task Scim_switch_turns_provisioning_on_and_off()
    {
        var harness = await CredentialsHarness.StartAsync(scimEnabled: false);

        (await harness.OrganizationService.SetScimProvisioningAsync(CredentialsHarness.OrganizationId, true, default)).ScimEnabled.Should().BeTrue();
        (await harness.OrganizationService.GetAsync(CredentialsHarness.OrganizationId, default)).ScimEnabled.Should().BeTrue();

        (await harness.OrganizationService.SetScimProvisioningAsync(CredentialsHarness.OrganizationId, false, default)).ScimEnabled.Should().BeFalse();
        (await harness.OrganizationService.GetAsync(CredentialsHarness.OrganizationId, default)).ScimEnabled.Should().BeFalse();
    }

    [Fact]
    public async Task Scim_switch_of_unknown_organization_is_not_found()
    {
        var harness = await CredentialsHarness.StartAsync();

        var act = () => harness.OrganizationService.SetScimProvisioningAsync("nope", true, default);

        (await act.Should().ThrowAsync<RequestRejectedException>()).Which.Kind.Should().Be(RejectionKind.NotFound);
    }

    [Fact]
    public async Task Turning_scim_off_stops_every_credential_of_the_organization_at_once()
    {
        var harness = await CredentialsHarness.StartAsync();
        var client = await harness.CreateClientAsync();
        var secret = await harness.CreateSecretAsync(client);
        var token = await harness.RequestTokenAsync(client.ClientId, secret.SecretKey);
        (await harness.AuthenticateBearerAsync(token.AccessToken)).Succeeded.Should().BeTrue();
        (await harness.AuthenticateBearerAsync(secret.SecretKey)).Succeeded.Should().BeTrue();

        await harness.OrganizationService.SetScimProvisioningAsync(CredentialsHarness.OrganizationId, false, default);

        foreach (var result in new[]
        {
            await harness.AuthenticateBearerAsync(token.AccessToken),
            await harness.AuthenticateBearerAsync(secret.SecretKey),
            await harness.AuthenticateBasicAsync(client.ClientId, secret.SecretKey),
        })
        {
            result.Succeeded.Should().BeFalse();
            result.Failure!.Status.Should().Be(403);
            result.Failure.Detail.Should().Contain("SCIM provisioning is turned off");
        }
    }
}
