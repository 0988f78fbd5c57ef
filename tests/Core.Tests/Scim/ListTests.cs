using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>Paging, sorting and projection of lists (filters: <see cref="FilteredListTests"/>).</summary>
public sealed class ListTests
{
    private readonly ScimTestHost host = new(new ScimServiceLimits { MaxResults = 3, DefaultPageSize = 2 });

    private Task<JsonObject> List(int? startIndex = null, int? count = null, string? sortBy = null, string? sortOrder = null, AttributeSelection? selection = null) =>
        host.Service.ListAsync(host.Context, ScimResourceType.User, new ScimListRequest(null, sortBy, sortOrder, startIndex, count, selection ?? AttributeSelection.All), CancellationToken.None);

    private async Task Users(params string[] userNames)
    {
        foreach (var userName in userNames)
        {
            await host.CreateUser(userName, $$"""
                "name":{"familyName":"{{userName[..1].ToUpperInvariant()}}"},"emails":[{"value":"{{userName}}","primary":true}]
                """);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    private static IEnumerable<string> UserNames(JsonObject list) => list["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>());

    [Fact]
    public async Task An_empty_list_still_carries_numeric_totals_and_an_empty_Resources_array()
    {
        var list = await List(startIndex: 1, count: 100);

        list.ShouldBeJson("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],"totalResults":0,"itemsPerPage":0,"startIndex":1,"Resources":[]}
            """);
        list["totalResults"]!.GetValueKind().Should().Be(JsonValueKind.Number);
    }

    [Fact]
    public async Task Without_parameters_the_first_page_of_the_default_size_comes_back_BR19()
    {
        await Users("a@x.example", "b@x.example", "c@x.example");

        var list = await List();

        UserNames(list).Should().Equal("a@x.example", "b@x.example");
        list["totalResults"]!.GetValue<int>().Should().Be(3);
        list["itemsPerPage"]!.GetValue<int>().Should().Be(2);
        list["startIndex"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task Pages_are_stable_and_cover_every_resource_once_V62()
    {
        await Users("d@x.example", "a@x.example", "c@x.example", "b@x.example");

        var first = await List(startIndex: 1, count: 3);
        var second = await List(startIndex: 4, count: 3);

        UserNames(first).Concat(UserNames(second)).Should().Equal("d@x.example", "a@x.example", "c@x.example", "b@x.example");
        second["startIndex"]!.GetValue<int>().Should().Be(4);
    }

    [Theory]
    [InlineData(0, 2, 1, 2)]
    [InlineData(-5, 2, 1, 2)]
    [InlineData(1, 50, 1, 3)]
    [InlineData(1, -1, 1, 0)]
    [InlineData(1, 0, 1, 0)]
    [InlineData(4, 2, 4, 1)]
    [InlineData(9, 2, 9, 0)]
    public async Task Out_of_range_paging_is_clamped(int startIndex, int count, int expectedStart, int expectedItems)
    {
        await Users("a@x.example", "b@x.example", "c@x.example", "d@x.example");

        var list = await List(startIndex, count);

        list["startIndex"]!.GetValue<int>().Should().Be(expectedStart);
        list["itemsPerPage"]!.GetValue<int>().Should().Be(expectedItems);
        list["Resources"]!.AsArray().Should().HaveCount(expectedItems);
        list["totalResults"]!.GetValue<int>().Should().Be(4);
    }

    [Fact]
    public async Task SortBy_orders_by_the_attribute_in_either_direction()
    {
        await Users("b@x.example", "C@x.example", "a@x.example");

        UserNames(await List(sortBy: "USERNAME")).Should().Equal("a@x.example", "b@x.example");
        UserNames(await List(sortBy: "name.familyName", sortOrder: "Descending", count: 3)).Should().Equal("C@x.example", "b@x.example", "a@x.example");
        UserNames(await List(sortBy: "emails", sortOrder: "descending", count: 3)).Should().Equal("C@x.example", "b@x.example", "a@x.example");
    }

    [Theory]
    [InlineData("userName", "sideways", "sortOrder must be 'ascending' or 'descending', not 'sideways'.")]
    [InlineData("shoeSize", null, "Unknown attribute 'shoeSize' in sortBy")]
    [InlineData("name", null, "'name' in sortBy is a complex attribute")]
    [InlineData("emails[type eq \"work\"]", null, "Invalid attribute path")]
    [InlineData("groups", null, "memberships have neither order nor a primary value")]
    public async Task Bad_sort_parameters_are_400_invalidValue(string sortBy, string? sortOrder, string detailPart)
    {
        var refusal = await ((Func<Task>)(() => List(sortBy: sortBy, sortOrder: sortOrder))).ShouldBeRefused(400, ScimErrorTypes.InvalidValue);

        refusal.Detail.Should().Contain(detailPart);
    }

    [Fact]
    public async Task Lists_honour_projection_and_exclude_members_without_loading_them()
    {
        var alice = (await host.CreateUser("alice@x.example")).Id;
        await host.CreateGroup("Engineering", alice);

        var groups = await host.Service.ListAsync(
            host.Context, ScimResourceType.Group, new ScimListRequest(null, null, null, null, null, AttributeSelection.FromQuery(null, "members")), CancellationToken.None);
        var users = await List(selection: AttributeSelection.FromQuery("userName", null));

        groups["Resources"]![0]!.AsObject().ContainsKey("members").Should().BeFalse();
        groups["Resources"]![0]!["displayName"]!.GetValue<string>().Should().Be("Engineering");
        users["Resources"]![0].ShouldBeJson($$"""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"{{alice}}","userName":"alice@x.example"}""");
    }
}
