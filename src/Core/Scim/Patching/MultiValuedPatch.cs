using System.Text.Json;
using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Paths;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Validation;
using static AutoRfpHex.Core.Scim.Patching.MultiValues;

namespace AutoRfpHex.Core.Scim.Patching;

/// <summary>
/// RFC 7644 §3.5.2 on a multi-valued attribute stored in the document (<c>emails</c>, <c>addresses</c>, ...).
/// <c>add</c> appends, merging into an existing equal value instead of duplicating it; <c>replace</c> without a filter
/// replaces the whole list, with a filter merges into the matching values (400 <c>noTarget</c> when none match);
/// <c>add</c> through a filter that matches nothing creates the value the filter describes (Entra expects this);
/// <c>remove</c> with a filter removes the matches (none: nothing to do), without one clears the attribute, or with a
/// <c>value</c> (Entra's form) removes only those values. A value set to <c>"primary": true</c> demotes the others.
/// </summary>
internal static class MultiValuedPatch
{
    public static void Apply(ScimResourceType type, PatchOpKind kind, JsonObject container, ScimPath path, JsonNode? value)
    {
        var attribute = path.Attribute;
        var label = path.ToString();
        if (container[attribute.Name] is not JsonArray values)
        {
            values = [];
            container[attribute.Name] = values;
        }

        List<JsonObject> promoted; // the values this operation marked "primary": true

        if (path.ValueFilter is null && path.SubAttribute is null)
        {
            promoted = kind switch
            {
                PatchOpKind.Add => AddValues(values, path, value),
                PatchOpKind.Replace => ReplaceValues(values, path, value),
                _ => RemoveValues(values, path, value),
            };
        }
        else
        {
            var targets = path.ValueFilter is null
                ? Elements(values).ToList()
                : Elements(values).Where(e => ValuePathFilters.Matches(type, path, e)).ToList();
            promoted = kind == PatchOpKind.Remove ? RemoveFrom(values, targets, path) : Update(kind, values, targets, path, value);
        }

        PromotePrimary(values, promoted, label);
        foreach (var empty in Elements(values).Where(e => e.Count == 0).ToList())
        {
            values.Remove(empty);
        }

        if (values.Count == 0)
        {
            container.Remove(attribute.Name);
        }
    }

    private static List<JsonObject> AddValues(JsonArray values, ScimPath path, JsonNode? value)
    {
        var promoted = new List<JsonObject>();
        foreach (var element in Incoming(path, value))
        {
            var same = FindSame(values, element, path);
            if (IsPrimary(element))
            {
                promoted.Add(same ?? element);
            }

            if (same is null)
            {
                values.Add(element);
            }
            else
            {
                Merge(same, element);
            }
        }

        return promoted;
    }

    private static List<JsonObject> ReplaceValues(JsonArray values, ScimPath path, JsonNode? value)
    {
        var incoming = Incoming(path, value);
        values.Clear();
        incoming.ForEach(values.Add);
        return incoming;
    }

    private static List<JsonObject> RemoveValues(JsonArray values, ScimPath path, JsonNode? value)
    {
        var doomed = value is null
            ? Elements(values).ToList()
            : Incoming(path, value).SelectMany(target => Elements(values).Where(e => Same(e, target, path))).ToList();
        doomed.ForEach(e => values.Remove(e));
        return [];
    }

    private static List<JsonObject> RemoveFrom(JsonArray values, List<JsonObject> targets, ScimPath path)
    {
        foreach (var target in targets)
        {
            if (path.SubAttribute is null)
            {
                values.Remove(target);
            }
            else
            {
                target.Remove(path.SubAttribute.Name);
            }
        }

        return [];
    }

    private static List<JsonObject> Update(PatchOpKind kind, JsonArray values, List<JsonObject> targets, ScimPath path, JsonNode? value)
    {
        if (targets.Count == 0)
        {
            var created = Create(kind, path);
            values.Add(created);
            targets.Add(created);
        }

        var label = path.ToString();
        var element = path.SubAttribute is null ? AttributeValues.Element(path.Attribute, value, label) : null;
        var sub = path.SubAttribute is { } subAttribute ? AttributeValues.Simple(subAttribute, value, label) : null;
        foreach (var target in targets)
        {
            if (path.SubAttribute is null)
            {
                Merge(target, element);
            }
            else if (sub is null)
            {
                target.Remove(path.SubAttribute.Name);
            }
            else
            {
                target[path.SubAttribute.Name] = sub.DeepClone();
            }
        }

        var setsPrimary = element is not null ? IsPrimary(element) : path.SubAttribute?.Name == "primary" && sub is not null && sub.GetValueKind() == JsonValueKind.True;
        return setsPrimary ? targets : [];
    }

    /// <summary>The value a filter that matched nothing describes; replace through a filter needs a match (RFC 7644 §3.5.2.3).</summary>
    private static JsonObject Create(PatchOpKind kind, ScimPath path)
    {
        if (path.ValueFilter is null)
        {
            return [];
        }

        if (kind == PatchOpKind.Replace)
        {
            throw ScimException.BadRequest(ScimErrorTypes.NoTarget, $"No value of '{path.Attribute.Name}' matches [{path.FilterText}], so there is nothing to replace.");
        }

        return ValuePathFilters.EqualityTemplate(path.ValueFilter)
            ?? throw ScimException.BadRequest(
                ScimErrorTypes.NoTarget, $"No value of '{path.Attribute.Name}' matches [{path.FilterText}], and the filter does not describe a value to add (use 'eq' and 'and' only).");
    }

    private static List<JsonObject> Incoming(ScimPath path, JsonNode? value)
    {
        var incoming = AttributeValues.Normalize(path.Attribute, value, path.ToString()) as JsonArray;
        var elements = Elements(incoming ?? []).ToList();
        incoming?.Clear();
        return elements;
    }
}
