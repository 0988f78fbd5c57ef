using static AutoRfpHex.Persistence.ContractTests.Support.Filters;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// The root search (<c>POST /.search</c>) parses one filter for Users and for Groups; a name only the other type defines
/// comes out qualified with that type's core schema URN (extension names keep theirs), a place this type's resources never
/// hold. The store must treat it as unassigned, as the Core evaluator does, for document and membership attributes alike.
/// </summary>
public abstract partial class FilterTranslationContract
{
    private const string UserUrn = "urn:ietf:params:scim:schemas:core:2.0:User", GroupUrn = "urn:ietf:params:scim:schemas:core:2.0:Group";

    [Fact]
    public async Task A_user_attribute_is_unassigned_on_every_group()
    {
        string[] all = ["Admins", "Everyone", "Empty"];

        (await GroupsAsync(Eq($"{UserUrn}:userName", "Admins"))).Should().BeEmpty();
        (await GroupsAsync(Not(Pr($"{UserUrn}:userName")))).Should().BeEquivalentTo(all);
        (await GroupsAsync(Ne($"{UserUrn}:userName", "x"))).Should().BeEquivalentTo(all);
        (await GroupsAsync(EqNull($"{UserUrn}:emails.value"))).Should().BeEquivalentTo(all);
        (await GroupsAsync(Where($"{UserUrn}:emails", Eq($"{UserUrn}:emails.type", "work")))).Should().BeEmpty();
        (await GroupsAsync(Not(Where($"{UserUrn}:name", Pr($"{UserUrn}:name.familyName"))))).Should().BeEquivalentTo(all);
        (await GroupsAsync(Eq($"{UserUrn}:groups.value", everyone.Id))).Should().BeEmpty("groups are a user's memberships, not a group's");
        (await GroupsAsync(Pr($"{UserUrn}:groups"))).Should().BeEmpty();
        (await GroupsAsync(Eq($"{Enterprise}:department", "R&D"))).Should().BeEmpty();
        (await GroupsAsync(Or(Eq($"{UserUrn}:displayName", "Admins"), Eq("displayName", "Empty")))).Should().Equal("Empty");
    }

    [Fact]
    public async Task A_group_attribute_is_unassigned_on_every_user()
    {
        string[] all = [Alice, Bob, Elodie, Dave];

        (await UsersAsync(Eq($"{GroupUrn}:members.value", alice.Id))).Should().BeEmpty("members are a group's memberships");
        (await UsersAsync(Pr($"{GroupUrn}:members"))).Should().BeEmpty();
        (await UsersAsync(Not(Pr($"{GroupUrn}:members")))).Should().BeEquivalentTo(all);
        (await UsersAsync(Where($"{GroupUrn}:members", Eq($"{GroupUrn}:members.type", "User")))).Should().BeEmpty();
        (await UsersAsync(Not(Where($"{GroupUrn}:members", Eq($"{GroupUrn}:members.type", "User"))))).Should().BeEquivalentTo(all);
        (await UsersAsync(Co($"{GroupUrn}:displayName", "Alice"))).Should().BeEmpty("the user's own displayName is not the group's");
        (await UsersAsync(Ne($"{GroupUrn}:displayName", "Alice Liddell"))).Should().BeEquivalentTo(all);
        (await UsersAsync(And(Co("displayName", "Alice"), Not(Pr($"{GroupUrn}:displayName"))))).Should().Equal(Alice);
    }
}
