using System.Text.RegularExpressions;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// JSON paths into the stored document, written as SQL literals. Names come from the schema catalog, never from a request;
/// they are still checked, since they are the one thing placed in SQL text. The schema's expression indexes use the same
/// spelling (<c>'$.userName'</c>): an index serves a query only when the expressions match exactly.
/// </summary>
internal static partial class JsonPaths
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    [GeneratedRegex("^[A-Za-z0-9_$:.\\-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex QuotableName();

    /// <summary><c>$.attribute</c>, <c>$."urn:...".attribute</c>, with <c>.sub</c> when given.</summary>
    public static string Of(string? schemaUrn, string attribute, string? subAttribute = null) =>
        "$" + (schemaUrn is null ? string.Empty : Member(schemaUrn)) + Member(attribute) + (subAttribute is null ? string.Empty : Member(subAttribute));

    /// <summary>One step: <c>.name</c>, or <c>."name"</c> for names such as URNs or <c>$ref</c>.</summary>
    public static string Member(string name) =>
        PlainName().IsMatch(name) ? "." + name
        : QuotableName().IsMatch(name) ? ".\"" + name + "\""
        : throw new ArgumentException($"'{name}' is not an attribute name this store can address.", nameof(name));

    public static string Literal(string path) => "'" + path + "'";
}
