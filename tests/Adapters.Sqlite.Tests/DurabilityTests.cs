using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Adapters.Sqlite.Tests;

/// <summary>A restart loses nothing: everything written through one instance reads back from a fresh one on the same file.</summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Tenant Tenant = Tenants.AProduction;
    private readonly TemporaryDatabase file = new();

    public Task InitializeAsync() => file.InitializeAsync();

    public Task DisposeAsync() => file.DisposeAsync();

    [Fact]
    public async Task Everything_written_survives_closing_and_reopening_the_file()
    {
        var before = await file.OpenStoreAsync();
        var records = new ScimRecords(before, file.Time);
        var organization = new Organization("org-a", "Acme", true, file.Time.GetUtcNow());
        await before.Organizations.CreateAsync(organization, None);
        var ann = await records.CreateUserAsync(Tenant, "ann", new JsonObject
        {
            ["active"] = false, ["nickName"] = "007", [ScimRecords.EnterpriseUrn] = new JsonObject { ["costCenter"] = 42, ["division"] = 0.5 },
        }, AccountRole.Admin);
        var group = await records.CreateGroupAsync(Tenant, "Admins", ann.Id);
        var client = new OAuthClient("cl_1", "org-a", "Okta", DeploymentEnvironment.Production, ann.Id, file.Time.GetUtcNow());
        await before.Clients.CreateAsync(client, None);
        var secret = new ClientSecret("sk_1", "cl_1", "org-a", "primary", "arfp…1", "$2a$11$x", "bcrypt", file.Time.GetUtcNow(), null, null, null);
        await before.Secrets.CreateAsync(secret, file.Time.GetUtcNow(), None);
        await before.Secrets.RecordUseAsync("sk_1", file.Time.Advance(TimeSpan.FromMinutes(1)), None);
        var key = new SigningKey("kid-1", "RS256", "pem", file.Time.GetUtcNow(), null);
        await before.SigningKeys.AddAsync(key, None);
        var logged = new ProvisioningEvent("ev-1", file.Time.GetUtcNow(), "org-a", DeploymentEnvironment.Production, "cl_1", ann.Id,
            "POST /Users", "User", ann.Id, ProvisioningOutcome.Success, 201, null);
        await before.Log.AppendAsync(logged, None);
        await before.DisposeAsync();
        SqliteConnection.ClearAllPools();

        var after = await file.OpenStoreAsync();

        (await after.Organizations.GetAsync("org-a", None)).Should().Be(organization);
        var annAfter = await after.Resources.GetAsync(Tenant, ScimResourceType.User, ann.Id, ResourceLoadOptions.Full, None);
        annAfter.Should().BeEquivalentTo(ann with { Groups = [new MemberReference(group.Id, ScimResourceType.Group, "Admins")] },
            o => o.Excluding(r => r.Attributes));
        annAfter!.Attributes.ShouldEqualJson(ann.Attributes);
        (await after.Resources.GetAsync(Tenant, ScimResourceType.Group, group.Id, ResourceLoadOptions.Full, None))!
            .Members.Should().Equal(new MemberReference(ann.Id, ScimResourceType.User, "ann"));
        (await after.Clients.FindAsync("cl_1", None)).Should().Be(client);
        (await after.Secrets.FindAsync("sk_1", None)).Should().Be(secret with { LastUsedAt = file.Time.GetUtcNow() });
        (await after.SigningKeys.ListAsync(None)).Should().Equal(key);
        (await after.Log.QueryAsync("org-a", new ProvisioningEventQuery(null, null, 1, 10), None)).Events.Should().Equal(logged);
    }
}
