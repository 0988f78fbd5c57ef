using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// The fields filters, sorts and seeks read, under the names the store writes (<see cref="MongoFields"/>, the one
/// spelling): <c>{ org, env, type: "User"|"Group", resourceId, version: long, created: date, lastModified: date,
/// attributes: {...as sent...}, search: {...<see cref="MongoSearchView"/>...} }</c>. Filters read only <c>search</c>
/// (plus the record fields), never <c>attributes</c>. Memberships live in their own collection:
/// <c>{ org, env, groupId, groupIdFolded, memberId, memberType: "User"|"Group" }</c>.
/// </summary>
public static class MongoResourceFields
{
    public const string Organization = MongoFields.OrganizationId;
    public const string Environment = MongoFields.Environment;
    public const string ResourceType = MongoFields.Type;

    /// <summary>The SCIM id (string); unique per tenant, the tie-breaker of every order.</summary>
    public const string Id = MongoFields.ResourceId;
    public const string Version = MongoFields.Version;
    public const string Created = MongoFields.Created;
    public const string LastModified = MongoFields.LastModified;

    /// <summary>The SCIM attributes as sent (canonical names), returned to clients.</summary>
    public const string Attributes = MongoFields.Attributes;

    /// <summary>The query view of the attributes (<see cref="MongoSearchView"/>): what every filter and sort key reads.</summary>
    public const string Search = MongoFields.Search;

    /// <summary>
    /// The key an extension schema's attributes sit under, encoded as in <c>attributes</c> (<see cref="AttributeNames"/>):
    /// a URN such as <c>…:enterprise:2.0:User</c> holds a dot, which MongoDB reads as a path step.
    /// </summary>
    public static string ExtensionKey(string schemaUrn) => AttributeNames.Encode(schemaUrn);

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
    public const string Group = MongoFields.GroupId;

    /// <summary>The group id folded (ScimStringComparison.Fold): <c>groups.value</c> is not caseExact.</summary>
    public const string GroupFolded = MongoFields.GroupIdFolded;
    public const string Member = MongoFields.MemberId;

    /// <summary>"User" or "Group", as written.</summary>
    public const string MemberType = MongoFields.MemberType;
}
