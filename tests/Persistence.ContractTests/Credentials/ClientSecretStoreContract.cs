using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Credentials.CredentialRecords;

namespace AutoRfpHex.Persistence.ContractTests.Credentials;

/// <summary>IClientSecretStore: a new secret supersedes the older usable ones in the same write; lookups by secret id are global.</summary>
public abstract class ClientSecretStoreContract : PersistenceContract
{
    private OAuthClient client = null!;

    private async Task<OAuthClient> ClientAsync(string organizationId = "org-a")
    {
        var created = Client(organizationId, Time.GetUtcNow());
        await Store.Clients.CreateAsync(created, None);
        return created;
    }

    private async Task<ClientSecret> SecretAsync(DateTimeOffset? previousExpireAt = null, DateTimeOffset? expiresAt = null, OAuthClient? of = null)
    {
        var secret = Secret(of ?? client, Time.Advance(TimeSpan.FromMinutes(1)), expiresAt: expiresAt);
        await Store.Secrets.CreateAsync(secret, previousExpireAt ?? secret.CreatedAt, None);
        return secret;
    }

    private async Task<ClientSecret> ReadAsync(ClientSecret secret) => (await Store.Secrets.FindAsync(secret.SecretId, None))!;

    [Fact]
    public async Task A_secret_reads_back_by_id_alone()
    {
        client = await ClientAsync();
        var secret = await SecretAsync(expiresAt: Time.GetUtcNow().AddDays(90));

        (await Store.Secrets.FindAsync(secret.SecretId, None)).Should().Be(secret);
        (await Store.Secrets.FindAsync("sk_unknown", None)).Should().BeNull();
    }

    [Fact]
    public async Task A_new_secret_makes_the_previous_expire_at_once()
    {
        client = await ClientAsync();
        var old = await SecretAsync();

        var fresh = await SecretAsync();

        (await ReadAsync(old)).ExpiresAt.Should().Be(fresh.CreatedAt);
        (await ReadAsync(old)).StatusAt(fresh.CreatedAt).Should().Be(ClientSecretStatus.Expired);
        (await ReadAsync(fresh)).IsUsableAt(fresh.CreatedAt).Should().BeTrue();
    }

    [Fact]
    public async Task Secrets_created_at_the_same_moment_leave_the_client_exactly_one_usable()
    {
        client = await ClientAsync();
        await SecretAsync();
        var at = Time.Advance(TimeSpan.FromMinutes(1));
        var racing = Enumerable.Range(0, 8).Select(_ => Secret(client, at)).ToList();

        await Task.WhenAll(racing.Select(secret => Task.Run(() => Store.Secrets.CreateAsync(secret, at, None))));

        var usable = (await Store.Secrets.ListAsync(client.OrganizationId, client.ClientId, None)).Where(s => s.IsUsableAt(at)).ToList();
        usable.Should().ContainSingle("each new key supersedes every other one; none may be left without a usable key")
            .Which.SecretId.Should().BeOneOf(racing.Select(s => s.SecretId));
    }

    [Fact]
    public async Task A_grace_period_keeps_the_previous_secret_until_it_ends()
    {
        client = await ClientAsync();
        var old = await SecretAsync();
        var graceEnd = Time.GetUtcNow().AddHours(1);

        await SecretAsync(previousExpireAt: graceEnd);

        (await ReadAsync(old)).ExpiresAt.Should().Be(graceEnd);
    }

    [Fact]
    public async Task Superseding_leaves_revoked_and_earlier_expiring_secrets_and_other_clients_alone()
    {
        client = await ClientAsync();
        var other = await ClientAsync();
        var revoked = await SecretAsync();
        await Store.Secrets.RevokeAsync("org-a", client.ClientId, revoked.SecretId, Time.GetUtcNow(), None);
        var soon = Time.GetUtcNow().AddMinutes(10);
        var expiringSoon = await SecretAsync(previousExpireAt: Time.GetUtcNow().AddDays(1), expiresAt: soon);
        var otherClients = await SecretAsync(of: other);

        await SecretAsync(previousExpireAt: Time.GetUtcNow().AddDays(1));

        (await ReadAsync(revoked)).ExpiresAt.Should().BeNull();
        (await ReadAsync(expiringSoon)).ExpiresAt.Should().Be(soon, "a grace period never extends an earlier expiry");
        (await ReadAsync(otherClients)).ExpiresAt.Should().BeNull();
    }

    [Fact]
    public async Task Lists_the_clients_secrets_newest_first()
    {
        client = await ClientAsync();
        var first = await SecretAsync(previousExpireAt: Time.GetUtcNow().AddDays(1));
        var second = await SecretAsync(previousExpireAt: Time.GetUtcNow().AddDays(1));

        (await Store.Secrets.ListAsync("org-a", client.ClientId, None)).Select(s => s.SecretId).Should().Equal(second.SecretId, first.SecretId);
    }

    [Fact]
    public async Task Revoking_marks_the_secret_once()
    {
        client = await ClientAsync();
        var secret = await SecretAsync();
        var at = Time.Advance(TimeSpan.FromMinutes(1));

        var revoked = await Store.Secrets.RevokeAsync("org-a", client.ClientId, secret.SecretId, at, None);
        var again = await Store.Secrets.RevokeAsync("org-a", client.ClientId, secret.SecretId, at.AddMinutes(5), None);

        revoked!.RevokedAt.Should().Be(at);
        again!.RevokedAt.Should().Be(at, "the first revocation time stands");
        (await ReadAsync(secret)).StatusAt(at).Should().Be(ClientSecretStatus.Revoked);
        (await Store.Secrets.RevokeAsync("org-a", client.ClientId, "sk_unknown", at, None)).Should().BeNull();
    }

    [Fact]
    public async Task Recording_use_keeps_the_latest_time()
    {
        client = await ClientAsync();
        var secret = await SecretAsync();
        var later = Time.Advance(TimeSpan.FromMinutes(3));

        await Store.Secrets.RecordUseAsync(secret.SecretId, later, None);
        await Store.Secrets.RecordUseAsync(secret.SecretId, later.AddMinutes(-2), None);

        (await ReadAsync(secret)).LastUsedAt.Should().Be(later);
    }

    [Fact]
    public async Task Another_organization_neither_lists_nor_revokes_the_secret()
    {
        client = await ClientAsync();
        var secret = await SecretAsync();

        (await Store.Secrets.ListAsync("org-b", client.ClientId, None)).Should().BeEmpty();
        (await Store.Secrets.RevokeAsync("org-b", client.ClientId, secret.SecretId, Time.GetUtcNow(), None)).Should().BeNull();
        (await ReadAsync(secret)).RevokedAt.Should().BeNull();
    }

    [Fact]
    public async Task A_secret_for_a_client_of_another_organization_is_refused()
    {
        client = await ClientAsync("org-b");
        var forged = Secret(client, Time.GetUtcNow()) with { OrganizationId = "org-a" };

        var act = () => Store.Secrets.CreateAsync(forged, Time.GetUtcNow(), None);

        await act.Should().ThrowAsync<Exception>();
        (await Store.Secrets.FindAsync(forged.SecretId, None)).Should().BeNull();
    }
}
