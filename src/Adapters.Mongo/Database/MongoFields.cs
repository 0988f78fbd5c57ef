namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// Element names shared by the documents, the indexes and the queries (one spelling, so an index always matches the
/// query that needs it). Every tenant-scoped document carries <see cref="OrganizationId"/> and <see cref="Environment"/>
/// first, so every index and every query is prefixed by the tenant (and a later shard key can be the tenant).
/// </summary>
public static class MongoFields
{
    public const string Id = "_id";
    public const string OrganizationId = "org";
    public const string Environment = "env";

    // users and groups
    public const string ResourceId = "resourceId";
    public const string Version = "version";
    public const string Created = "created";
    public const string LastModified = "lastModified";
    public const string UserName = "userName";
    public const string DisplayName = "displayName";
    public const string ExternalId = "externalId";
    public const string Role = "role";
    public const string Active = "active";

    /// <summary>The SCIM attributes as stored JSON, kept as a sub-document so filters can address <c>attributes.emails.value</c>.</summary>
    public const string Attributes = "attributes";
    public const string EmailValues = Attributes + ".emails.value";

    // memberships
    public const string GroupId = "groupId";
    public const string MemberId = "memberId";
    public const string MemberType = "memberType";

    // provisioning log
    public const string Time = "time";
    public const string Sequence = "seq";
}
