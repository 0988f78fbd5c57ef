using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// A condition on group <c>members</c> or user <c>groups</c>, which live in the membership collection: the store finds
/// the ids of the resources it holds for (<c>distinct(OwnerField, tenant AND Filter)</c>) before the resource query, and
/// the translator turns them into <c>id $in [...]</c> (the uncorrelated IN the SQLite store uses, one index lookup).
/// </summary>
/// <param name="AsGroupMember">True for a group's <c>members</c> (owner = group); false for a user's <c>groups</c> (owner = member).</param>
/// <param name="Filter">On membership fields (<see cref="MongoMembershipFields"/>), tenant excluded.</param>
public sealed record MembershipLookup(bool AsGroupMember, BsonDocument Filter)
{
    public string OwnerField => AsGroupMember ? MongoMembershipFields.Group : MongoMembershipFields.Member;
}
