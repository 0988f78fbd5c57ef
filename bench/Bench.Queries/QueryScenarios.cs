using System.Text.Json;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Bench.Queries;

/// <summary>
/// A filtered list request as an identity provider sends it, and the same query as the store receives it (for the plan).
/// </summary>
/// <param name="Count">The <c>count</c> parameter; null sends none (the service's default page size).</param>
/// <param name="FindsThePerson">True when the filter names one person, who must be the one result.</param>
public sealed record FilterScenario(string Name, Func<DirectoryPerson, string> Filter, int? Count, bool FindsThePerson)
{
    public string Url(DirectoryPerson person) =>
        $"scim/v2/Users?filter={Uri.EscapeDataString(Filter(person))}{(Count is { } count ? $"&count={count}" : string.Empty)}";

    public ScimQuery StoreQuery(DirectoryPerson person) =>
        new(ScimFilterParser.Parse(Filter(person), ScimResourceType.User), null, 1, Count ?? ScimServiceLimits.Default.DefaultPageSize, ResourceLoadOptions.DocumentOnly);
}

/// <summary>The queries the benchmark measures (the list).</summary>
public static class QueryScenarios
{
    public const int ListingPageSize = 1000;
    public const string FamilyNamePrefix = "name.familyName sw (count=100)";
    public const string ListingPage = "listing page, sortBy=userName, count=1000 (every page of a walk)";
    public const string ListingFirstPage = "listing first page (startIndex=1)";
    public const string ListingLastPage = "listing last page (deepest startIndex)";
    public const string ListingCursorPage = "listing page by cursor, sortBy=userName, count=1000 (every page of a walk)";

    public static readonly IReadOnlyList<FilterScenario> Filters =
    [
        new("userName eq", p => $"userName eq {Quote(p.UserName)}", null, FindsThePerson: true),
        new("emails[type eq \"work\"].value eq", p => $"emails[type eq \"work\"].value eq {Quote(p.WorkEmail)}", null, FindsThePerson: true),
        new(FamilyNamePrefix, p => $"name.familyName sw {Quote(Prefix(p.FamilyName))}", 100, FindsThePerson: false),
    ];

    /// <summary>One page of the full listing in userName order.</summary>
    public static string ListingUrl(int startIndex) => $"scim/v2/Users?sortBy=userName&count={ListingPageSize}&startIndex={startIndex}";

    /// <summary>One page of the same listing paged by cursor (RFC 9865); an empty cursor asks for the first page.</summary>
    public static string ListingCursorUrl(string cursor) => $"scim/v2/Users?sortBy=userName&count={ListingPageSize}&cursor={Uri.EscapeDataString(cursor)}";

    public static ScimQuery ListingStoreQuery(int startIndex) =>
        new(null, new SortSpecification(new AttributePath(null, "userName"), Descending: false), startIndex, ListingPageSize, ResourceLoadOptions.DocumentOnly);

    /// <summary>The startIndex of the last page of <paramref name="total"/> results.</summary>
    public static int LastPageStart(int total) => (Math.Max(total, 1) - 1) / ListingPageSize * ListingPageSize + 1;

    /// <summary>What a person search box sends after three letters.</summary>
    private static string Prefix(string familyName) => familyName[..Math.Min(3, familyName.Length)];

    private static string Quote(string value) => JsonSerializer.Serialize(value);
}
