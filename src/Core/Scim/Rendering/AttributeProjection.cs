using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using AutoRfpHex.Core.Scim.Service;

namespace AutoRfpHex.Core.Scim.Rendering;

/// <summary>
/// RFC 7644 §3.9 <c>attributes</c> / <c>excludedAttributes</c>, obeying RFC 7643 §7 <c>returned</c>: with
/// <c>attributes</c>, only those plus <c>schemas</c> and the always-returned <c>id</c>; <c>excludedAttributes</c>
/// removes keys entirely (<c>members</c> then has no key at all) but never <c>id</c>. Names are paths in any case,
/// extension attributes URN-qualified, a bare extension URN meaning all of it; names that match nothing are ignored.
/// </summary>
internal sealed class AttributeProjection
{
    private readonly ScimResourceType type;
    private readonly List<SelectedAttribute>? included;
    private readonly List<SelectedAttribute> excluded;

    private AttributeProjection(ScimResourceType type, AttributeSelection selection, int? memberLimit)
    {
        this.type = type;
        MemberLimit = memberLimit;
        included = selection.Attributes is { Count: > 0 } names ? SelectedAttribute.Resolve(type, names).ToList() : null;
        excluded = SelectedAttribute.Resolve(type, selection.ExcludedAttributes ?? [])
            .Where(e => e.Attribute is null || ScimResourceSchemas.FindAttribute(type, e.Urn, e.Attribute)?.Returned != AttributeReturned.Always)
            .ToList();
    }

    /// <param name="memberLimit">The most members a group may show (<see cref="ScimServiceLimits.MaxMembersPerResponse"/>) on
    /// reads; null where the members shown are bounded anyway (the responses of writes).</param>
    public static AttributeProjection For(ScimResourceType type, AttributeSelection selection, int? memberLimit = null) => new(type, selection, memberLimit);

    public int? MemberLimit { get; }

    /// <summary>What to load besides the document: membership edges only when they will be shown, within the member limit.</summary>
    public ResourceLoadOptions LoadOptions
    {
        get
        {
            var members = type == ScimResourceType.Group && Shows("members");
            return new(members, type == ScimResourceType.User && Shows("groups")) { MemberLimit = members ? MemberLimit : null };
        }
    }

    /// <summary>Whether a core attribute appears in the output at all.</summary>
    public bool Shows(string attribute) => included is null
        ? !excluded.Any(e => e is { Urn: null, Sub: null } && e.Attribute == attribute)
        : included.Any(e => e.Urn is null && e.Attribute == attribute);

    public JsonObject Apply(JsonObject full)
    {
        var result = included is null ? full : Include(full, included);
        foreach (var entry in excluded)
        {
            var container = entry.Urn is null ? result : result[entry.Urn] as JsonObject;
            if (container is null)
            {
                continue;
            }

            if (entry.Attribute is null)
            {
                result.Remove(entry.Urn!);
                continue;
            }

            var narrowed = entry.Sub is null ? null : Narrow(container[entry.Attribute], sub => sub != entry.Sub);
            container.Remove(entry.Attribute);
            if (narrowed is not null)
            {
                container[entry.Attribute] = narrowed;
            }

            if (entry.Urn is not null && container.Count == 0)
            {
                result.Remove(entry.Urn);
            }
        }

        return result;
    }

    private static JsonObject Include(JsonObject full, List<SelectedAttribute> entries)
    {
        var result = new JsonObject();
        foreach (var (key, value) in full)
        {
            var urn = key.Contains(':', StringComparison.Ordinal) ? key : null;
            JsonNode? kept;
            if (key is "schemas" or "id" || (urn is not null && entries.Any(e => e.Urn == urn && e.Attribute is null)))
            {
                kept = value?.DeepClone();
            }
            else if (urn is not null)
            {
                var extension = new JsonObject();
                foreach (var (name, inner) in value as JsonObject ?? [])
                {
                    if (Select(inner, entries.Where(e => e.Urn == urn && e.Attribute == name).ToList()) is { } selected)
                    {
                        extension[name] = selected;
                    }
                }

                kept = extension.Count == 0 ? null : extension;
            }
            else
            {
                kept = Select(value, entries.Where(e => e.Urn is null && e.Attribute == key).ToList());
            }

            if (kept is not null)
            {
                result[key] = kept;
            }
        }

        return result;
    }

    private static JsonNode? Select(JsonNode? value, List<SelectedAttribute> entries)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        return entries.Any(e => e.Sub is null) ? value?.DeepClone() : Narrow(value, sub => entries.Any(e => e.Sub == sub));
    }

    /// <summary>A complex value (or each value of a multi-valued one) with only the sub-attributes kept; null when nothing is left.</summary>
    private static JsonNode? Narrow(JsonNode? value, Func<string, bool> keep)
    {
        switch (value)
        {
            case JsonObject complex:
                var narrowed = new JsonObject();
                foreach (var (name, inner) in complex.Where(p => keep(p.Key)))
                {
                    narrowed[name] = inner?.DeepClone();
                }

                return narrowed.Count == 0 ? null : narrowed;
            case JsonArray values:
                var elements = new JsonArray();
                foreach (var element in values.Select(v => Narrow(v, keep)).OfType<JsonNode>())
                {
                    elements.Add(element);
                }

                return elements.Count == 0 ? null : elements;
            default:
                return value?.DeepClone();
        }
    }
}
