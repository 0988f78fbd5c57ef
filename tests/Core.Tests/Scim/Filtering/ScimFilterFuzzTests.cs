using System.Text;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Seeded fuzzing: mutations of valid filters and random strings may be accepted or refused, but a refusal is always
/// ScimException 400 invalidFilter, and an accepted filter always evaluates without throwing.
/// </summary>
public sealed class ScimFilterFuzzTests
{
    private const int Seed = 7644;
    private const int Inputs = 20_000;

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "\"", "\\", ".", ":", " ", "  ", "\t", "a", "Z", "0", "9", "-", "e", "E", "+", "$", "u", "\\u", "\\uD83D",
        "\\uDE00", "\\\"", "é", "東", "😀", "\uD800", "\uDC00", "\u0000", "\u00A0", " and ", " OR ", "not ", " pr", " eq ", " gt ", "[type eq \"work\"]",
        "].value", "urn:", "urn:ietf:params:scim:schemas:core:2.0:User:", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:",
        "emails", "members", "meta.created", "true", "null", "1e999", "-0.5", "\"2026-01-01T00:00:00Z\"", "9999-12-31T23:59:59-01:00",
    ];

    [Fact]
    public void Mutated_and_random_filters_only_ever_raise_invalidFilter()
    {
        var random = new Random(Seed);
        var seeds = new RandomFilterGenerator(Seed).Next(500).Concat(ScimFilterParserMalformedTests.MalformedFilters.Select(row => (string)row[0])).ToList();
        var users = new RandomUserGenerator(Seed).Next(5);
        var group = TestRecords.Group("""{ "displayName": "G", "members": [ { "value": "u1", "type": "User" } ] }""");
        var (accepted, refused) = (0, 0);
        var failures = new List<string>();

        for (var i = 0; i < Inputs; i++)
        {
            var input = i % 10 == 0 ? RandomText(random) : Mutate(random, seeds[random.Next(seeds.Count)]);
            foreach (var type in new[] { ScimResourceType.User, ScimResourceType.Group })
            {
                try
                {
                    var filter = ScimFilterParser.Parse(input, type);
                    foreach (var record in type == ScimResourceType.User ? users : [group])
                    {
                        ScimFilterEvaluator.Matches(filter, record);
                    }

                    accepted++;
                }
                catch (ScimException e) when (e.Status == 400 && e.ScimType == ScimErrorTypes.InvalidFilter && !string.IsNullOrWhiteSpace(e.Detail))
                {
                    refused++;
                }
                catch (Exception e)
                {
                    failures.Add($"{type} {Escape(input)} -> {e.GetType().Name}: {e.Message}");
                }
            }
        }

        failures.Should().BeEmpty();
        accepted.Should().BeGreaterThan(Inputs / 40, "mutations keep many filters valid, so the evaluator is fuzzed too");
        refused.Should().BeGreaterThan(Inputs / 2);
    }

    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = random.Next(builder.Length + 1);
            switch (random.Next(6))
            {
                case 0 when builder.Length > 0:
                    builder.Remove(Math.Min(at, builder.Length - 1), 1);
                    break;
                case 1:
                    builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when builder.Length > 0:
                    builder[Math.Min(at, builder.Length - 1)] = Fragments[random.Next(Fragments.Length)][0];
                    break;
                case 3:
                    builder.Length = at;
                    break;
                case 4 when builder.Length > 0:
                    var start = random.Next(builder.Length);
                    builder.Insert(at, builder.ToString(start, random.Next(builder.Length - start + 1)));
                    break;
                default:
                    var words = builder.ToString().Split(' ');
                    (words[random.Next(words.Length)], words[random.Next(words.Length)]) = (words[random.Next(words.Length)], words[random.Next(words.Length)]);
                    builder.Clear().Append(string.Join(' ', words));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        for (var n = random.Next(0, 30); n > 0; n--)
        {
            builder.Append(random.Next(3) == 0 ? (char)random.Next(0, 0x10000) : Fragments[random.Next(Fragments.Length)]);
        }

        return builder.ToString();
    }

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
