using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Scim.Rendering;

/// <summary>One name of an <c>attributes</c>/<c>excludedAttributes</c> list, resolved to canonical names.</summary>
/// <param name="Urn">The extension URN; null for core and common attributes.</param>
/// <param name="Attribute">Null for a whole extension.</param>
internal sealed record SelectedAttribute(string? Urn, string? Attribute, string? Sub)
{
    public static IEnumerable<SelectedAttribute> Resolve(ScimResourceType type, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (ScimPathParser.FindExtension(type, name.Trim()) is { } extension)
            {
                yield return new SelectedAttribute(extension.Id, null, null);
            }
            else if (TryParse(type, name) is { } path)
            {
                yield return new SelectedAttribute(path.SchemaUrn, path.Attribute.Name, path.SubAttribute?.Name);
            }
        }
    }

    private static ScimPath? TryParse(ScimResourceType type, string name)
    {
        try
        {
            return ScimPathParser.Parse(type, name);
        }
        catch (ScimException)
        {
            return null; // RFC 7644 §3.9 defines no error for unknown names; they select nothing
        }
    }
}
