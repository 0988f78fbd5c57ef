using System.Globalization;
using static AutoRfpHex.Core.Tests.Scim.Filtering.ScimTestVocabulary;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// Seeded, repeatable filter strings over the User schema that <c>ScimFilterParser</c> accepts: every operator,
/// and/or/not/parentheses, value paths (also Entra's <c>emails[type eq "work"].value eq "x"</c>), core and enterprise
/// URNs, mixed-case names and keywords, JSON escapes and non-ASCII values, dateTimes in several offsets, null, and
/// legacy unquoted words. Values come from <see cref="ScimTestVocabulary"/> so filters hit <see cref="RandomUserGenerator"/> users.
/// </summary>
public sealed partial class RandomFilterGenerator(int seed, int maxDepth = 3)
{
    private enum Kind
    {
        Text,
        Boolean,
        DateTime,
    }

    private sealed record Leaf(string Name, Kind Kind, Func<string> Value);

    private sealed record Complex(string Name, string? Urn, Leaf[] Subs);

    private readonly Random _random = new(seed);

    private Leaf[] Simple => field ??=
    [
        new("userName", Kind.Text, () => $"user{_random.Next(300)}.{Pick(NickNames)}@{Pick(Domains)}"),
        new("displayName", Kind.Text, () => $"{Pick(GivenNames)} {Pick(FamilyNames)}"),
        new("nickName", Kind.Text, () => Pick(NickNames)),
        new("title", Kind.Text, () => Pick(Titles)),
        new("externalId", Kind.Text, () => Pick(ExternalIds)),
        new("id", Kind.Text, () => $"u-{_random.Next(300):D5}"),
        new("active", Kind.Boolean, () => Bool()),
        new("name.givenName", Kind.Text, () => Pick(GivenNames)),
        new("name.familyName", Kind.Text, () => Pick(FamilyNames)),
        new("name.formatted", Kind.Text, () => $"{Pick(GivenNames)} {Pick(FamilyNames)}"),
        new("emails", Kind.Text, () => Email()),
        new("emails.value", Kind.Text, () => Email()),
        new("emails.type", Kind.Text, () => Pick(EmailTypes)),
        new("emails.primary", Kind.Boolean, () => Bool()),
        new("phoneNumbers.value", Kind.Text, () => $"+1 555 {_random.Next(100):D2}{_random.Next(3)}"),
        new("addresses.locality", Kind.Text, () => Pick(Localities)),
        new("meta.created", Kind.DateTime, () => Time()),
        new("meta.lastModified", Kind.DateTime, () => Time()),
        new("meta.resourceType", Kind.Text, () => Pick(["User", "user", "Group"])),
        new("meta.version", Kind.Text, () => $"W/\"{_random.Next(1, 10)}\""),
        new("groups", Kind.Text, () => Pick(Groups).Id),
        new("groups.value", Kind.Text, () => Pick(Groups).Id),
        new("groups.display", Kind.Text, () => Pick(Groups).Display),
        new($"{EnterpriseUrn}:employeeNumber", Kind.Text, () => _random.Next(1000).ToString(CultureInfo.InvariantCulture)),
        new($"{EnterpriseUrn}:department", Kind.Text, () => Pick(Departments)),
        new($"{EnterpriseUrn}:manager.value", Kind.Text, () => $"u-{_random.Next(50):D5}"),
        new($"{EnterpriseUrn}:manager.displayName", Kind.Text, () => Pick(GivenNames)),
    ];

    private Complex[] Multi => field ??=
    [
        new("emails", null, [new("value", Kind.Text, Email), new("type", Kind.Text, () => Pick(EmailTypes)), new("primary", Kind.Boolean, Bool), new("display", Kind.Text, () => Pick(GivenNames))]),
        new("phoneNumbers", null, [new("value", Kind.Text, () => $"+1 555 {_random.Next(100):D2}"), new("type", Kind.Text, () => Pick(PhoneTypes)), new("primary", Kind.Boolean, Bool)]),
        new("addresses", null, [new("locality", Kind.Text, () => Pick(Localities)), new("country", Kind.Text, () => Pick(Countries)), new("postalCode", Kind.Text, () => _random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture))]),
        new("groups", null, [new("value", Kind.Text, () => Pick(Groups).Id), new("display", Kind.Text, () => Pick(Groups).Display)]),
        new("manager", EnterpriseUrn, [new("value", Kind.Text, () => $"u-{_random.Next(50):D5}"), new("displayName", Kind.Text, () => Pick(GivenNames))]),
    ];

    public IReadOnlyList<string> Next(int count) => Enumerable.Range(0, count).Select(_ => Next()).ToList();

    public string Next() => Expression(0, null);

    private string Expression(int depth, Complex? outer)
    {
        if (depth >= maxDepth || _random.NextDouble() < 0.4)
        {
            return outer is null ? Atom() : Comparison(Pick(outer.Subs), outer);
        }

        return _random.Next(10) switch
        {
            < 4 => $"{Expression(depth + 1, outer)}{Space()}{Keyword("and")}{Space()}{Expression(depth + 1, outer)}",
            < 7 => $"{Expression(depth + 1, outer)}{Space()}{Keyword("or")}{Space()}{Expression(depth + 1, outer)}",
            < 9 => $"{Keyword("not")}{(_random.Next(4) == 0 ? "" : " ")}({Expression(depth + 1, outer)})",
            _ => $"({Expression(depth + 1, outer)})",
        };
    }

    private string Atom()
    {
        var roll = _random.NextDouble();
        if (roll < 0.8)
        {
            return Comparison(Pick(Simple), null);
        }

        var outer = Pick(Multi);
        var inner = Expression(Math.Max(maxDepth - 2, 0), outer);
        var sub = Pick(outer.Subs);
        return roll < 0.92
            ? $"{Path(outer.Name, outer.Urn)}[{inner}]"
            : $"{Path(outer.Name, outer.Urn)}[{inner}].{MixCase(sub.Name)} {ComparisonTail(sub)}";
    }

    private string Comparison(Leaf leaf, Complex? outer) =>
        $"{(outer is null ? Path(leaf.Name, null) : MixCase(leaf.Name))}{Space()}{ComparisonTail(leaf)}";

    private string ComparisonTail(Leaf leaf)
    {
        var roll = _random.NextDouble();
        if (roll < 0.06)
        {
            return Keyword("pr");
        }

        if (roll < 0.1)
        {
            return $"{Keyword(Pick(["eq", "ne"]))} {Pick(["null", "NULL", "Null"])}";
        }

        return leaf.Kind switch
        {
            Kind.Boolean => $"{Keyword(Pick(["eq", "ne"]))} {leaf.Value()}",
            Kind.DateTime => $"{Keyword(Pick(["eq", "ne", "gt", "ge", "lt", "le", "gt", "lt"]))} \"{leaf.Value()}\"",
            _ => TextComparison(leaf),
        };
    }

    private string TextComparison(Leaf leaf)
    {
        var op = Pick(["eq", "eq", "eq", "ne", "co", "co", "sw", "sw", "ew", "gt", "ge", "lt", "le"]);
        var full = _random.Next(8) == 0 ? MixCase(leaf.Value()) : leaf.Value();
        var value = op switch
        {
            "co" => Slice(full, _random.Next(full.Length), null),
            "sw" => Slice(full, 0, null),
            "ew" => Slice(full, null, full.Length),
            _ => full,
        };
        return $"{Keyword(op)} {Literal(value)}";
    }

    private string Path(string name, string? urn)
    {
        if (name.StartsWith("urn:", StringComparison.Ordinal))
        {
            var split = name.LastIndexOf(':');
            return MixUrn(name[..split]) + ":" + MixCase(name[(split + 1)..]);
        }

        var prefix = urn is not null ? MixUrn(urn) + ":" : _random.Next(8) == 0 ? MixUrn(CoreUserUrn) + ":" : "";
        return prefix + MixCase(name);
    }
}
