using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Validation;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// RFC 7644 §3.5.2 on a single-valued attribute or a sub-attribute of a single-valued complex one. <c>add</c> and
/// <c>replace</c> set the value; on a complex attribute they merge the given sub-attributes and leave the others
/// (§3.5.2.3), except for a reference such as <c>manager</c>, which is replaced whole (its other sub-attributes
/// described the old target). A null value unassigns. Removing a required attribute is 400 <c>mutability</c>.
/// </summary>
internal static class SingleValuedPatch
{
    public static void Apply(PatchOpKind kind, JsonObject container, ScimPath path, JsonNode? value)
    {
        var attribute = path.Attribute;
        var label = path.ToString();
        if (kind == PatchOpKind.Remove && path.SubAttribute is null && attribute.Required)
        {
            throw ScimException.BadRequest(ScimErrorTypes.Mutability, $"Attribute '{label}' is required and cannot be removed.");
        }

        if (path.SubAttribute is { } sub)
        {
            if (container[attribute.Name] is not JsonObject complex)
            {
                complex = [];
                container[attribute.Name] = complex;
            }

            var stored = kind == PatchOpKind.Remove ? null : AttributeValues.Simple(sub, value, label);
            if (stored is null)
            {
                complex.Remove(sub.Name);
            }
            else
            {
                complex[sub.Name] = stored;
            }

            Settle(container, path, complex);
            return;
        }

        var isReference = ReferenceValue.IsReference(attribute);
        var normalized = kind == PatchOpKind.Remove ? null : AttributeValues.Normalize(attribute, value, label);
        if (normalized is JsonObject merged && !isReference && container[attribute.Name] is JsonObject existing)
        {
            foreach (var (key, subValue) in merged.ToList())
            {
                merged.Remove(key);
                existing[key] = subValue;
            }
        }
        else if (normalized is not null)
        {
            container[attribute.Name] = normalized;
        }
        else if (kind == PatchOpKind.Remove || value is null || isReference)
        {
            container.Remove(attribute.Name); // explicit null, or a reference sent as "" (Entra's manager removal)
        }
    }

    /// <summary>Drops a complex value left empty, and a reference left without its <c>value</c>.</summary>
    private static void Settle(JsonObject container, ScimPath path, JsonObject complex)
    {
        var keep = ReferenceValue.IsReference(path.Attribute)
            ? ReferenceValue.Normalize(path.Attribute, complex, path.Attribute.Name) is not null
            : complex.Count > 0;
        if (!keep)
        {
            container.Remove(path.Attribute.Name);
        }
    }
}
