using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// An id set a filter needs from another query before the resource query: the store runs it tenant-scoped
/// (<c>distinct(IdField, org AND env AND Filter)</c> on <see cref="Collection"/>) and the translator turns the ids into
/// <c>$in</c> (the uncorrelated IN the SQLite store uses). Lookups may depend on others (a membership's display is its
/// member's name), so the store resolves them in rounds: <see cref="MongoFilterTranslator.LookupsOf"/> names the ones
/// ready to run given those already resolved, until none is left.
/// </summary>
public abstract record MongoLookup(BsonDocument Filter)
{
    public abstract MongoLookupCollection Collection { get; }

    public abstract string IdField { get; }
}

public enum MongoLookupCollection
{
    Resources,
    Memberships,
}

/// <summary>
/// Group <c>members</c> or user <c>groups</c>: the owners of a membership satisfying <see cref="MongoLookup.Filter"/>
/// (on <see cref="MongoMembershipFields"/>).
/// </summary>
/// <param name="AsGroupMember">True for a group's <c>members</c> (owner = group); false for a user's <c>groups</c> (owner = member).</param>
public sealed record MembershipLookup(bool AsGroupMember, BsonDocument Filter) : MongoLookup(Filter)
{
    public override MongoLookupCollection Collection => MongoLookupCollection.Memberships;

    public override string IdField => OwnerField;

    public string OwnerField => AsGroupMember ? MongoMembershipFields.Group : MongoMembershipFields.Member;
}

/// <summary>The ids of the tenant's resources (any type) satisfying <see cref="MongoLookup.Filter"/>: whose display matches.</summary>
public sealed record ResourceIdLookup(BsonDocument Filter) : MongoLookup(Filter)
{
    public override MongoLookupCollection Collection => MongoLookupCollection.Resources;

    public override string IdField => MongoResourceFields.Id;
}
