using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;
using static AutoRfpHex.Core.Tests.Scim.ScimTestHost;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>Identity providers re-send writes: one that changes nothing keeps the version and ETag and is logged as unchanged.</summary>
public sealed class ResentWriteTests
{
    private readonly ScimTestHost host = new();

    [Fact]
    public async Task A_put_of_the_stored_group_keeps_its_version()
    {
        var ann = (await host.CreateUser("ann@example.com")).Id;
        var group = await host.CreateGroup("Team", ann);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await host.Service.ReplaceAsync(
            host.Context, ScimResourceType.Group, group.Id, GroupBody("Team", [ann]), group.ETag, AttributeSelection.All, CancellationToken.None);

        again.ETag.Should().Be(group.ETag);
        again.Change.Should().Be(ProvisioningChange.Unchanged);
        (await host.Stored(ScimResourceType.Group, group.Id)).LastModified.Should().Be(Start);
    }

    [Fact]
    public async Task A_conditional_patch_re_adding_a_member_keeps_the_version()
    {
        var ann = (await host.CreateUser("ann@example.com")).Id;
        var group = await host.CreateGroup("Team", ann);

        var again = await host.Patch(
            ScimResourceType.Group, group.Id, $$"""[{"op":"add","path":"members","value":[{"value":"{{ann}}"}]}]""", ifMatch: group.ETag);

        again.ETag.Should().Be(group.ETag);
        again.Change.Should().Be(ProvisioningChange.Unchanged);
    }

    [Fact]
    public async Task A_put_that_changes_only_the_members_raises_the_version()
    {
        var ann = (await host.CreateUser("ann@example.com")).Id;
        var bob = (await host.CreateUser("bob@example.com")).Id;
        var group = await host.CreateGroup("Team", ann);

        var replaced = await host.Service.ReplaceAsync(
            host.Context, ScimResourceType.Group, group.Id, GroupBody("Team", [ann, bob]), null, AttributeSelection.All, CancellationToken.None);

        replaced.ETag.Should().Be("W/\"2\"");
        replaced.Change.Should().Be(ProvisioningChange.Updated);
    }
}
