using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Scim;

/// <summary>
/// The seam between the store and filter/sort translation (Core filter AST to MongoDB, in Filtering/): the store adds the
/// tenant and type itself, runs the count and the page, and loads memberships. Documents are laid out as
/// <see cref="Database.MongoFields"/> describes.
/// </summary>
public interface IMongoScimQueryTranslation
{
    /// <summary>The filter of <paramref name="filter"/> for resources of <paramref name="type"/> (without the tenant).</summary>
    FilterDefinition<BsonDocument> Filter(ScimResourceType type, FilterNode filter);

    /// <summary>The order of a sorted list; it must end with the resource id so the order is total.</summary>
    SortDefinition<BsonDocument> Sort(ScimResourceType type, SortSpecification sort);

    /// <summary>Whether comparisons of <paramref name="filter"/> / the sort need the case-insensitive collation.</summary>
    Collation? Collation(FilterNode? filter, SortSpecification? sort);
}

/// <summary>
/// Until filter translation is registered: lists without filter or sortBy work, others are refused with a clear message
/// (never an unfiltered answer to a filtered question).
/// </summary>
internal sealed class UntranslatedScimQueries : IMongoScimQueryTranslation
{
    public FilterDefinition<BsonDocument> Filter(ScimResourceType type, FilterNode filter) =>
        throw new NotSupportedException("Filtering SCIM resources is not available on the MongoDB store yet.");

    public SortDefinition<BsonDocument> Sort(ScimResourceType type, SortSpecification sort) =>
        throw new NotSupportedException("Sorting SCIM resources by an attribute is not available on the MongoDB store yet.");

    public Collation? Collation(FilterNode? filter, SortSpecification? sort) => null;
}
