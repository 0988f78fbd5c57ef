using System.Text.Json.Nodes;
using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class UserAccountTests
{
    private static ScimResourceRecord User(JsonObject attributes, AccountRole role = AccountRole.Admin) =>
        new("u1", ScimResourceType.User, 3, default, default, attributes) { Role = role, IsIntegrationUser = true };

    [Fact]
    public void Projection_reads_user_name_display_name_primary_email_and_flags()
    {
        var account = UserAccount.From(User(new JsonObject
        {
            ["userName"] = "jo@acme.test",
            ["displayName"] = "Jo",
            ["emails"] = new JsonArray(
                new JsonObject { ["value"] = "other@acme.test", ["type"] = "home" },
                new JsonObject { ["value"] = "jo@work.test", ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
        }));

        account.Should().BeEquivalentTo(new
        {
            Id = "u1",
            UserName = "jo@acme.test",
            DisplayName = "Jo",
            Email = "jo@work.test",
            Role = AccountRole.Admin,
            Active = true,
            IsIntegrationUser = true,
            IsActiveAdmin = true,
        });
    }

    [Fact]
    public void Without_primary_email_the_first_one_is_taken()
    {
        var account = UserAccount.From(User(new JsonObject
        {
            ["userName"] = "jo",
            ["emails"] = new JsonArray(new JsonObject { ["value"] = "first@acme.test" }, new JsonObject { ["value"] = "second@acme.test" }),
        }));

        account.Email.Should().Be("first@acme.test");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData("False", false)]
    [InlineData("false", false)]
    [InlineData("True", true)]
    public void Active_flag_is_read_from_booleans_and_boolean_strings(object active, bool expected)
    {
        JsonNode node = active is bool flag ? JsonValue.Create(flag) : JsonValue.Create((string)active);

        UserAccount.IsActive(new JsonObject { ["active"] = node }).Should().Be(expected);
    }

    [Fact]
    public void Missing_active_reads_as_active()
    {
        UserAccount.IsActive(new JsonObject { ["userName"] = "x" }).Should().BeTrue();
    }

    [Fact]
    public void Inactive_admin_or_active_member_is_not_an_active_admin()
    {
        UserAccount.From(User(new JsonObject { ["userName"] = "x", ["active"] = false })).IsActiveAdmin.Should().BeFalse();
        UserAccount.From(User(new JsonObject { ["userName"] = "x", ["active"] = true }, AccountRole.Member)).IsActiveAdmin.Should().BeFalse();
    }
}
