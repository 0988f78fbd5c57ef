using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Scim;

/// <summary>
/// <c>POST /.search</c> (RFC 7644 §3.4.3 at the root): Users then Groups, totals summed, index paging across the
/// boundary, filters and sorts naming attributes of one type only, projection per type, tenancy.
/// </summary>
public sealed class RootSearchTests
{
    private readonly ScimTestHost host = new(new ScimServiceLimits { MaxResults = 50, DefaultPageSize = 4 });

    /// <summary>Three users (ann, bob, cy) and two groups (Sales with ann, Bids with bob), created in that order.</summary>
    private async Task<(string Ann, string Bob, string Cy, string Sales, string Bids)> SeedAsync()
    {
        var ann = await User("ann@x.example", """ "displayName":"Zed Ann","title":"Engineer" """);
        var bob = await User("bob@x.example", $$""" "displayName":"Bob","{{ScimTestHost.EnterpriseUrn}}":{"employeeNumber":"7"} """);
        var cy = await User("cy@x.example", """ "title":"Sales" """);
        var sales = (await host.CreateGroup("Sales", ann)).Id;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var bids = (await host.CreateGroup("Bids", bob)).Id;
        return (ann, bob, cy, sales, bids);
    }

    private async Task<string> User(string userName, string more)
    {
        var id = (await host.CreateUser(userName, more)).Id;
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        return id;
    }

    private Task<JsonObject> Search(string members = "", ScimCallContext? context = null)
    {
        var body = ScimTestHost.Json($$"""{"schemas":["{{ScimSchemaUris.SearchRequest}}"]{{(members.Length == 0 ? "" : "," + members)}}}""");
        return host.Service.SearchAllTypesAsync(context ?? host.Context, body, CancellationToken.None);
    }

    private static string[] Ids(JsonObject list) => list["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task Users_come_first_then_groups_each_in_creation_order_and_totals_add_up()
    {
        var (ann, bob, cy, sales, bids) = await SeedAsync();

        var list = await Search("\"count\":10");

        Ids(list).Should().Equal(ann, bob, cy, sales, bids);
        list["totalResults"]!.GetValue<int>().Should().Be(5);
        list["itemsPerPage"]!.GetValue<int>().Should().Be(5);
        list["startIndex"]!.GetValue<int>().Should().Be(1);
        list["schemas"].ShouldBeJson($"""["{ScimSchemaUris.ListResponse}"]""");
    }

    [Theory]
    [InlineData(1, 2, new[] { 0, 1 })]
    [InlineData(2, 2, new[] { 1, 2 })]
    [InlineData(3, 2, new[] { 2, 3 })]
    [InlineData(3, 3, new[] { 2, 3, 4 })]
    [InlineData(4, 2, new[] { 3, 4 })]
    [InlineData(5, 2, new[] { 4 })]
    [InlineData(6, 2, new int[0])]
    [InlineData(1, 0, new int[0])]
    [InlineData(-3, 1, new[] { 0 })]
    [InlineData(2, 500, new[] { 1, 2, 3, 4 })]
    public async Task Index_paging_spans_the_boundary_between_users_and_groups_exactly(int startIndex, int count, int[] expected)
    {
        var (ann, bob, cy, sales, bids) = await SeedAsync();
        string[] all = [ann, bob, cy, sales, bids];

        var list = await Search($"\"startIndex\":{startIndex},\"count\":{count}");

        Ids(list).Should().Equal(expected.Select(i => all[i]));
        list["totalResults"]!.GetValue<int>().Should().Be(5);
        list["startIndex"]!.GetValue<int>().Should().Be(Math.Max(1, startIndex));
    }

    [Fact]
    public async Task Pages_of_the_default_size_cover_every_resource_once()
    {
        var seeded = await SeedAsync();

        var first = await Search();
        var second = await Search("\"startIndex\":5");

        Ids(first).Concat(Ids(second)).Should().Equal(seeded.Ann, seeded.Bob, seeded.Cy, seeded.Sales, seeded.Bids);
        Ids(first).Should().HaveCount(4, "the configured default page size");
    }

    [Theory]
    [InlineData("userName eq \"ann@x.example\"", "ann")]
    [InlineData("userName pr", "ann,bob,cy")]
    [InlineData("not (userName pr)", "sales,bids")]
    [InlineData("userName ne \"ann@x.example\"", "bob,cy,sales,bids")]
    [InlineData("members.value pr", "sales,bids")]
    [InlineData("members[display eq \"Zed Ann\"]", "sales")]
    [InlineData("not (members pr)", "ann,bob,cy")]
    [InlineData("groups.display eq \"Bids\"", "bob")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"7\"", "bob")]
    [InlineData("displayName sw \"B\"", "bob,bids")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:Group:displayName sw \"B\"", "bids")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:displayName sw \"B\"", "bob")]
    [InlineData("title eq \"Sales\" or displayName eq \"Sales\"", "cy,sales")]
    [InlineData("meta.resourceType eq \"Group\"", "sales,bids")]
    [InlineData("emails pr", "")]
    public async Task A_filter_may_name_attributes_of_either_type_and_the_other_type_lacks_them(string filter, string expected)
    {
        var seeded = await SeedAsync();
        var names = new Dictionary<string, string>
        {
            [seeded.Ann] = "ann", [seeded.Bob] = "bob", [seeded.Cy] = "cy", [seeded.Sales] = "sales", [seeded.Bids] = "bids",
        };

        var list = await Search($"\"filter\":{JsonValue.Create(filter).ToJsonString()}");

        string.Join(",", Ids(list).Select(id => names[id])).Should().Be(expected);
        list["totalResults"]!.GetValue<int>().Should().Be(expected.Length == 0 ? 0 : expected.Split(',').Length);
    }

    [Theory]
    [InlineData("\"sortBy\":\"displayName\"", "bob,ann,cy,bids,sales")]
    [InlineData("\"sortBy\":\"displayName\",\"sortOrder\":\"descending\"", "cy,ann,bob,sales,bids")]
    [InlineData("\"sortBy\":\"userName\",\"sortOrder\":\"descending\"", "cy,bob,ann,{groups by id}")]
    [InlineData("\"sortBy\":\"urn:ietf:params:scim:schemas:core:2.0:Group:displayName\"", "{users by id},bids,sales")]
    public async Task SortBy_orders_each_type_and_a_type_without_the_key_falls_back_to_id_order(string sort, string expected)
    {
        var seeded = await SeedAsync();
        var names = new Dictionary<string, string>
        {
            [seeded.Ann] = "ann", [seeded.Bob] = "bob", [seeded.Cy] = "cy", [seeded.Sales] = "sales", [seeded.Bids] = "bids",
        };
        var byId = (IEnumerable<string> ids) => string.Join(",", ids.Order(StringComparer.Ordinal).Select(id => names[id]));
        expected = expected
            .Replace("{groups by id}", byId([seeded.Sales, seeded.Bids]))
            .Replace("{users by id}", byId([seeded.Ann, seeded.Bob, seeded.Cy]));

        var list = await Search(sort + ",\"count\":10");

        string.Join(",", Ids(list).Select(id => names[id])).Should().Be(expected);
    }

    [Theory]
    [InlineData("\"filter\":\"shoeSize eq 1\"", ScimErrorTypes.InvalidFilter, "Unknown attribute 'shoeSize' at position 0 for User or Group resources.")]
    [InlineData("\"filter\":\"members.shoeSize eq 1\"", ScimErrorTypes.InvalidFilter, "Unknown sub-attribute 'shoeSize' of 'members'")]
    [InlineData("\"filter\":\"userName eq 5\"", ScimErrorTypes.InvalidFilter, "'eq' on 'userName' (a string attribute) needs a string")]
    [InlineData("\"filter\":\"groups.type eq \\\"direct\\\"\"", ScimErrorTypes.InvalidFilter, "'groups.type' at position 0 cannot be queried")]
    [InlineData("\"filter\":\"urn:example:custom:1.0:level eq 1\"", ScimErrorTypes.InvalidFilter, "User or Group resources have the schemas")]
    [InlineData("\"sortBy\":\"shoeSize\"", ScimErrorTypes.InvalidValue, "Unknown attribute 'shoeSize' in sortBy for User or Group resources.")]
    [InlineData("\"sortBy\":\"members\"", ScimErrorTypes.InvalidValue, "Cannot sort by 'members': memberships have neither order nor a primary value.")]
    [InlineData("\"sortBy\":\"userName\",\"sortOrder\":\"up\"", ScimErrorTypes.InvalidValue, "sortOrder must be 'ascending' or 'descending'")]
    [InlineData("\"cursor\":\"\",\"startIndex\":1", ScimErrorTypes.InvalidValue, "startIndex and cursor cannot be combined")]
    [InlineData("\"cursor\":\"\",\"count\":0", ScimErrorTypes.InvalidCount, "With cursor paging, count must be at least 1")]
    [InlineData("\"cursor\":\"abc\",\"count\":2", ScimErrorTypes.InvalidCursor, "The cursor is not one this service issued")]
    [InlineData("\"cursor\":\"abc\",\"sortBy\":\"shoeSize\"", ScimErrorTypes.InvalidValue, "Unknown attribute 'shoeSize' in sortBy")]
    public async Task Invalid_root_searches_are_400_before_the_store_is_read(string members, string scimType, string detail)
    {
        var service = new ScimResourceService(new UnreadableStore(), host.Store, host.Clock);
        var body = ScimTestHost.Json($$"""{"schemas":["{{ScimSchemaUris.SearchRequest}}"],{{members}}}""");

        var refusal = await ((Func<Task>)(() => service.SearchAllTypesAsync(host.Context, body, CancellationToken.None))).ShouldBeRefused(400, scimType);

        refusal.Detail.Should().Contain(detail);
    }

    [Fact]
    public async Task Attributes_apply_to_each_type_and_every_resource_is_rendered_as_its_own_type()
    {
        var (ann, _, _, sales, _) = await SeedAsync();

        var list = await Search("\"attributes\":[\"userName\",\"displayName\",\"meta\"],\"filter\":\"displayName pr\",\"count\":10");
        var resources = list["Resources"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!.AsObject());

        resources[ann].ShouldBeJson($$"""
            {"schemas":["{{ScimSchemaUris.User}}"],"id":"{{ann}}","userName":"ann@x.example","displayName":"Zed Ann",
             "meta":{{resources[ann]["meta"]!.ToJsonString()}}}
            """);
        resources[ann]["meta"]!["resourceType"]!.GetValue<string>().Should().Be("User");
        resources[ann]["meta"]!["location"]!.GetValue<string>().Should().Be($"{ScimTestHost.BaseUrl}/Users/{ann}");
        resources[sales].ShouldBeJson($$"""
            {"schemas":["{{ScimSchemaUris.Group}}"],"id":"{{sales}}","displayName":"Sales","meta":{{resources[sales]["meta"]!.ToJsonString()}}}
            """);
        resources[sales]["meta"]!["resourceType"]!.GetValue<string>().Should().Be("Group");
        resources[sales]["meta"]!["location"]!.GetValue<string>().Should().Be($"{ScimTestHost.BaseUrl}/Groups/{sales}");
    }

    [Fact]
    public async Task ExcludedAttributes_leave_members_and_groups_out_and_each_resource_equals_its_GET()
    {
        var (ann, _, _, sales, _) = await SeedAsync();

        var trimmed = await Search("\"excludedAttributes\":\"members,groups\",\"count\":10");
        var full = await Search("\"count\":10");

        trimmed["Resources"]!.AsArray().Should().OnlyContain(r => !r!.AsObject().ContainsKey("members") && !r.AsObject().ContainsKey("groups"));
        var byId = full["Resources"]!.AsArray().ToDictionary(r => r!["id"]!.GetValue<string>(), r => r!);
        byId[ann].ShouldBeJson((await host.Get(ScimResourceType.User, ann)).Body.ToJsonString());
        byId[sales].ShouldBeJson((await host.Get(ScimResourceType.Group, sales)).Body.ToJsonString());
    }

    [Fact]
    public async Task A_root_search_sees_only_its_own_tenant()
    {
        await SeedAsync();
        var sandbox = ScimTestHost.For(ScimTestHost.AcmeSandbox);
        var globex = ScimTestHost.For(ScimTestHost.Globex);
        var sandboxUser = (await host.CreateUser("ann@x.example", tenant: ScimTestHost.AcmeSandbox)).Id;
        await host.CreateUser("zoe@globex.example", tenant: ScimTestHost.Globex);

        var inSandbox = await Search("\"filter\":\"userName pr or displayName pr\"", sandbox);
        var inGlobex = await Search("\"filter\":\"userName sw \\\"ann\\\" or displayName eq \\\"Sales\\\"\"", globex);

        Ids(inSandbox).Should().Equal(sandboxUser);
        inGlobex["totalResults"]!.GetValue<int>().Should().Be(0);
    }

    /// <summary>A store any read of which fails the test: refusals must come before the first query.</summary>
    private sealed class UnreadableStore : IScimResourceStore
    {
        public Task<ScimResourceRecord?> GetAsync(Tenant tenant, ScimResourceType type, string id, ResourceLoadOptions load, CancellationToken cancellationToken) => Fail<ScimResourceRecord?>();

        public Task<StoreWriteResult> CreateAsync(Tenant tenant, ScimResourceRecord resource, IReadOnlyCollection<string> memberIds, CancellationToken cancellationToken) => Fail<StoreWriteResult>();

        public Task<StoreWriteResult> UpdateAsync(Tenant tenant, ScimResourceRecord resource, long expectedVersion, MembershipChange? membershipChange, CancellationToken cancellationToken) => Fail<StoreWriteResult>();

        public Task<StoreWriteResult> UpdateMembersAsync(Tenant tenant, string groupId, MembershipChange change, DateTimeOffset lastModified, CancellationToken cancellationToken) => Fail<StoreWriteResult>();

        public Task<bool> DeleteAsync(Tenant tenant, ScimResourceType type, string id, long? expectedVersion, CancellationToken cancellationToken) => Fail<bool>();

        public Task<ScimQueryPage> QueryAsync(Tenant tenant, ScimResourceType type, ScimQuery query, CancellationToken cancellationToken) => Fail<ScimQueryPage>();

        private static Task<T> Fail<T>() => throw new InvalidOperationException("The store was used although the request is invalid.");
    }
}
