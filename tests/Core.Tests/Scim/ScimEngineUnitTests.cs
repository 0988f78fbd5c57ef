using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Patching;
using AutoRfpHex.Core.Scim.Rendering;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Validation;

namespace AutoRfpHex.Core.Tests.Scim;

public sealed class EntityTagTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("*", null)]
    [InlineData("W/\"3\"", "3")]
    [InlineData("\"3\"", "3")]
    [InlineData("w/\"3\", \"4\"", "3,4")]
    public void If_match_names_versions_weak_or_strong(string? header, string? versions) =>
        EntityTag.ParseIfMatch(header)?.Should().Equal(versions!.Split(','));

    [Fact]
    public void A_version_not_named_is_412_without_scimType()
    {
        var check = () => EntityTag.EnsureMatches(["3"], 4, "User 'u1'");

        var refusal = check.Should().Throw<ScimException>().Which;
        refusal.Status.Should().Be(412);
        refusal.ScimType.Should().BeNull();
        refusal.Detail.Should().Be("User 'u1' has changed: it is at version W/\"4\", not W/\"3\" named by If-Match. Read it again and retry.");
    }
}

public sealed class MembershipDeltaTests
{
    [Fact]
    public void Later_operations_win_for_the_same_member()
    {
        var delta = new MembershipDelta();
        delta.Add(["a", "b"]);
        delta.Remove(["b", "c"]);
        delta.Add(["c"]);

        delta.ToChange()!.Add.Should().BeEquivalentTo(["a", "c"]);
        delta.ToChange()!.Remove.Should().BeEquivalentTo(["b"]);
        delta.ApplyTo(["b", "x"]).Should().BeEquivalentTo(["x", "a", "c"]);
    }

    [Fact]
    public void A_replace_makes_the_rest_relative_to_the_new_set()
    {
        var delta = new MembershipDelta();
        delta.Remove(["x"]);
        delta.ReplaceWith(["a", "b"]);
        delta.Remove(["b"]);
        delta.Add(["c"]);

        var change = delta.ToChange()!;
        change.ReplaceAll.Should().BeTrue();
        change.Add.Should().BeEquivalentTo(["a", "c"]);
        delta.ApplyTo(["x", "y"]).Should().BeEquivalentTo(["a", "c"]);
    }

    [Fact]
    public void No_operations_mean_no_change() => new MembershipDelta().ToChange().Should().BeNull();
}

public sealed class ResourceRulesTests
{
    private static readonly ScimSchemaDefinition Badge = new("urn:example:badge", "Badge", "Badge", [
        new("serial", ScimAttributeType.String, "Fixed once issued.", Mutability: AttributeMutability.Immutable),
        new("holder", ScimAttributeType.Complex, "Who holds it.")
        {
            SubAttributes = [new("since", ScimAttributeType.String, "Fixed once set.", Mutability: AttributeMutability.Immutable)],
        },
    ]);

    private static void Check(string before, string after) =>
        ResourceRules.EnsureImmutablesUnchanged([Badge], Badge.Id, JsonNode.Parse(before)!.AsObject(), JsonNode.Parse(after)!.AsObject());

    [Theory]
    [InlineData("""{}""", """{"serial":"1"}""")]
    [InlineData("""{"serial":"1"}""", """{"serial":"1"}""")]
    [InlineData("""{"holder":{"since":"2020"}}""", """{"holder":{"since":"2020"}}""")]
    public void An_immutable_may_be_set_once_and_sent_again_unchanged(string before, string after) =>
        ((Action)(() => Check(before, after))).Should().NotThrow();

    [Theory]
    [InlineData("""{"serial":"1"}""", """{"serial":"2"}""", "Attribute 'serial' is immutable: it cannot change once set.")]
    [InlineData("""{"serial":"1"}""", """{}""", "Attribute 'serial' is immutable: it cannot change once set.")]
    [InlineData("""{"holder":{"since":"2020"}}""", """{"holder":{"since":"2021"}}""", "Attribute 'holder.since' is immutable: it cannot change once set.")]
    public void Changing_an_immutable_is_400_mutability(string before, string after, string detail)
    {
        var refusal = ((Action)(() => Check(before, after))).Should().Throw<ScimException>().Which;

        refusal.ScimType.Should().Be(ScimErrorTypes.Mutability);
        refusal.Detail.Should().Be(detail);
    }
}
