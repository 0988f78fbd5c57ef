using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class ScimSortComparerTests
{
    private static List<string> Sort(string sortBy, bool descending, params ScimResourceRecord[] records)
    {
        var path = ScimFilterParser.ParseAttributePath(sortBy, ScimResourceType.User);
        return records.Order(ScimSortComparer.For(new SortSpecification(path, descending))).Select(r => r.Id).ToList();
    }

    private static ScimResourceRecord User(string id, string attributes) => TestRecords.User($$"""{ "id": "{{id}}", {{attributes}} }""");

    [Fact]
    public void Strings_that_are_not_caseExact_sort_by_their_folded_form()
    {
        var ids = Sort("userName", false,
            User("1", "\"userName\": \"bob\""), User("2", "\"userName\": \"Alice\""), User("3", "\"userName\": \"carol\""), User("4", "\"userName\": \"ALBERT\""));

        ids.Should().Equal("4", "2", "1", "3");
    }

    [Fact]
    public void CaseExact_strings_sort_by_code_point_so_upper_case_comes_first()
    {
        var ids = Sort("externalId", false,
            User("1", "\"externalId\": \"b\""), User("2", "\"externalId\": \"B\""), User("3", "\"externalId\": \"a\""));

        ids.Should().Equal("2", "3", "1");
    }

    [Fact]
    public void Characters_above_U_FFFF_sort_after_the_rest_of_the_BMP()
    {
        var ids = Sort("displayName", false, User("1", "\"displayName\": \"😀\""), User("2", "\"displayName\": \"\uFFFD\""), User("3", "\"displayName\": \"東京\""));

        ids.Should().Equal("3", "2", "1");
    }

    [Fact]
    public void Missing_values_sort_last_ascending_and_first_descending()
    {
        ScimResourceRecord[] records =
        [
            User("1", "\"title\": \"b\""), User("2", "\"userName\": \"x\""), User("3", "\"title\": \"a\""),
            User("4", "\"title\": null"), User("5", "\"title\": \"\""),
        ];

        Sort("title", false, records).Should().Equal("3", "1", "2", "4", "5");
        Sort("title", true, records).Should().Equal("2", "4", "5", "1", "3");
    }

    [Fact]
    public void Ties_break_by_id_ascending_in_both_directions()
    {
        ScimResourceRecord[] records = [User("c", "\"title\": \"same\""), User("a", "\"title\": \"SAME\""), User("b", "\"title\": \"other\"")];

        Sort("title", false, records).Should().Equal("b", "a", "c");
        Sort("title", true, records).Should().Equal("a", "c", "b");
    }

    [Fact]
    public void A_multi_valued_attribute_sorts_by_its_primary_value_else_its_first()
    {
        var ids = Sort("emails", false,
            User("1", """ "emails": [ { "value": "a@x" }, { "value": "z@x", "primary": true } ] """),
            User("2", """ "emails": [ { "value": "m@x" }, { "value": "b@x" } ] """),
            User("3", """ "emails": [] """));

        ids.Should().Equal("2", "1", "3");
    }

    [Fact]
    public void Sub_attributes_of_a_multi_valued_attribute_follow_the_same_element()
    {
        var ids = Sort("emails.type", false,
            User("1", """ "emails": [ { "value": "a@x", "type": "work" }, { "value": "z@x", "type": "home", "primary": true } ] """),
            User("2", """ "emails": [ { "value": "m@x", "type": "other" } ] """));

        ids.Should().Equal("1", "2");
    }

    [Fact]
    public void DateTimes_sort_as_instants_and_booleans_false_first()
    {
        var early = User("1", "\"active\": true, \"meta\": { \"created\": \"2026-01-01T10:00:00+05:00\" }");
        var late = User("2", "\"active\": false, \"meta\": { \"created\": \"2026-01-01T06:00:00Z\" }");
        var middle = User("3", "\"meta\": { \"created\": \"2026-01-01T01:00:00-02:00\" }");

        Sort("meta.created", false, early, late, middle).Should().Equal("3", "1", "2");
        Sort("meta.lastModified", true, early, late, middle).Should().Equal("2", "1", "3");
        Sort("active", false, early, late, middle).Should().Equal("2", "1", "3");
    }

    [Fact]
    public void Extension_attributes_sort_through_their_urn()
    {
        const string enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
        var ids = Sort(enterprise + ":employeeNumber", false,
            User("1", $$""" "{{enterprise}}": { "employeeNumber": "B2" } """),
            User("2", $$""" "{{enterprise}}": { "employeeNumber": "a1" } """),
            User("3", "\"userName\": \"none\""));

        ids.Should().Equal("2", "1", "3");
    }

    [Fact]
    public void Sorting_is_a_total_order_so_pages_never_overlap()
    {
        var generator = new RandomUserGenerator(7);
        var users = Enumerable.Range(0, 300).Select(_ => generator.Next()).ToList();
        foreach (var sortBy in new[] { "userName", "title", "emails.value", "meta.lastModified", "active", "name.familyName" })
        {
            var comparer = ScimSortComparer.For(new SortSpecification(ScimFilterParser.ParseAttributePath(sortBy, ScimResourceType.User), false));
            var once = users.Order(comparer).Select(u => u.Id).ToList();
            var shuffled = users.OrderBy(u => u.Id.GetHashCode(StringComparison.Ordinal)).Order(comparer).Select(u => u.Id).ToList();

            shuffled.Should().Equal(once, sortBy);
            var pages = once.Chunk(25).SelectMany(p => p).ToList();
            pages.Should().OnlyHaveUniqueItems().And.HaveCount(users.Count);
        }
    }
}
