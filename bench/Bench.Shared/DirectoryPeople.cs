using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Bench.Shared;

/// <summary>One generated person: the values the benchmark's queries look up.</summary>
public sealed record DirectoryPerson(string UserName, string WorkEmail, string FamilyName);

/// <summary>
/// A repeatable workforce directory. Family names follow a long-tailed distribution (a few very common names, then many
/// rare ones, as in real directories), so <c>name.familyName sw</c> on a name's first letters matches a small,
/// realistic fraction. Everyone has a work e-mail; half a home e-mail too; most carry the enterprise extension.
/// </summary>
public sealed class DirectoryPeople(int seed)
{
    private static readonly string[] GivenNames =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara",
        "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Karen", "Daniel", "Lisa", "Matthew", "Nancy",
        "Anthony", "Sandra", "Mark", "Ashley", "Wei", "Mei", "Hiroshi", "Yuki", "Priya", "Arjun", "Fatima", "Omar", "Olga",
        "Ivan", "Sofía", "Mateo", "Élodie", "Lucas", "Chloé", "Jörg", "Ingrid", "Lars", "Aoife", "Seán", "Zoë", "Noah", "Emma",
        "Liam", "Olivia", "Ava", "Ethan", "Mia", "Amara", "Kwame", "Nia", "Tariq",
    ];

    // The head of the distribution, most common first: a fifth of the people, the first name about 0.8% of everyone.
    private static readonly string[] CommonFamilyNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
        "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
        "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
        "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
        "Mitchell", "Carter", "Roberts", "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Lefèvre", "Rossi",
        "Russo", "Kowalski", "Nowak", "Ivanova", "Petrov", "Wang", "Li", "Zhang", "Liu", "Chen", "Sato", "Suzuki", "Takahashi",
        "Kim", "Park", "Singh", "Kumar", "Patel", "Sharma", "Haddad", "Khan", "Okafor", "Mensah", "O'Brien", "Ó Súilleabháin",
        "Øster", "Ångström", "Šimek",
    ];

    // The tail: 4,608 names made of syllables, each one rare.
    private static readonly string[] Onsets = ["Ab", "Bar", "Bel", "Cal", "Cor", "Dal", "Der", "El", "Fal", "Gar", "Hal", "Kar", "Lin", "Mar", "Mor", "Nor", "Ol", "Pal", "Ren", "Sal", "Tor", "Val", "Wes", "Zan"];
    private static readonly string[] Middles = ["a", "e", "i", "o", "u", "en", "an", "er", "in", "ar", "ov", "ic"];
    private static readonly string[] Endings = ["berg", "by", "dale", "field", "ford", "ham", "ley", "man", "ner", "son", "ski", "stein", "ton", "vich", "well", "wood"];
    private static readonly string[] Titles = ["Engineer", "Senior Engineer", "Account Executive", "Analyst", "Designer", "Manager", "Director", "Recruiter", "Support Specialist", "Sales Engineer"];
    private static readonly string[] Departments = ["Engineering", "Sales", "Marketing", "Finance", "People", "Support", "Legal", "Operations", "Product", "R&D"];
    private static readonly Dictionary<char, char> AccentFree = new()
    {
        ['á'] = 'a', ['Å'] = 'A', ['å'] = 'a', ['é'] = 'e', ['É'] = 'E', ['è'] = 'e', ['ë'] = 'e', ['í'] = 'i', ['Ó'] = 'O',
        ['ó'] = 'o', ['ö'] = 'o', ['Ø'] = 'O', ['ú'] = 'u', ['ü'] = 'u', ['Š'] = 'S', ['š'] = 's',
    };

    private static readonly double[] CommonWeights = [.. CommonFamilyNames.Select((_, rank) => 1.0 / (rank + 10))];

    private readonly Random random = new(seed);

    /// <summary>Person number <paramref name="index"/> (numbers keep userNames and e-mails unique), with the SCIM body an identity provider would send.</summary>
    public (DirectoryPerson Person, JsonObject Body) Next(int index)
    {
        var given = Pick(GivenNames);
        var family = random.NextDouble() < 0.2 ? Weighted(CommonFamilyNames, CommonWeights) : Pick(Onsets) + Pick(Middles) + Pick(Endings);
        var handle = $"{Ascii(given)}.{Ascii(family)}{index}".ToLowerInvariant();
        var workEmail = $"{handle}@acme.example";
        var emails = new JsonArray(new JsonObject { ["value"] = workEmail, ["type"] = "work", ["primary"] = true });
        if (random.Next(2) == 0)
        {
            emails.Add(new JsonObject { ["value"] = $"{Ascii(given).ToLowerInvariant()}{index}@mail.example", ["type"] = "home" });
        }

        var body = new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemaUris.User),
            ["userName"] = workEmail,
            ["externalId"] = NextGuid().ToString(), // an Entra object id
            ["name"] = new JsonObject { ["givenName"] = given, ["familyName"] = family, ["formatted"] = $"{given} {family}" },
            ["displayName"] = $"{given} {family}",
            ["title"] = Pick(Titles),
            ["active"] = random.Next(20) != 0,
            ["emails"] = emails,
        };
        if (random.Next(10) < 7)
        {
            body["schemas"]!.AsArray().Add(ScimSchemaUris.EnterpriseUser);
            body[ScimSchemaUris.EnterpriseUser] = new JsonObject
            {
                ["employeeNumber"] = (100_000 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["department"] = Pick(Departments),
                ["organization"] = "Acme",
            };
        }

        return (new DirectoryPerson(workEmail, workEmail, family), body);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string Weighted(IReadOnlyList<string> items, IReadOnlyList<double> weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            target -= weights[i];
            if (target <= 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    /// <summary>Letters for an e-mail local part: accents dropped (the names above use only these), other characters removed.</summary>
    private static string Ascii(string name) =>
        new([.. name.Select(c => AccentFree.GetValueOrDefault(c, c)).Where(char.IsAsciiLetter)]);
}
