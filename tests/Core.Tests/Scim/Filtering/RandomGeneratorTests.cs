using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

public sealed class RandomGeneratorTests
{
    private const int Seed = 20260101;

    [Fact]
    public void The_same_seed_generates_the_same_filters_and_users()
    {
        new RandomFilterGenerator(Seed).Next(200).Should().Equal(new RandomFilterGenerator(Seed).Next(200));
        new RandomFilterGenerator(Seed).Next(50).Should().NotEqual(new RandomFilterGenerator(Seed + 1).Next(50));

        var first = new RandomUserGenerator(Seed).Next(100);
        var second = new RandomUserGenerator(Seed).Next(100);
        first.Select(Describe).Should().Equal(second.Select(Describe));
    }

    [Fact]
    public void Generated_filters_all_parse_and_cover_the_whole_language()
    {
        var statistics = new FilterTreeStatistics();
        var filters = new RandomFilterGenerator(Seed).Next(5000);

        foreach (var filter in filters)
        {
            statistics.Add(ScimFilterParser.Parse(filter, ScimResourceType.User));
        }

        statistics.Operators.Should().BeEquivalentTo(Enum.GetValues<ComparisonOperator>());
        statistics.NodeTypes.Should().BeEquivalentTo([typeof(AndFilter), typeof(OrFilter), typeof(NotFilter), typeof(ValuePathFilter), typeof(ComparisonFilter)]);
        statistics.Attributes.Should().Contain(["userName", "emails.value", "meta.lastModified", "active", "groups.value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value"]);
        statistics.NullComparisons.Should().BePositive();
        filters.Should().Contain(f => f.Contains("].", StringComparison.Ordinal), "Entra's value path with a sub-attribute");
        filters.Should().Contain(f => f.Contains("urn:ietf:params:scim:schemas:core:2.0:User:", StringComparison.OrdinalIgnoreCase));
        filters.Should().Contain(f => f.Contains("\\u", StringComparison.Ordinal)).And.Contain(f => f.Any(c => c > 0x7F));
        filters.Should().Contain(f => f.Contains(" AND ", StringComparison.Ordinal) || f.Contains(" OR ", StringComparison.Ordinal));
    }

    [Fact]
    public void Generated_filters_select_neither_nothing_nor_everything_most_of_the_time()
    {
        var users = new RandomUserGenerator(Seed).Next(200);
        var filters = new RandomFilterGenerator(Seed).Next(600).Select(f => ScimFilterParser.Parse(f, ScimResourceType.User)).ToList();

        var matchCounts = filters.Select(f => users.Count(u => ScimFilterEvaluator.Matches(f, u))).ToList();

        matchCounts.Count(c => c > 0 && c < users.Count).Should().BeGreaterThan(filters.Count / 2, "selective filters exercise the comparison rules");
        matchCounts.Count(c => c == 0).Should().BeGreaterThan(filters.Count / 20);
    }

    [Fact]
    public void Negating_a_generated_filter_selects_exactly_the_other_users()
    {
        var users = new RandomUserGenerator(Seed).Next(100);
        foreach (var text in new RandomFilterGenerator(Seed + 2).Next(300))
        {
            var filter = ScimFilterParser.Parse(text, ScimResourceType.User);
            var negated = ScimFilterParser.Parse($"not ({text})", ScimResourceType.User);

            users.Where(u => ScimFilterEvaluator.Matches(negated, u)).Select(u => u.Id)
                .Should().Equal(users.Where(u => !ScimFilterEvaluator.Matches(filter, u)).Select(u => u.Id), text);
        }
    }

    [Fact]
    public void Generated_users_have_unique_user_names_regardless_of_case_and_vary_every_attribute()
    {
        var users = new RandomUserGenerator(Seed).Next(500);

        users.Select(u => u.Attributes["userName"]!.GetValue<string>().ToUpperInvariant()).Should().OnlyHaveUniqueItems();
        users.Select(u => u.Id).Should().OnlyHaveUniqueItems();
        foreach (var attribute in new[] { "externalId", "displayName", "title", "nickName", "active", "name", "phoneNumbers", "addresses",
                     "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" })
        {
            users.Should().Contain(u => u.Attributes.ContainsKey(attribute), attribute)
                .And.Contain(u => !u.Attributes.ContainsKey(attribute), attribute);
        }

        users.Should().Contain(u => u.Attributes["title"] is JsonValue && u.Attributes["title"]!.GetValue<string>() == "");
        users.Should().Contain(u => u.Attributes.ContainsKey("nickName") && u.Attributes["nickName"] == null);
        users.Should().Contain(u => u.Groups.Count > 0).And.Contain(u => u.Groups.Count == 0);
        users.Select(u => u.Created.Year).Distinct().Should().HaveCountGreaterThan(2);
        users.Should().OnlyContain(u => u.LastModified >= u.Created);
    }

    private static string Describe(ScimResourceRecord record) =>
        $"{record.Id}|{record.Version}|{record.Created:O}|{record.LastModified:O}|{record.Attributes.ToJsonString()}|{string.Join(",", record.Groups)}";
}
