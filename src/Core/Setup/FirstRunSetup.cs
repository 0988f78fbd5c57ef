using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Setup;

/// <summary>
/// On the first start against an empty store, creates a demo organization with one Admin so a new user can follow
/// the admin guide at once. Does nothing when any organization exists, or when another instance sharing the store
/// creates the demo organization first.
/// </summary>
public sealed class FirstRunSetup(IOrganizationStore organizations, IScimResourceStore resources, TimeProvider clock)
{
    public const string DemoOrganizationId = "demo";
    public const string DemoAdminEmail = "admin@demo.autorfp.test";

    /// <returns>The demo admin when this call created it, else null.</returns>
    public async Task<DemoAdmin?> EnsureDemoOrganizationAsync(CancellationToken cancellationToken)
    {
        if (await organizations.AnyAsync(cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        try
        {
            await organizations.CreateAsync(new Organization(DemoOrganizationId, "Demo Organization", ScimEnabled: false, now), cancellationToken);
        }
        catch (OrganizationAlreadyExistsException)
        {
            return null; // another instance started at the same moment and is creating it
        }

        var admin = new ScimResourceRecord(
            Guid.NewGuid().ToString("N"),
            ScimResourceType.User,
            Version: 1,
            Created: now,
            LastModified: now,
            new JsonObject
            {
                ["userName"] = DemoAdminEmail,
                ["displayName"] = "Demo Admin",
                ["name"] = new JsonObject { ["givenName"] = "Demo", ["familyName"] = "Admin" },
                ["emails"] = new JsonArray(new JsonObject { ["value"] = DemoAdminEmail, ["type"] = "work", ["primary"] = true }),
                ["active"] = true,
            })
        {
            Role = AccountRole.Admin,
        };
        var tenant = new Tenant(DemoOrganizationId, DeploymentEnvironment.Production);
        var result = await resources.CreateAsync(tenant, admin, [], cancellationToken);
        if (result.Outcome != StoreWriteOutcome.Written)
        {
            throw new InvalidOperationException($"Could not create the demo admin: {result.Outcome}.");
        }

        return new DemoAdmin(DemoOrganizationId, admin.Id, DemoAdminEmail);
    }
}

public sealed record DemoAdmin(string OrganizationId, string UserId, string Email);
