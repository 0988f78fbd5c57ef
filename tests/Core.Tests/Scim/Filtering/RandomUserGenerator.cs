using System.Globalization;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using static AutoRfpHex.Core.Tests.Scim.Filtering.ScimTestVocabulary;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Seeded, repeatable SCIM Users for differential tests: every attribute type, absent / null / "" values, multi-valued
/// attributes with and without a primary, the enterprise extension, group references, and times spread over three years.
/// userNames are unique case-insensitively (a store can insert them all). The same seed gives the same users.
/// </summary>
public sealed class RandomUserGenerator(int seed)
{
    private readonly Random _random = new(seed);
    private int _count;

    public IReadOnlyList<ScimResourceRecord> Next(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToList();

    public ScimResourceRecord Next()
    {
        var n = _count++;
        var given = Pick(GivenNames);
        var family = Pick(FamilyNames);
        var attributes = new JsonObject { ["userName"] = MixCase($"user{n}.{Pick(NickNames)}@{Pick(Domains)}") };
        Maybe(0.7, () => attributes["externalId"] = Pick(ExternalIds));
        Maybe(0.8, () => attributes["displayName"] = $"{given} {family}");
        MaybeBlank(attributes, "nickName", 0.4, () => Pick(NickNames));
        MaybeBlank(attributes, "title", 0.5, () => Pick(Titles));
        Maybe(0.9, () => attributes["active"] = _random.NextDouble() < 0.75);
        Maybe(0.85, () => attributes["name"] = Name(given, family));
        attributes["emails"] = MultiValued(_random.Next(0, 4), i => Email(n, i, given));
        Maybe(0.5, () => attributes["phoneNumbers"] = MultiValued(_random.Next(0, 3), i => Phone(n, i)));
        Maybe(0.4, () => attributes["addresses"] = MultiValued(1, _ => Address()));
        Maybe(0.6, () => attributes[EnterpriseUrn] = Enterprise(n));

        var created = EarliestTime + TimeSpan.FromMilliseconds(_random.NextDouble() * TimeSpread.TotalMilliseconds);
        var modified = created + TimeSpan.FromMilliseconds(_random.NextDouble() * TimeSpan.FromDays(90).TotalMilliseconds);
        var groups = Groups.Where(_ => _random.NextDouble() < 0.3)
            .Select(g => new MemberReference(g.Id, ScimResourceType.Group, g.Display)).ToList();
        return new ScimResourceRecord($"u-{n:D5}-{_random.Next(0x1000000):x6}", ScimResourceType.User, _random.Next(1, 10), created, modified, attributes)
        {
            Groups = groups,
        };
    }

    private JsonObject Name(string given, string family)
    {
        var name = new JsonObject { ["givenName"] = given, ["familyName"] = family };
        Maybe(0.3, () => name["formatted"] = $"{given} {family}");
        Maybe(0.1, () => name["givenName"] = null);
        Maybe(0.1, () => name["familyName"] = string.Empty);
        return name;
    }

    private JsonObject Email(int n, int index, string given)
    {
        var local = MixCase(new string(given.Where(char.IsAsciiLetter).ToArray()) is { Length: > 0 } ascii ? ascii : "user");
        var email = new JsonObject { ["value"] = $"{local}{n}.{index}@{Pick(Domains)}" };
        Maybe(0.85, () => email["type"] = Pick(EmailTypes));
        Maybe(0.2, () => email["display"] = $"{given} ({index})");
        return email;
    }

    private JsonObject Phone(int n, int index) =>
        new() { ["value"] = string.Create(CultureInfo.InvariantCulture, $"+1 555 {n % 100:D2}{index}"), ["type"] = Pick(PhoneTypes) };

    private JsonObject Address()
    {
        var address = new JsonObject { ["locality"] = Pick(Localities), ["country"] = Pick(Countries), ["type"] = "work" };
        Maybe(0.5, () => address["postalCode"] = _random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture));
        return address;
    }

    private JsonObject Enterprise(int n)
    {
        var enterprise = new JsonObject { ["employeeNumber"] = (n * 7 % 1000).ToString(CultureInfo.InvariantCulture) };
        Maybe(0.7, () => enterprise["department"] = Pick(Departments));
        Maybe(0.5, () => enterprise["manager"] = new JsonObject { ["value"] = $"u-{_random.Next(0, 50):D5}", ["displayName"] = Pick(GivenNames) });
        return enterprise;
    }

    /// <summary>Elements with at most one primary: sometimes none, sometimes an explicit "primary": false.</summary>
    private JsonArray MultiValued(int count, Func<int, JsonObject> element)
    {
        var elements = Enumerable.Range(0, count).Select(element).ToList();
        if (elements.Count > 0 && _random.NextDouble() < 0.6)
        {
            elements[_random.Next(elements.Count)]["primary"] = true;
        }

        foreach (var other in elements.Where(e => e["primary"] is null && _random.NextDouble() < 0.2))
        {
            other["primary"] = false;
        }

        return new JsonArray(elements.Cast<JsonNode?>().ToArray());
    }

    // Absent, null, "" or a value: the three ways of having no value must all behave the same for pr.
    private void MaybeBlank(JsonObject target, string name, double probability, Func<string> value)
    {
        var roll = _random.NextDouble();
        if (roll < 0.1)
        {
            target[name] = null;
        }
        else if (roll < 0.2)
        {
            target[name] = string.Empty;
        }
        else if (roll < 0.2 + probability)
        {
            target[name] = value();
        }
    }

    private string MixCase(string text) =>
        _random.Next(3) switch
        {
            0 => text,
            1 => text.ToUpperInvariant(),
            _ => string.Concat(text.Select(c => _random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c))),
        };

    private void Maybe(double probability, Action action)
    {
        if (_random.NextDouble() < probability)
        {
            action();
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
