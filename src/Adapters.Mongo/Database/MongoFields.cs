namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// Element names shared by the documents, the indexes and the queries (one spelling, so an index always matches the
/// query that needs it). Every tenant-scoped document carries <see cref="OrganizationId"/> and <see cref="Environment"/>,
/// every index and every query starts with them, and a later shard key can be the tenant.
/// </summary>
/// <remarks>
/// A SCIM resource document: <c>{ org, env, type: 'User'|'Group', resourceId, version, created, lastModified, role,
/// integration, attributes: { ...SCIM attributes as stored, keys encoded by <see cref="AttributeNames"/>... }, search: {...} }</c>.
/// SCIM filters, sorts and the unique indexes read <see cref="Search"/> (folded strings, BSON dates), never <see cref="Attributes"/>;
/// no query needs a collation.
/// A membership document: <c>{ org, env, groupId, groupIdFolded, memberId, memberType }</c>.
/// </remarks>
public static class MongoFields
{
    public const string Id = "_id";
    public const string OrganizationId = "org";
    public const string Environment = "env";

    // SCIM resources
    public const string Type = "type";
    public const string ResourceId = "resourceId";
    public const string Version = "version";
    public const string Created = "created";
    public const string LastModified = "lastModified";
    public const string Role = "role";
    public const string IsIntegrationUser = "integration";

    /// <summary>Raised by each transaction adding the resource as a member, so it conflicts with a concurrent delete of it.</summary>
    public const string MemberEdgeWrites = "memberEdgeWrites";

    /// <summary>The SCIM attributes as a sub-document, so filters and indexes address <c>attributes.emails.value</c>.</summary>
    public const string Attributes = "attributes";
    public const string UserName = Attributes + ".userName";
    public const string DisplayName = Attributes + ".displayName";
    public const string Active = Attributes + ".active";

    /// <summary>The query view of the attributes (Filtering/MongoSearchView), written beside them on every write; filters read only it.</summary>
    public const string Search = "search";

    // Search-view fields the common filters compare (folded unless caseExact), for their indexes.
    public const string SearchUserName = Search + ".userName";
    public const string SearchDisplayName = Search + ".displayName";
    public const string SearchExternalId = Search + ".externalId";
    public const string SearchEmailValues = Search + ".emails.value";

    // memberships
    public const string GroupId = "groupId";
    public const string MemberId = "memberId";
    public const string MemberType = "memberType";

    /// <summary>The group id folded (ScimStringComparison.Fold): a user's <c>groups.value</c> is not caseExact.</summary>
    public const string GroupIdFolded = "groupIdFolded";

    // provisioning log
    public const string Time = "time";
    public const string Sequence = "seq";
}
