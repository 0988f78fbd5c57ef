using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Core.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// The seam between the store and filter/sort translation (Core filter AST to MongoDB, in Filtering/): the store adds the
/// tenant and type itself, resolves the lookups a filter needs (a <c>distinct</c> per lookup, in rounds), runs the count
/// and the page, and loads memberships. Documents are laid out as <see cref="Database.MongoFields"/> describes; filters and
/// sort keys read the folded <c>search</c> view, so no query needs a collation.
/// </summary>
public interface IMongoScimQueryTranslation
{
    /// <summary>The lookups <paramref name="filter"/> still needs that can run given <paramref name="resolved"/> (empty: translate).</summary>
    IReadOnlyList<MongoLookup> LookupsOf(ScimResourceType type, FilterNode filter, IReadOnlyDictionary<MongoLookup, IReadOnlyCollection<string>> resolved);

    /// <summary>The filter (without the tenant and type) once every lookup is in <paramref name="resolved"/>.</summary>
    BsonDocument Filter(ScimResourceType type, FilterNode filter, IReadOnlyDictionary<MongoLookup, IReadOnlyCollection<string>> resolved);

    /// <summary>The total order of a list (creation order without sortBy), ending with the resource id, and its seek.</summary>
    MongoSortOrder Order(ScimResourceType type, SortSpecification? sort);
}

/// <summary>
/// The Filtering/ translators behind the seam. A filter they cannot send to MongoDB (an unpaired surrogate, a value path
/// naming its own element) is the client's: a 400 invalidFilter, never a 500.
/// </summary>
internal sealed class MongoScimQueryTranslation : IMongoScimQueryTranslation
{
    public IReadOnlyList<MongoLookup> LookupsOf(ScimResourceType type, FilterNode filter, IReadOnlyDictionary<MongoLookup, IReadOnlyCollection<string>> resolved) =>
        Refusing(() => MongoFilterTranslator.LookupsOf(type, filter, resolved));

    public BsonDocument Filter(ScimResourceType type, FilterNode filter, IReadOnlyDictionary<MongoLookup, IReadOnlyCollection<string>> resolved) =>
        Refusing(() => new MongoFilterTranslator(type, lookup => resolved.GetValueOrDefault(lookup)).Translate(filter));

    public MongoSortOrder Order(ScimResourceType type, SortSpecification? sort) => MongoSortOrder.For(type, sort);

    private static T Refusing<T>(Func<T> translate)
    {
        try
        {
            return translate();
        }
        catch (MongoFilterNotTranslatedException ex)
        {
            throw new ScimException(400, ScimErrorTypes.InvalidFilter, ex.Message);
        }
    }
}
