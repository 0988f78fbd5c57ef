using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;
using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// The store executes the Core filter AST with the Core evaluator's semantics: case folding per caseExact, any-element
/// matching, <c>ne</c> = <c>not eq</c> (missing matches), <c>pr</c> = assigned, <c>eq null</c> = not assigned, kinds
/// must match the attribute's type, dateTimes as instants, membership paths from the memberships.
/// </summary>
public abstract partial class FilterTranslationContract : PersistenceContract
{
    private const string Enterprise = ScimRecords.EnterpriseUrn;
    private static readonly Tenant Tenant = Tenants.AProduction;

    private ScimResourceRecord alice = null!, bob = null!, elodie = null!, dave = null!, admins = null!, everyone = null!, empty = null!;

    private ScimRecords Records => new(Store, Time);

    protected override async Task SeedAsync()
    {
        alice = await Records.CreateUserAsync(Tenant, "alice@example.com", new JsonObject
        {
            ["externalId"] = "ext-A", ["displayName"] = "Alice Liddell", ["title"] = "Engineer", ["active"] = true,
            ["name"] = new JsonObject { ["givenName"] = "Alice", ["familyName"] = "Liddell" },
            ["emails"] = new JsonArray(
                new JsonObject { ["value"] = "Alice@Work.example", ["type"] = "work", ["primary"] = true },
                new JsonObject { ["value"] = "alice@home.example", ["type"] = "home" }),
            [Enterprise] = new JsonObject { ["employeeNumber"] = "100", ["department"] = "R&D" },
        });
        bob = await Records.CreateUserAsync(Tenant, "Bob@Example.com", new JsonObject
        {
            ["externalId"] = "ext-b", ["displayName"] = "Bob Builder", ["title"] = "", ["active"] = false,
            ["name"] = new JsonObject { ["familyName"] = "Builder" },
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "bob@work.example", ["type"] = "work" }),
        });
        elodie = await Records.CreateUserAsync(Tenant, "élodie", new JsonObject
        {
            ["displayName"] = "Élodie Ärger", ["active"] = "true", // a mistyped boolean: never equals true
            ["name"] = new JsonObject { ["familyName"] = "Ärger" },
        });
        dave = await Records.CreateUserAsync(Tenant, "dave", new JsonObject
        {
            ["title"] = "Manager", ["active"] = true, ["emails"] = new JsonArray(), [Enterprise] = new JsonObject { ["department"] = "Sales" },
        });
        admins = await Records.CreateGroupAsync(Tenant, "Admins", alice.Id, bob.Id);
        everyone = await Records.CreateGroupAsync(Tenant, "Everyone", alice.Id, bob.Id, elodie.Id, dave.Id, admins.Id);
        empty = await Records.CreateGroupAsync(Tenant, "Empty");

        // The same names elsewhere: no filter may reach them.
        foreach (var other in Tenants.OthersThanAProduction)
        {
            var twin = await Records.CreateUserAsync(other, "alice@example.com", new JsonObject { ["active"] = true, ["title"] = "Engineer" });
            await Records.CreateGroupAsync(other, "Admins", twin.Id);
        }
    }

    private async Task<string[]> UsersAsync(FilterNode filter) => await NamesAsync(ScimResourceType.User, filter, "userName");

    private async Task<string[]> GroupsAsync(FilterNode filter) => await NamesAsync(ScimResourceType.Group, filter, "displayName");

    private async Task<string[]> NamesAsync(ScimResourceType type, FilterNode filter, string nameAttribute)
    {
        var page = await Store.Resources.QueryAsync(Tenant, type, new ScimQuery(filter, null, 1, 100, ResourceLoadOptions.DocumentOnly), None);
        page.TotalResults.Should().Be(page.Resources.Count);
        return page.Resources.Select(r => r.Attributes[nameAttribute]!.GetValue<string>()).ToArray();
    }

    public static TheoryData<string> UserCases => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(UserCases))]
    public async Task Filter_selects_exactly_the_expected_users(string name)
    {
        var (filter, expected) = Cases[name];

        (await UsersAsync(filter)).Should().BeEquivalentTo(expected, name);
    }

    [Fact]
    public async Task Id_compares_case_exact()
    {
        (await UsersAsync(Eq("id", alice.Id))).Should().Equal("alice@example.com");
        (await UsersAsync(Eq("id", alice.Id.ToUpperInvariant()))).Should().BeEmpty();
    }

    [Fact]
    public async Task MetaCreated_compares_as_instants()
    {
        var bobCreated = bob.Created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");
        var bobCreatedPlusOne = bob.Created.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz");

        (await UsersAsync(Gt("meta.created", bobCreated))).Should().BeEquivalentTo("élodie", "dave");
        (await UsersAsync(Ge("meta.created", bobCreated))).Should().BeEquivalentTo("Bob@Example.com", "élodie", "dave");
        (await UsersAsync(Eq("meta.created", bobCreatedPlusOne))).Should().Equal("Bob@Example.com");
    }

    [Fact]
    public async Task MetaLastModified_compares_as_instants()
    {
        var elodieModified = elodie.LastModified.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ");

        (await UsersAsync(Lt("meta.lastModified", elodieModified))).Should().BeEquivalentTo("alice@example.com", "Bob@Example.com");
        (await UsersAsync(Le("meta.lastModified", elodieModified))).Should().HaveCount(3);
    }

    [Fact]
    public async Task MembersValue_finds_the_groups_holding_a_member()
    {
        (await GroupsAsync(Eq("members.value", alice.Id))).Should().BeEquivalentTo("Admins", "Everyone");
        (await GroupsAsync(Eq("members.value", admins.Id))).Should().Equal("Everyone");
        (await GroupsAsync(Eq("members.value", alice.Id.ToUpperInvariant()))).Should().BeEmpty("members.value is caseExact");
    }

    [Fact]
    public async Task Members_value_paths_presence_and_display()
    {
        (await GroupsAsync(Where("members", Eq("members.type", "group")))).Should().Equal("Everyone");
        (await GroupsAsync(Pr("members"))).Should().BeEquivalentTo("Admins", "Everyone");
        (await GroupsAsync(Not(Pr("members")))).Should().Equal("Empty");
        (await GroupsAsync(Co("members.display", "liddell"))).Should().BeEquivalentTo("Admins", "Everyone");
        (await GroupsAsync(Eq("members.display", "DAVE"))).Should().Equal(["Everyone"], "a user without displayName shows its userName");
        (await GroupsAsync(Eq("displayName", "admins"))).Should().Equal("Admins");
    }

    [Fact]
    public async Task GroupsValue_finds_the_users_in_a_group()
    {
        (await UsersAsync(Eq("groups.value", admins.Id))).Should().BeEquivalentTo("alice@example.com", "Bob@Example.com");
        (await UsersAsync(Eq("groups.display", "everyone"))).Should().HaveCount(4);
        (await UsersAsync(Not(Pr("groups")))).Should().BeEmpty();
        (await UsersAsync(Where("groups", And(Eq("groups.value", everyone.Id), Eq("groups.display", "Everyone"))))).Should().HaveCount(4);
        (await GroupsAsync(Eq("members.value", empty.Id))).Should().BeEmpty();
    }
}
