using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Scim.Service;

/// <summary>
/// RFC 9865 cursor values: unpadded base64url (RFC 3986 unreserved characters only) of a small JSON document naming a
/// seek and the query it belongs to, <c>{"v":1,"q":digest,"d":"next"|"previous","k":sortKey,"i":id}</c> (no k and i
/// for "from the start" / "from the end"). A cursor is a position, not server state, so it never expires; it carries
/// only the sort key and id of a resource the issuing page held. The digest covers tenant, resource type, filter and
/// sort, so a cursor replayed on another query or tenant is refused instead of misread. Not signed: a forged position
/// only moves within the caller's own result, which the store scopes to the caller's tenant anyway.
/// </summary>
internal static class ScimCursor
{
    private const int Version = 1;

    // Far above what real sort keys produce; bounds the work a hostile value can cause.
    private const int MaxLength = 8192;

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 2, AllowDuplicateProperties = false };

    /// <summary>The identity a client must repeat on every page: the filter as sent, the sort as resolved.</summary>
    public static string QueryDigest(Tenant tenant, ScimResourceType type, string? filter, SortSpecification? sort)
    {
        var identity = string.Join('\n', tenant.OrganizationId, tenant.Environment, type, filter?.Trim() ?? "", sort?.Path.ToString() ?? "", sort?.Descending);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 12));
    }

    public static string Encode(string queryDigest, ScimSeek seek)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("q", queryDigest);
            writer.WriteString("d", seek.Direction == ScimSeekDirection.Forward ? "next" : "previous");
            if (seek.From is { } from)
            {
                writer.WritePropertyName("k");
                WriteKey(writer, from.Key);
                writer.WriteString("i", from.Id);
            }

            writer.WriteEndObject();
        }

        return Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <exception cref="ScimException">400 <c>invalidCursor</c>: not a cursor this service issued, or one of another query.</exception>
    public static ScimSeek Decode(string cursor, string queryDigest)
    {
        if (cursor.Length > MaxLength || !cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Malformed();
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), Parsing);
            var (digest, seek) = Read(document.RootElement);
            return digest == queryDigest
                ? seek
                : throw ScimException.BadRequest(
                    ScimErrorTypes.InvalidCursor,
                    "The cursor belongs to another query: send the filter, sortBy and sortOrder of the request that returned it, or start over with an empty cursor.");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw Malformed();
        }
    }

    private static (string Digest, ScimSeek Seek) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed();
        }

        var properties = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        if (properties.Keys.Except(["v", "q", "d", "k", "i"]).Any()
            || !properties.TryGetValue("v", out var version) || !version.TryGetInt32(out var v) || v != Version
            || !properties.TryGetValue("q", out var digest) || digest.ValueKind != JsonValueKind.String
            || !properties.TryGetValue("d", out var direction) || direction.ValueKind != JsonValueKind.String
            || properties.ContainsKey("k") != properties.ContainsKey("i"))
        {
            throw Malformed();
        }

        var seekDirection = direction.GetString() switch
        {
            "next" => ScimSeekDirection.Forward,
            "previous" => ScimSeekDirection.Backward,
            _ => throw Malformed(),
        };
        var from = properties.TryGetValue("i", out var id)
            ? new ScimSortPosition(ReadKey(properties["k"]), id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } text ? text : throw Malformed())
            : null;
        return (digest.GetString()!, new ScimSeek(seekDirection, from));
    }

    private static void WriteKey(Utf8JsonWriter writer, object? key)
    {
        switch (key)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static object? ReadKey(JsonElement key) => key.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => key.GetString(),
        JsonValueKind.Number when key.TryGetDouble(out var number) && double.IsFinite(number) => number,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Malformed(),
    };

    private static ScimException Malformed() =>
        ScimException.BadRequest(ScimErrorTypes.InvalidCursor, "The cursor is not one this service issued: send a nextCursor or previousCursor value unchanged, or an empty cursor for the first page.");
}
