using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Scim;

/// <summary>
/// Differential test: a store's translation against the Core reference (ScimFilterParser -> ScimFilterEvaluator, and
/// ScimSortComparer) on generated users and groups and generated filter text, read by index and, for one in six
/// queries, walked page by page with keyset seeks (forward or backward) as cursor paging does. Repeatable from a seed: set
/// FILTER_DIFF_SEED (one seed) and FILTER_DIFF_FILTERS (filters per seed) to widen or replay a run; a mismatch names both.
/// </summary>
public abstract class FilterDifferentialContract : PersistenceContract
{
    private const string Enterprise = ScimRecords.EnterpriseUrn;
    private static readonly Tenant Tenant = Tenants.AProduction;
    private static readonly JsonSerializerOptions Literal = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    public static TheoryData<int> Seeds =>
        int.TryParse(Environment.GetEnvironmentVariable("FILTER_DIFF_SEED"), out var seed) ? [seed] : [1, 2, 3];

    private static int FiltersPerSeed => int.TryParse(Environment.GetEnvironmentVariable("FILTER_DIFF_FILTERS"), out var n) ? n : 1500;

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task The_store_returns_exactly_what_the_evaluator_matches_in_the_comparers_order_by_index_and_by_seek(int seed)
    {
        var random = new Random(seed);
        var store = Store;
        await SeedAsync(random, store);
        var mismatches = new List<string>();
        var parsed = 0;
        foreach (var type in new[] { ScimResourceType.User, ScimResourceType.Group })
        {
            var all = (await QueryAsync(store, type, null, null, 1, 10_000)).Resources;
            var vocabulary = Vocabulary(all);
            var total = type == ScimResourceType.User ? FiltersPerSeed : FiltersPerSeed / 3;
            for (var i = 0; i < total; i++)
            {
                var text = new FilterText(random, type, vocabulary, all).Expression(depth: 0);
                FilterNode filter;
                try
                {
                    filter = ScimFilterParser.Parse(text, type);
                }
                catch (ScimException)
                {
                    continue; // the generator may write filters the parser rightly refuses
                }

                parsed++;
                var sort = random.Next(3) == 0 ? null : RandomSort(random, type);
                var expected = all.Where(r => ScimFilterEvaluator.Matches(filter, r)).ToList();
                if (sort is not null)
                {
                    expected.Sort(ScimSortComparer.For(sort));
                }

                var (start, count) = (random.Next(4) == 0 ? random.Next(1, 8) : 1, random.Next(4) == 0 ? random.Next(0, 6) : 10_000);
                var page = await QueryAsync(store, type, filter, sort, start, count);
                var expectedIds = expected.Skip(start - 1).Take(count).Select(r => r.Id).ToList();
                var actualIds = page.Resources.Select(r => r.Id).ToList();
                var sameOrder = sort is null ? actualIds.Order().SequenceEqual(expectedIds.Order()) : actualIds.SequenceEqual(expectedIds);
                if (!sameOrder || page.TotalResults != expected.Count)
                {
                    mismatches.Add($"seed {seed}, {type} filter `{text}`, sort {sort?.Path}{(sort?.Descending == true ? " desc" : "")}, " +
                        $"start {start} count {count}: total {page.TotalResults} vs {expected.Count}; store [{string.Join(", ", actualIds)}] vs evaluator [{string.Join(", ", expectedIds)}]");
                }

                if (random.Next(6) == 0)
                {
                    var (pageSize, backward) = (random.Next(1, 10), random.Next(2) == 0);
                    var inOrder = (sort is null ? expected.OrderBy(r => r.Created).ThenBy(r => r.Id, StringComparer.Ordinal) : expected.AsEnumerable()).Select(r => r.Id).ToList();
                    var walked = await WalkAsync(store, type, filter, sort, pageSize, backward);
                    if (walked is null || !walked.SequenceEqual(inOrder))
                    {
                        mismatches.Add($"seed {seed}, {type} filter `{text}`, sort {sort?.Path}{(sort?.Descending == true ? " desc" : "")}, " +
                            $"{(backward ? "backward" : "forward")} walk by {pageSize}: store [{string.Join(", ", walked ?? ["bounds wrong"])}] vs evaluator [{string.Join(", ", inOrder)}]");
                    }
                }
            }
        }

        mismatches.Should().BeEmpty();
        parsed.Should().BeGreaterThan(FiltersPerSeed / 2, "most generated filters must be valid, or the test compares little");
    }

    /// <summary>
    /// Every id of the query, seeking page by page from one end (the store's keyset paging, as cursors drive it); null
    /// when a page's bounds are wrong: something precedes every page but the first walked, nothing precedes that one.
    /// </summary>
    private static async Task<List<string>?> WalkAsync(PersistencePorts store, ScimResourceType type, FilterNode filter, SortSpecification? sort, int count, bool backward)
    {
        var direction = backward ? ScimSeekDirection.Backward : ScimSeekDirection.Forward;
        var ids = new List<string>();
        ScimSortPosition? from = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await store.Resources.QueryAsync(Tenant, type, new ScimQuery(filter, sort, 1, count, ResourceLoadOptions.DocumentOnly, new ScimSeek(direction, from)), CancellationToken.None);
            var bounds = page.Bounds!;
            if ((backward ? bounds.MoreAfter : bounds.MoreBefore) != (pages > 0))
            {
                return null;
            }

            ids = backward ? [.. page.Resources.Select(r => r.Id), .. ids] : [.. ids, .. page.Resources.Select(r => r.Id)];
            if (!(backward ? bounds.MoreBefore : bounds.MoreAfter))
            {
                return ids;
            }

            from = backward ? bounds.First : bounds.Last;
        }

        throw new InvalidOperationException("A walk of at most 60 resources did not end.");
    }

    private static Task<ScimQueryPage> QueryAsync(PersistencePorts store, ScimResourceType type, FilterNode? filter, SortSpecification? sort, int start, int count) =>
        store.Resources.QueryAsync(Tenant, type, new ScimQuery(filter, sort, start, count, ResourceLoadOptions.Full), CancellationToken.None);

    // Only what a client can ask for: sortBy on members/groups is refused by the parser (400), so no store has to order by it.
    private static SortSpecification RandomSort(Random random, ScimResourceType type)
    {
        string[] paths = type == ScimResourceType.User
            ? ["userName", "displayName", "title", "externalId", "name.familyName", "emails", "emails.value", "emails.type", "phoneNumbers.value",
               "active", "meta.created", "meta.lastModified", "id", $"{Enterprise}:employeeNumber", $"{Enterprise}:manager.value"]
            : ["displayName", "externalId", "meta.created", "meta.lastModified", "id"];
        return new SortSpecification(Filters.Path(paths[random.Next(paths.Length)]), random.Next(2) == 0);
    }

    private async Task SeedAsync(Random random, PersistencePorts store)
    {
        var records = new ScimRecords(store, Time);
        string[] names = ["ann", "Ann", "bob", "élodie", "Élodie", "zoë", "ǆemal", "straße", "O'Brien", "a\"b\\c", "東京", "😀x", "dave"];
        string[] families = ["Liddell", "liddell", "Ärger", "o'neil", "Smith", "SMITH", ""];
        string[] titles = ["Engineer", "engineer", "ENGINEER", "Manager", "", "Ärzte", "VP 😀", "$5 plan", "$$ROOT"]; // "$…": no field path
        var users = new List<ScimResourceRecord>();
        for (var i = 0; i < 60; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(random.Next(0, 3)) + TimeSpan.FromTicks(random.Next(0, 2)));
            var name = $"{Pick(random, names)}{i}";
            var doc = new JsonObject();
            Maybe(random, doc, "displayName", () => $"{Pick(random, names)} {Pick(random, families)}");
            Maybe(random, doc, "title", () => random.Next(8) == 0 ? JsonValue.Create(7) : JsonValue.Create(Pick(random, titles)));
            Maybe(random, doc, "externalId", () => Pick(random, new[] { "ext-1", "EXT-1", "ext-2", $"ext-{i}" }));
            Maybe(random, doc, "active", () => Pick(random, new JsonNode[] { true, false, "true" }).DeepClone());
            Maybe(random, doc, "name", () => new JsonObject { ["familyName"] = Pick(random, families), ["givenName"] = Pick(random, names) });
            Maybe(random, doc, "emails", () => new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode?)Element(random,
                Pick(random, new[] { $"{name}@work.example", "Shared@Example.com", "shared@example.com", "ÄÖ@x.example" }),
                Pick(random, new[] { "work", "home", "Work", "other" }))).ToArray()));
            Maybe(random, doc, "phoneNumbers", () => new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => (JsonNode?)Element(random,
                Pick(random, new[] { "+1 555 0100", "555-0100" }), Pick(random, new[] { "work", "mobile" }))).ToArray()));
            Maybe(random, doc, Enterprise, () => new JsonObject
            {
                ["employeeNumber"] = random.Next(6) == 0 ? JsonValue.Create(100) : JsonValue.Create(Pick(random, new[] { "100", "0100", "42" })),
                ["department"] = Pick(random, new[] { "R&D", "r&d", "Sales" }),
                ["manager"] = new JsonObject { ["value"] = users.Count > 0 && random.Next(2) == 0 ? Pick(random, users).Id : "nobody" },
            });
            users.Add(await records.CreateAsync(Tenant, records.User(name, doc)));
        }

        var groups = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(random.Next(0, 2)));
            var members = users.Where(_ => random.Next(6) == 0).Select(u => u.Id).Concat(groups.Where(_ => random.Next(3) == 0)).ToArray();
            var group = records.Group($"{Pick(random, new[] { "Admins", "Sales", "Ünits", "ops", "Everyone" })} {i}");
            Maybe(random, group.Attributes, "externalId", () => Pick(random, new[] { "g-1", "G-1", $"g-{i}" }));
            groups.Add((await records.CreateAsync(Tenant, group, members)).Id);
        }
    }

    private static JsonObject Element(Random random, string value, string type)
    {
        var element = new JsonObject { ["value"] = value, ["type"] = type };
        Maybe(random, element, "primary", () => Pick(random, new JsonNode[] { true, false, "true" }).DeepClone());
        return element;
    }

    private static void Maybe(Random random, JsonObject target, string key, Func<JsonNode?> value)
    {
        if (random.Next(5) != 0)
        {
            target[key] = value();
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>Every string the records hold, so generated comparisons often match something.</summary>
    private static List<string> Vocabulary(IReadOnlyList<ScimResourceRecord> records) =>
        records.SelectMany(r => Strings(r.Attributes).Append(r.Id).Concat(r.Members.Select(m => m.Display ?? m.Value)))
            .Append("").Distinct().ToList();

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(p => Strings(p.Value)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>Random filter text over the type's attributes: comparisons, pr, null, and/or/not, parentheses, value paths.</summary>
    private sealed class FilterText(Random random, ScimResourceType type, List<string> vocabulary, IReadOnlyList<ScimResourceRecord> records)
    {
        private static readonly string[] UserStrings =
            ["userName", "displayName", "title", "externalId", "nickName", "name.familyName", "name.givenName", "emails.value", "emails.type",
             "emails", "phoneNumbers.value", "id", "groups.value", "groups.display", "meta.resourceType", "meta.version",
             $"{Enterprise}:employeeNumber", $"{Enterprise}:department", $"{Enterprise}:manager.value"];

        private static readonly string[] GroupStrings = ["displayName", "externalId", "members.value", "members.display", "members.type", "id", "members"];

        private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"];

        public string Expression(int depth) => (depth < 3 ? random.Next(9) : 0) switch
        {
            1 or 2 => $"{Expression(depth + 1)} and {Expression(depth + 1)}",
            3 or 4 => $"{Expression(depth + 1)} or {Expression(depth + 1)}",
            5 => $"not ({Expression(depth + 1)})",
            6 => $"({Expression(depth + 1)})",
            7 => ValuePath(),
            _ => Comparison(),
        };

        private string Comparison() => random.Next(10) switch
        {
            0 => $"{Any()} pr",
            1 => $"{Any()} {(random.Next(2) == 0 ? "eq" : "ne")} null",
            2 => $"{(type == ScimResourceType.User ? Pick(random, new[] { "active", "emails.primary" }) : "displayName")} {Pick(random, new[] { "eq", "ne" })} {Pick(random, new[] { "true", "false" })}",
            3 => $"meta.{Pick(random, new[] { "created", "lastModified" })} {Pick(random, new[] { "eq", "ne", "gt", "ge", "lt", "le" })} {Instant()}",
            _ => $"{Pick(random, type == ScimResourceType.User ? UserStrings : GroupStrings)} {Pick(random, Operators)} {StringValue()}",
        };

        private string ValuePath()
        {
            var (attribute, subs) = type == ScimResourceType.User
                ? Pick(random, new (string, string[])[] { ("emails", ["value", "type", "primary"]), ("phoneNumbers", ["value", "type"]), ("name", ["familyName", "givenName"]), ("groups", ["value", "display"]), ($"{Enterprise}:manager", ["value"]) })
                : ("members", new[] { "value", "display", "type" });
            string Inner() => Pick(random, subs) is var sub && sub == "primary" ? $"primary eq {Pick(random, new[] { "true", "false" })}"
                : random.Next(5) == 0 ? $"{sub} pr" : $"{sub} {Pick(random, Operators)} {StringValue()}";
            var inner = random.Next(3) switch { 0 => $"{Inner()} and {Inner()}", 1 => $"not ({Inner()})", _ => Inner() };
            var last = subs[0];
            return random.Next(4) == 0 && last != "familyName" ? $"{attribute}[{inner}].{last} {Pick(random, Operators)} {StringValue()}" : $"{attribute}[{inner}]";
        }

        private string Any() => Pick(random, type == ScimResourceType.User ? [.. UserStrings, "active", "name", "emails", $"{Enterprise}:manager"] : GroupStrings);

        private string StringValue()
        {
            var text = Pick(random, vocabulary);
            text = random.Next(4) switch
            {
                0 => text.ToUpperInvariant(),
                1 => text.ToLowerInvariant(),
                2 when text.Length > 1 => text.Substring(random.Next(text.Length / 2), Math.Max(1, text.Length / 2)),
                _ => text,
            };
            return JsonSerializer.Serialize(text, Literal);
        }

        private string Instant()
        {
            var record = Pick(random, records);
            var instant = (random.Next(2) == 0 ? record.Created : record.LastModified).AddTicks(random.Next(-1, 2));
            return $"\"{instant.ToOffset(TimeSpan.FromHours(random.Next(-2, 3))):yyyy-MM-ddTHH:mm:ss.fffffffzzz}\"";
        }
    }
}
