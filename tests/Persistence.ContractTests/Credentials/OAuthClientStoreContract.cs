using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Credentials.CredentialRecords;

namespace AutoRfpHex.Persistence.ContractTests.Credentials;

public abstract class OAuthClientStoreContract : PersistenceContract
{
    [Fact]
    public async Task A_client_is_found_by_id_alone_and_listed_in_its_organization()
    {
        var production = Client("org-a", Time.Advance(TimeSpan.FromSeconds(1)));
        var sandbox = Client("org-a", Time.Advance(TimeSpan.FromSeconds(1)), DeploymentEnvironment.Sandbox, "Entra sandbox");
        await Store.Clients.CreateAsync(production, None);
        await Store.Clients.CreateAsync(sandbox, None);

        (await Store.Clients.FindAsync(sandbox.ClientId, None)).Should().Be(sandbox);
        (await Store.Clients.ListAsync("org-a", None)).Should().Equal(production, sandbox);
        (await Store.Clients.FindAsync("cl_unknown", None)).Should().BeNull();
    }

    [Fact]
    public async Task Deleting_a_client_deletes_its_secrets()
    {
        var client = Client("org-a", Time.GetUtcNow());
        await Store.Clients.CreateAsync(client, None);
        var secret = Secret(client, Time.GetUtcNow());
        await Store.Secrets.CreateAsync(secret, Time.GetUtcNow(), None);

        (await Store.Clients.DeleteAsync("org-a", client.ClientId, None)).Should().BeTrue();

        (await Store.Clients.FindAsync(client.ClientId, None)).Should().BeNull();
        (await Store.Secrets.FindAsync(secret.SecretId, None)).Should().BeNull();
        (await Store.Clients.DeleteAsync("org-a", client.ClientId, None)).Should().BeFalse();
    }

    [Fact]
    public async Task Another_organization_neither_lists_nor_deletes_the_client()
    {
        var client = Client("org-a", Time.GetUtcNow());
        await Store.Clients.CreateAsync(client, None);

        (await Store.Clients.ListAsync("org-b", None)).Should().BeEmpty();
        (await Store.Clients.DeleteAsync("org-b", client.ClientId, None)).Should().BeFalse();
        (await Store.Clients.FindAsync(client.ClientId, None)).Should().Be(client);
    }
}
