using System.Net;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;

namespace AutoRfpHex.EndToEnd.Tests.Conformance;

/// <summary>Listing and paging as the identity providers use them (V62, BR-19, BR-21).</summary>
public sealed class ListingConformanceTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    [Fact]
    public async Task V62_okta_import_pages_through_every_user_once_in_a_stable_order()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v62", "sandbox");
        var ids = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await session.Scim.CreateUserAsync($"user{i}@example.com"));
        }

        var paged = new List<string>();
        for (var startIndex = 1; startIndex <= 7; startIndex += 3)
        {
            using var response = await session.Scim.GetAsync($"scim/v2/Users?startIndex={startIndex}&count=3");
            var page = await response.ShouldBeListResponseAsync();
            page.TotalResults().Should().Be(7);
            ((int)page["startIndex"]!).Should().Be(startIndex);
            paged.AddRange(page.Resources().Select(u => (string)u["id"]!));
        }

        paged.Should().BeEquivalentTo(ids).And.OnlyHaveUniqueItems();
        using var all = await session.Scim.GetAsync("scim/v2/Users?startIndex=1&count=100");
        (await all.ShouldBeListResponseAsync()).Resources().Select(u => (string)u["id"]!)
            .Should().Equal(paged, "the order does not depend on the page size");
    }

    [Fact]
    public async Task V62_groups_page_the_same_way()
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "v62g", "sandbox");
        var ids = new List<string>();
        foreach (var name in new[] { "Sales", "Engineering", "Bids", "Legal", "Finance" })
        {
            ids.Add(await session.Scim.CreateGroupAsync(name));
        }

        var paged = new List<string>();
        for (var startIndex = 1; startIndex <= 5; startIndex += 2)
        {
            using var response = await session.Scim.GetAsync($"scim/v2/Groups?startIndex={startIndex}&count=2");
            var page = await response.ShouldBeListResponseAsync();
            page.TotalResults().Should().Be(5);
            paged.AddRange(page.Resources().Select(g => (string)g["id"]!));
        }

        paged.Should().BeEquivalentTo(ids).And.OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData("scim/v2/Users")]
    [InlineData("scim/v2/Users?startIndex=1&count=2")]
    [InlineData("scim/v2/Groups?startIndex=1&count=100")]
    [InlineData("scim/v2/Groups")]
    public async Task BR19_listing_without_filter_or_paging_returns_resources(string path)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br19", "sandbox");
        var alice = await session.Scim.CreateUserAsync("alice@example.com");
        await session.Scim.CreateUserAsync("bob@example.com");
        await session.Scim.CreateGroupAsync("Engineering", alice);

        using var response = await session.Scim.GetAsync(path);

        (await response.ShouldBeListResponseAsync()).Resources().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("scim/v2/Users?filter=userName%20eq%20%22nobody-7f3a%40example.com%22&startIndex=1&count=100")]
    [InlineData("scim/v2/Groups?excludedAttributes=members&filter=displayName%20eq%20%22No%20Such%20Group%22")]
    [InlineData("scim/v2/Users?filter=userName+eq+%2203b9f9c0-0a2b-4d8c-9f0e-7a6b5c4d3e2f%22")]
    public async Task BR21_a_query_without_matches_is_an_empty_list_not_an_error(string path)
    {
        using var session = await ScimSession.StartAsync(fixture.Host, "br21");
        await session.Scim.CreateGroupAsync("Engineering");

        using var response = await session.Scim.GetAsync(path);

        var page = await response.ShouldBeListResponseAsync();
        page.TotalResults().Should().Be(0);
        page.Resources().Should().BeEmpty();
    }
}
