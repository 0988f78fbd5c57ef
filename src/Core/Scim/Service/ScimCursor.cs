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
/// <para>Root search cursors (<c>POST /.search</c>) also name the type the position lies in, <c>"t":"User"|"Group"</c>,
/// and their digest covers the root instead of one type, so neither kind passes for the other.</para>
/// </summary>
internal static class ScimCursor
{
    private const int Version = 1;

    // Far above what real sort keys produce; bounds the work a hostile value can cause.
    private const int MaxLength = 8192;

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 2, AllowDuplicateProperties = false };

    /// <summary>The identity a client must repeat on every page: the filter as sent, the sort as resolved.</summary>
    public static string QueryDigest(Tenant tenant, ScimResourceType type, string? filter, SortSpecification? sort) =>
        Digest(tenant, type.ToString(), filter, [sort]);

    /// <summary>As <see cref="QueryDigest"/> for the root search, whose sort is resolved once per searched type.</summary>
    public static string RootQueryDigest(Tenant tenant, string? filter, IEnumerable<SortSpecification?> sorts) =>
        Digest(tenant, "/.search", filter, sorts); // no resource type has this name: root and type digests never meet

    private static string Digest(Tenant tenant, string scope, string? filter, IEnumerable<SortSpecification?> sorts)
    {
        object?[] parts = [tenant.OrganizationId, tenant.Environment, scope, filter?.Trim() ?? "", .. sorts.SelectMany(s => new object?[] { s?.Path.ToString() ?? "", s?.Descending })];
        var identity = string.Join('\n', parts);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 12));
    }

    public static string Encode(string queryDigest, ScimSeek seek) => Write(queryDigest, null, seek);

    /// <param name="type">The searched type the position lies in (for a start or end: the type it starts or ends).</param>
    public static string EncodeRoot(string queryDigest, ScimResourceType type, ScimSeek seek) => Write(queryDigest, type, seek);

    private static string Write(string queryDigest, ScimResourceType? type, ScimSeek seek)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", Version);
            writer.WriteString("q", queryDigest);
            if (type is { } rootType)
            {
                writer.WriteString("t", rootType.ToString());
            }

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
    public static ScimSeek Decode(string cursor, string queryDigest) =>
        Read(cursor, queryDigest) is (null, var seek) ? seek : throw Malformed();

    /// <returns>The searched type the position lies in, and the seek within it.</returns>
    /// <exception cref="ScimException">400 <c>invalidCursor</c>, as for <see cref="Decode"/>.</exception>
    public static (ScimResourceType Type, ScimSeek Seek) DecodeRoot(string cursor, string queryDigest, IReadOnlyCollection<ScimResourceType> searchedTypes) =>
        Read(cursor, queryDigest) is ({ } type, var seek) && searchedTypes.Contains(type) ? (type, seek) : throw Malformed();

    private static (ScimResourceType? Type, ScimSeek Seek) Read(string cursor, string queryDigest)
    {
        if (cursor.Length > MaxLength || !cursor.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Malformed();
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), Parsing);
            var (digest, type, seek) = Read(document.RootElement);
            return digest == queryDigest
                ? (type, seek)
                : throw ScimException.BadRequest(
                    ScimErrorTypes.InvalidCursor,
                    "The cursor belongs to another query: send it to the endpoint that returned it, with the filter, sortBy and sortOrder of that request, or start over with an empty cursor.");
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
            throw Malformed();
        }
    }

    private static (string Digest, ScimResourceType? Type, ScimSeek Seek) Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed();
        }

        var properties = root.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        if (properties.Keys.Except(["v", "q", "t", "d", "k", "i"]).Any()
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
        var type = properties.TryGetValue("t", out var typeName) ? ReadType(typeName) : (ScimResourceType?)null;
        return (digest.GetString()!, type, new ScimSeek(seekDirection, from));
    }

    // The name exactly as written: Enum.TryParse would also take "0" or "user".
    private static ScimResourceType ReadType(JsonElement name) =>
        Enum.GetValues<ScimResourceType>().Cast<ScimResourceType?>()
            .FirstOrDefault(t => name.ValueKind == JsonValueKind.String && name.ValueEquals(t.ToString())) ?? throw Malformed();

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
