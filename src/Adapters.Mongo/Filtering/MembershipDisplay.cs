using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// A membership's <c>display</c> is the other resource's name, as the stores show it: a group's displayName; a user's
/// displayName when it is a non-empty string, else its userName. Conditions on it become conditions on those resources.
/// </summary>
internal static class MembershipDisplay
{
    /// <param name="condition">The comparison on one search-view field holding the display.</param>
    /// <param name="groupsOnly">A user's <c>groups</c>: the display is always a group's.</param>
    public static BsonDocument Of(Func<string, BsonDocument> condition, bool groupsOnly)
    {
        var displayName = MongoResourceFields.SearchPath(null, "displayName");
        var group = MongoConditions.And(Type("Group"), condition(displayName));
        if (groupsOnly)
        {
            return group;
        }

        var named = MongoConditions.Field(displayName, new BsonDocument("$gt", string.Empty));
        var user = MongoConditions.And(Type("User"), MongoConditions.Or(
            MongoConditions.And(named, condition(displayName)),
            MongoConditions.And(MongoConditions.Not(named), condition(MongoResourceFields.SearchPath(null, "userName")))));
        return MongoConditions.Or(group, user);
    }

    private static BsonDocument Type(string type) => MongoConditions.Field(MongoResourceFields.ResourceType, type);
}
