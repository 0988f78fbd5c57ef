using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.ApiClient.Scim;

namespace AutoRfpHex.EndToEnd.Tests.Walkthrough;

/// <summary>
/// What an identity provider does once connected, through the generated SCIM client: create, get, filter, PATCH, PUT
/// and DELETE users; create a group, add and remove members. Run once per credential mode.
/// </summary>
internal sealed class ScimProvisioningSteps(ScimClient scim, string domain)
{
    private const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    private const string EnterpriseSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private const string PatchOpSchema = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public List<string> CreatedUserIds { get; } = [];

    public string? DeletedUserId { get; private set; }

    private string GroupId { get; set; } = string.Empty;

    public async Task RunAsync()
    {
        var alice = await CreateUserAsync("alice", "00u-alice");
        var bob = await CreateUserAsync("bob", "00u-bob");
        await FindAsync(alice);
        await DuplicateUserNameIsRefusedAsync();
        await PatchAsync(alice);
        await PutAsync(alice);
        await GroupMembershipAsync(alice, bob);
        await DeleteAsync(alice, bob);
    }

    private string UserName(string who) => $"{who}@{domain}";

    private async Task<string> CreateUserAsync(string who, string externalId)
    {
        var created = await scim.CreateUserAsync(new User
        {
            Schemas = [UserSchema, EnterpriseSchema],
            UserName = UserName(who),
            ExternalId = externalId,
            Name = new Name { GivenName = who, FamilyName = "Archer" },
            DisplayName = $"{who} Archer",
            Emails = [new MultiValuedAttribute { Value = UserName(who), Type = "work", Primary = true }],
            Active = true,
            Password = "placeholder-9x",
            Urn_ietf_params_scim_schemas_extension_enterprise_20_User = new EnterpriseUser { EmployeeNumber = "E-" + who, Department = "Bids" },
        });

        created.StatusCode.Should().Be(201);
        created.Headers.Should().ContainKey("Location");
        var user = created.Result;
        user.Id.Should().NotBeNullOrEmpty();
        user.UserName.Should().Be(UserName(who));
        user.ExternalId.Should().Be(externalId);
        user.Active.Should().BeTrue();
        user.Password.Should().BeNull("a password is accepted but never returned");
        user.Meta!.ResourceType.Should().Be("User");
        user.Urn_ietf_params_scim_schemas_extension_enterprise_20_User!.EmployeeNumber.Should().Be("E-" + who);
        created.Headers["Location"].Single().Should().EndWith("/scim/v2/Users/" + user.Id);

        var read = await scim.GetUserAsync(user.Id!);
        read.Result.UserName.Should().Be(UserName(who));
        read.Result.Name!.FamilyName.Should().Be("Archer");
        CreatedUserIds.Add(user.Id!);
        return user.Id!;
    }

    private async Task FindAsync(string aliceId)
    {
        foreach (var filter in new[]
        {
            $"userName eq \"{UserName("alice")}\"",
            $"userName eq \"{UserName("alice").ToUpperInvariant()}\"",
            "externalId eq \"00u-alice\"",
            $"emails.value eq \"{UserName("alice")}\"",
            $"userName eq \"{UserName("alice")}\" and externalId eq \"00u-alice\"",
        })
        {
            var page = await scim.ListUsersAsync(filter: filter, startIndex: 1, count: 100);
            page.Result.TotalResults.Should().Be(1, filter);
            Users(page.Result).Single().Id.Should().Be(aliceId, filter);
        }

        var none = await scim.ListUsersAsync(filter: $"userName eq \"nobody@{domain}\"");
        none.StatusCode.Should().Be(200);
        none.Result.TotalResults.Should().Be(0);
        none.Result.Resources.Should().BeEmpty();
    }

    private async Task DuplicateUserNameIsRefusedAsync()
    {
        var duplicate = () => scim.CreateUserAsync(new User { Schemas = [UserSchema], UserName = UserName("ALICE") });
        var error = (await duplicate.Should().ThrowAsync<ScimApiException<ScimError>>()).Which;
        error.StatusCode.Should().Be(409);
        error.Result.ScimType.Should().Be("uniqueness");
        error.Result.Status.Should().Be("409");
    }

    private async Task PatchAsync(string aliceId)
    {
        var deactivated = await scim.PatchUserAsync(aliceId, Patch(new PatchOperation { Op = "replace", Value = new JsonObject { ["active"] = false } }));
        deactivated.StatusCode.Should().Be(200);
        deactivated.Result.Active.Should().BeFalse();

        var renamed = await scim.PatchUserAsync(aliceId, Patch(
            new PatchOperation { Op = "Replace", Path = "name.familyName", Value = "Liddell" },
            new PatchOperation { Op = "replace", Path = "emails[type eq \"work\"].value", Value = UserName("alice.liddell") }));
        renamed.Result.Name!.FamilyName.Should().Be("Liddell");
        renamed.Result.Emails!.Single().Value.Should().Be(UserName("alice.liddell"));

        var read = await scim.GetUserAsync(aliceId);
        read.Result.Active.Should().BeFalse("the PATCH is stored, not only echoed");
        read.Result.Name!.FamilyName.Should().Be("Liddell");
    }

    private async Task PutAsync(string aliceId)
    {
        var current = (await scim.GetUserAsync(aliceId)).Result;
        current.DisplayName = "Alice Liddell";
        current.Active = true;
        current.Name = new Name { GivenName = "Alice", MiddleName = "May", FamilyName = "Liddell" };
        var replaced = await scim.ReplaceUserAsync(aliceId, current);
        replaced.StatusCode.Should().Be(200);
        replaced.Result.Id.Should().Be(aliceId);
        replaced.Result.DisplayName.Should().Be("Alice Liddell");
        replaced.Result.Active.Should().BeTrue();
        replaced.Result.Name!.MiddleName.Should().Be("May");
        (await scim.GetUserAsync(aliceId)).Result.DisplayName.Should().Be("Alice Liddell");
    }

    private async Task GroupMembershipAsync(string aliceId, string bobId)
    {
        var created = await scim.CreateGroupAsync(new Group
        {
            Schemas = [GroupSchema],
            DisplayName = "Bid team " + domain,
            Members = [new GroupMember { Value = aliceId }],
        });
        created.StatusCode.Should().Be(201);
        var groupId = created.Result.Id!;
        created.Result.Members!.Select(m => m.Value).Should().Equal(aliceId);

        var addedETag = await PatchGroupAsync(groupId, Patch(new PatchOperation
        {
            Op = "add",
            Path = "members",
            Value = new JsonArray(new JsonObject { ["value"] = bobId }),
        }));
        addedETag.Should().Be("W/\"2\"");
        (await MemberIdsAsync(groupId)).Should().BeEquivalentTo([aliceId, bobId]);

        var found = await scim.ListGroupsAsync(filter: $"displayName eq \"Bid team {domain}\"");
        found.Result.TotalResults.Should().Be(1);

        await PatchGroupAsync(groupId, Patch(new PatchOperation { Op = "remove", Path = $"members[value eq \"{aliceId}\"]" }));
        (await MemberIdsAsync(groupId)).Should().Equal(bobId);

        var withoutMembers = await scim.GetGroupAsync(groupId, excludedAttributes: "members");
        withoutMembers.Result.Members.Should().BeNull("excludedAttributes=members leaves the key out");
        withoutMembers.Result.DisplayName.Should().Be("Bid team " + domain);

        var renamed = await scim.PatchGroupAsync(
            groupId, Patch(new PatchOperation { Op = "add", Path = "members", Value = new JsonArray(new JsonObject { ["value"] = aliceId }) }), excludedAttributes: "members");
        renamed.StatusCode.Should().Be(200, "with excludedAttributes a group PATCH answers with the group, as asked");
        renamed.Result.Members.Should().BeNull();
        (await MemberIdsAsync(groupId)).Should().BeEquivalentTo([aliceId, bobId]);
        GroupId = groupId;
    }

    /// <summary>
    /// A group PATCH without attributes/excludedAttributes answers 204 No Content with the new ETag. The generated client
    /// returns only the primary success type (200 with a Group) and reports any other status, this 204 included, as a
    /// <see cref="ScimApiException"/> (NSwag's rule for a second 2xx of another type); that exception is the 204 here.
    /// </summary>
    /// <returns>The ETag of the version written.</returns>
    private async Task<string> PatchGroupAsync(string groupId, PatchRequest body)
    {
        try
        {
            var answered = await scim.PatchGroupAsync(groupId, body);
            throw new InvalidOperationException($"Expected 204 No Content from a group PATCH without attributes, got {answered.StatusCode}.");
        }
        catch (ScimApiException noContent) when (noContent.StatusCode == 204)
        {
            noContent.Response.Should().BeEmpty();
            return noContent.Headers["ETag"].Single();
        }
    }

    private async Task DeleteAsync(string aliceId, string bobId)
    {
        (await scim.DeleteUserAsync(aliceId)).StatusCode.Should().Be(204);
        DeletedUserId = aliceId;
        var gone = () => scim.GetUserAsync(aliceId);
        (await gone.Should().ThrowAsync<ScimApiException<ScimError>>()).Which.StatusCode.Should().Be(404);
        (await MemberIdsAsync(GroupId)).Should().Equal([bobId], "deleting a user removes it from its groups");

        (await scim.DeleteGroupAsync(GroupId)).StatusCode.Should().Be(204);
        var groupGone = () => scim.GetGroupAsync(GroupId);
        (await groupGone.Should().ThrowAsync<ScimApiException<ScimError>>()).Which.StatusCode.Should().Be(404);
        (await scim.GetUserAsync(bobId)).StatusCode.Should().Be(200, "deleting a group keeps its members");
    }

    private async Task<IReadOnlyList<string>> MemberIdsAsync(string groupId) =>
        (await scim.GetGroupAsync(groupId)).Result.Members?.Select(m => m.Value!).ToArray() ?? [];

    private static PatchRequest Patch(params PatchOperation[] operations) =>
        new() { Schemas = [PatchOpSchema], Operations = operations };

    private static IReadOnlyList<User> Users(ListResponse page) =>
        page.Resources.Select(r => JsonSerializer.Deserialize<User>(((JsonElement)r).GetRawText())!).ToArray();
}
