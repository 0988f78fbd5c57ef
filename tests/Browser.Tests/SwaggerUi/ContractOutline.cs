using System.Text.RegularExpressions;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>
/// The title and operations of a contract as the service serves it, read from the YAML text so the test compares
/// the browser with the real documents rather than with a list of its own. The contracts keep the usual layout
/// (two-space indents, one <c>paths</c> entry per line), which is all this relies on.
/// </summary>
public sealed partial record ContractOutline(string Title, IReadOnlyList<string> Operations)
{
    public static async Task<ContractOutline> FetchAsync(HttpClient service, string route)
    {
        var yaml = await service.GetStringAsync(route.TrimStart('/'));
        var title = TitleLine().Match(yaml).Groups["title"].Value.Trim();
        var operations = new List<string>();
        string? path = null;
        foreach (var line in yaml.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (PathLine().Match(line) is { Success: true } p)
            {
                path = p.Groups["path"].Value;
            }
            else if (path is not null && MethodLine().Match(line) is { Success: true } m)
            {
                operations.Add($"{m.Groups["method"].Value.ToUpperInvariant()} {path}");
            }
            else if (line.Length > 0 && !line.StartsWith(' '))
            {
                path = null; // left the paths section
            }
        }

        return new ContractOutline(title, operations);
    }

    [GeneratedRegex(@"^info:\s*\n(?:[ ].*\n)*?  title:\s*(?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex TitleLine();

    [GeneratedRegex(@"^  (?<path>/\S*):\s*$")]
    private static partial Regex PathLine();

    [GeneratedRegex(@"^    (?<method>get|put|post|patch|delete|head|options):\s*$")]
    private static partial Regex MethodLine();
}
