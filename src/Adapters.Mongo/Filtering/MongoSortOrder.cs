using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// A list query's total order and its keyset seek (ScimSeek): (no key, key, id), keyless last ascending and first
/// descending, id ascending in the query's order. Without sortBy the key is <c>created</c> (never missing), a plain
/// <c>{created, id}</c> sort and range an index on (org, env, type, created, id) serves. With sortBy the key is
/// computed (<see cref="MongoSortKey"/>) in <see cref="Stages"/> after the filter's <c>$match</c>, so that order and
/// seek run in the server on <see cref="KeyField"/> and <see cref="NoKeyField"/>.
/// </summary>
public sealed record MongoSortOrder(BsonValue? Key, ScimAttributeDefinition? Leaf, bool KeyAscending, bool IdAscending)
{
    public const string KeyField = "_sortKey";
    public const string NoKeyField = "_sortNoKey";

    public static MongoSortOrder For(ScimResourceType type, SortSpecification? sort)
    {
        if (sort is null)
        {
            return new MongoSortOrder(null, null, KeyAscending: true, IdAscending: true);
        }

        var (key, leaf) = MongoSortKey.For(type, sort.Path);
        return new MongoSortOrder(key, leaf, KeyAscending: !sort.Descending, IdAscending: true);
    }

    /// <summary>The order read backward, for a backward seek (the page is reversed again after reading).</summary>
    public MongoSortOrder Reversed => this with { KeyAscending = !KeyAscending, IdAscending = !IdAscending };

    private bool ByCreation => Key is null;

    /// <summary>The <c>$addFields</c> stages that compute the key (none without sortBy).</summary>
    public IReadOnlyList<BsonDocument> Stages => ByCreation
        ? []
        :
        [
            new BsonDocument("$addFields", new BsonDocument(KeyField, Key)),
            new BsonDocument("$addFields", new BsonDocument(NoKeyField, new BsonDocument("$eq", new BsonArray { "$" + KeyField, BsonNull.Value }))),
        ];

    public BsonDocument Sort => ByCreation
        ? new BsonDocument { { MongoResourceFields.Created, Direction(KeyAscending) }, { MongoResourceFields.Id, Direction(IdAscending) } }
        : new BsonDocument { { NoKeyField, Direction(KeyAscending) }, { KeyField, Direction(KeyAscending) }, { MongoResourceFields.Id, Direction(IdAscending) } };

    /// <summary>
    /// The documents strictly after <paramref name="from"/> in this order. A forged key of another kind compares by
    /// BSON's cross-type order (in <c>$expr</c>), so it never fails; without sortBy a key that is no dateTime selects
    /// nothing after it.
    /// </summary>
    public BsonDocument After(ScimSortPosition from)
    {
        var (keyOp, idOp) = (KeyAscending ? "$gt" : "$lt", IdAscending ? "$gt" : "$lt");
        var id = new BsonString(from.Id);
        if (ByCreation)
        {
            var created = from.Key is string text ? MongoInstant.FromPosition(text) : BsonValue.Create(from.Key);
            return MongoConditions.Or(
                MongoConditions.Field(MongoResourceFields.Created, new BsonDocument(keyOp, created)),
                new BsonDocument { { MongoResourceFields.Created, created }, { MongoResourceFields.Id, new BsonDocument(idOp, id) } });
        }

        if (from.Key is null)
        {
            var keyless = new BsonDocument { { NoKeyField, true }, { MongoResourceFields.Id, new BsonDocument(idOp, id) } };
            return KeyAscending ? keyless : MongoConditions.Or(keyless, new BsonDocument(NoKeyField, false));
        }

        var key = PositionKey(from.Key);
        var field = "$" + KeyField;
        var beyond = new BsonDocument("$or", new BsonArray
        {
            new BsonDocument(keyOp, new BsonArray { field, key }),
            new BsonDocument("$and", new BsonArray
            {
                new BsonDocument("$eq", new BsonArray { field, key }),
                new BsonDocument(idOp, new BsonArray { "$" + MongoResourceFields.Id, id }),
            }),
        });
        var keyed = new BsonDocument { { NoKeyField, false }, { "$expr", beyond } };
        return KeyAscending ? MongoConditions.Or(keyed, new BsonDocument(NoKeyField, true)) : keyed;
    }

    /// <summary>The position of a document this order read (dates travel as canonical dateTime text).</summary>
    public ScimSortPosition PositionOf(BsonDocument document)
    {
        var key = document.GetValue(ByCreation ? MongoResourceFields.Created : KeyField, BsonNull.Value);
        object? value = key switch
        {
            BsonDateTime date => ScimDateTime.Format(new DateTimeOffset(date.ToUniversalTime())),
            BsonString s => s.Value,
            BsonBoolean b => b.Value,
            _ when key.IsNumeric && double.IsFinite(key.ToDouble()) => key.ToDouble(),
            _ => null,
        };
        return new ScimSortPosition(value, document[MongoResourceFields.Id].AsString);
    }

    private BsonValue PositionKey(object key) => key switch
    {
        string text when Leaf?.Type == ScimAttributeType.DateTime => MongoInstant.FromPosition(text),
        _ => BsonValue.Create(key),
    };

    private static int Direction(bool ascending) => ascending ? 1 : -1;
}
