using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// The one place that names the fields filters, sorts and seeks read; the store's documents must have them.
/// A resource document: <c>{ org, env, type: "User"|"Group", id, version: long, created: date, lastModified: date,
/// attributes: {...as sent...}, search: {...<see cref="MongoSearchView"/>...} }</c>. Filters read only <c>search</c>
/// (plus the record fields), never <c>attributes</c>. Memberships live in their own collection:
/// <c>{ org, env, group, groupFolded, member, memberType: "User"|"Group" }</c>.
/// </summary>
public static class MongoResourceFields
{
    public const string Organization = "org";
    public const string Environment = "env";
    public const string ResourceType = "type";

    /// <summary>The SCIM id (string); unique per tenant, the tie-breaker of every order.</summary>
    public const string Id = "id";
    public const string Version = "version";
    public const string Created = "created";
    public const string LastModified = "lastModified";

    /// <summary>The SCIM attributes as sent (canonical names), returned to clients.</summary>
    public const string Attributes = "attributes";

    /// <summary>The query view of the attributes (<see cref="MongoSearchView"/>): what every filter and sort key reads.</summary>
    public const string Search = "search";

    /// <summary>
    /// The key an extension schema's attributes sit under. A URN such as <c>…:enterprise:2.0:User</c> holds a dot,
    /// which MongoDB reads as a path step, so dots become underscores (colons are plain characters in field names).
    /// </summary>
    public static string ExtensionKey(string schemaUrn) => schemaUrn.Replace('.', '_');

    /// <summary><c>search.attribute</c>, <c>search.{extension key}.attribute</c>, with <c>.sub</c> when given.</summary>
    public static string SearchPath(string? schemaUrn, string attribute, string? subAttribute = null) =>
        Search + "." + (schemaUrn is null ? string.Empty : ExtensionKey(schemaUrn) + ".") + attribute
        + (subAttribute is null ? string.Empty : "." + subAttribute);

    public static string TypeName(ScimResourceType type) => type.ToString();

    /// <summary>The extension URN a path is stored under: null for the type's core schema (named or not).</summary>
    public static string? ExtensionOf(ScimResourceType type, string? schemaUrn) =>
        schemaUrn is null || string.Equals(schemaUrn, ScimResourceSchemas.CoreSchemaOf(type).Id, StringComparison.OrdinalIgnoreCase) ? null : schemaUrn;
}

/// <summary>Fields of a membership document (one per group–member edge, in its own collection).</summary>
public static class MongoMembershipFields
{
    public const string Group = "group";

    /// <summary>The group id folded (ScimStringComparison.Fold): <c>groups.value</c> is not caseExact.</summary>
    public const string GroupFolded = "groupFolded";
    public const string Member = "member";

    /// <summary>"User" or "Group", as written.</summary>
    public const string MemberType = "memberType";
}
