namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>
/// The values <see cref="RandomUserGenerator"/> draws users from and <see cref="RandomFilterGenerator"/> draws filter
/// values from, so generated filters hit generated data often. Mixed case, non-ASCII, quotes and backslashes on purpose.
/// </summary>
public static class ScimTestVocabulary
{
    public const string EnterpriseUrn = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public const string CoreUserUrn = "urn:ietf:params:scim:schemas:core:2.0:User";

    public static readonly string[] GivenNames =
        ["Alice", "bob", "Zoë", "Renée", "Ōtani", "東京", "Ærøskøbing", "O'Brien", "ALICE", "Émile", "Straße", "İlker", "Dom\\User", "Quote \"Q\"", "😀 Smile"];

    public static readonly string[] FamilyNames = ["Smith", "smith", "Müller", "Nguyễn", "佐藤", "García", "SMITH", "Øster", "d'Arc", "Łukasz", "Team \"Blue\""];

    public static readonly string[] Domains = ["example.com", "Example.ORG", "mail.example.net", "例え.jp", "corp.example.com"];

    public static readonly string[] Titles = ["Engineer", "engineer", "Senior Engineer", "VP, Sales", "Ops: R&D", "Director", "Ingénieur", "Ⅻ Chief"];

    public static readonly string[] NickNames = ["Al", "bobby", "Z", "zz", "Ren", "東", "😀"];

    public static readonly string[] ExternalIds = ["EXT-1", "ext-1", "Ext-2", "ext-3", "00123", "a\\b", "id with space", "ÉXT-4"];

    public static readonly string[] EmailTypes = ["work", "home", "other", "Work"];

    public static readonly string[] PhoneTypes = ["work", "mobile", "home"];

    public static readonly string[] Localities = ["Paris", "paris", "東京", "São Paulo", "New York"];

    public static readonly string[] Countries = ["US", "us", "FR", "JP", "BR"];

    public static readonly string[] Departments = ["R&D", "r&d", "Sales", "Ops: R&D", "Développement", "研究"];

    public static readonly (string Id, string Display)[] Groups =
        [("g-eng", "Engineering"), ("g-ops", "Ops"), ("G-ENG", "engineering (old)"), ("g-東京", "東京 Office"), ("g-q", "Team \"Blue\" \\ Ops: R&D")];

    /// <summary>Times users are created in, and filters compare against: 2024 to 2026.</summary>
    public static readonly DateTimeOffset EarliestTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan TimeSpread = TimeSpan.FromDays(3 * 365);
}
