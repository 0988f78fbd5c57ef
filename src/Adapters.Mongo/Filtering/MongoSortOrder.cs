using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// A list query's total order and its keyset seek (ScimSeek): (no key, key, id), keyless last ascending and first
/// descending, id ascending in the query's order. When the key is a stored field every resource has
/// (<see cref="Field"/>: <c>created</c> without sortBy, and <see cref="MongoSortKey.NativeField"/> such as userName), it is
/// a plain <c>{field, id}</c> sort and range an index can serve (<c>{field}</c> alone when the key is unique). Otherwise the key is computed
/// (<see cref="MongoSortKey"/>) in <see cref="Stages"/> after the filter's <c>$match</c>, so that order and seek run in
/// the server on <see cref="KeyField"/> and <see cref="NoKeyField"/>.
/// </summary>
/// <param name="Key">The computed key expression; null when <paramref name="Field"/> is the key.</param>
/// <param name="Field">The stored field that is the key, never missing; null when the key is computed.</param>
/// <param name="FieldIsUnique">No two resources share the <paramref name="Field"/> key: it alone is the order (no id tie-breaker).</param>
public sealed record MongoSortOrder(
    BsonValue? Key, ScimAttributeDefinition? Leaf, bool KeyAscending, bool IdAscending, string? Field = null, bool FieldIsUnique = false)
{
    public const string KeyField = "_sortKey";
    public const string NoKeyField = "_sortNoKey";

    public static MongoSortOrder For(ScimResourceType type, SortSpecification? sort)
    {
        if (sort is null)
        {
            return new MongoSortOrder(null, null, KeyAscending: true, IdAscending: true, MongoResourceFields.Created);
        }

        var (key, leaf) = MongoSortKey.For(type, sort.Path);
        return MongoSortKey.NativeField(type, sort.Path) is var (field, unique)
            ? new MongoSortOrder(null, leaf, KeyAscending: !sort.Descending, IdAscending: true, field, unique)
            : new MongoSortOrder(key, leaf, KeyAscending: !sort.Descending, IdAscending: true);
    }

    /// <summary>The order read backward, for a backward seek (the page is reversed again after reading).</summary>
    public MongoSortOrder Reversed => this with { KeyAscending = !KeyAscending, IdAscending = !IdAscending };

    /// <summary>The <c>$addFields</c> stages that compute the key (none when a stored field is the key).</summary>
    public IReadOnlyList<BsonDocument> Stages => Field is not null
        ? []
        :
        [
            new BsonDocument("$addFields", new BsonDocument(KeyField, Key)),
            new BsonDocument("$addFields", new BsonDocument(NoKeyField, new BsonDocument("$eq", new BsonArray { "$" + KeyField, BsonNull.Value }))),
        ];

    public BsonDocument Sort => Field is { } keyPath
        ? FieldIsUnique
            ? new BsonDocument(keyPath, Direction(KeyAscending))
            : new BsonDocument { { keyPath, Direction(KeyAscending) }, { MongoResourceFields.Id, Direction(IdAscending) } }
        : new BsonDocument { { NoKeyField, Direction(KeyAscending) }, { KeyField, Direction(KeyAscending) }, { MongoResourceFields.Id, Direction(IdAscending) } };

    /// <summary>
    /// The documents strictly after <paramref name="from"/> in this order. A forged key of another kind compares by
    /// BSON's cross-type order (in <c>$expr</c>), so it never fails; on a stored key field a key of another kind than the
    /// field's selects nothing after it.
    /// </summary>
    public BsonDocument After(ScimSortPosition from)
    {
        var (keyOp, idOp) = (KeyAscending ? "$gt" : "$lt", IdAscending ? "$gt" : "$lt");
        var id = new BsonString(from.Id);
        if (Field is { } keyPath)
        {
            var stored = from.Key is null ? BsonNull.Value : PositionKey(from.Key);
            if (FieldIsUnique)
            {
                return MongoConditions.Field(keyPath, new BsonDocument(keyOp, stored));
            }

            return MongoConditions.Or(
                MongoConditions.Field(keyPath, new BsonDocument(keyOp, stored)),
                new BsonDocument { { keyPath, stored }, { MongoResourceFields.Id, new BsonDocument(idOp, id) } });
        }

        if (from.Key is null)
        {
            var keyless = new BsonDocument { { NoKeyField, true }, { MongoResourceFields.Id, new BsonDocument(idOp, id) } };
            return KeyAscending ? keyless : MongoConditions.Or(keyless, new BsonDocument(NoKeyField, false));
        }

        // Literals: in an expression a position's string starting with "$" would name a field (or a variable).
        var key = new BsonDocument("$literal", PositionKey(from.Key));
        var literalId = new BsonDocument("$literal", id);
        var field = "$" + KeyField;
        var beyond = new BsonDocument("$or", new BsonArray
        {
            new BsonDocument(keyOp, new BsonArray { field, key }),
            new BsonDocument("$and", new BsonArray
            {
                new BsonDocument("$eq", new BsonArray { field, key }),
                new BsonDocument(idOp, new BsonArray { "$" + MongoResourceFields.Id, literalId }),
            }),
        });
        var keyed = new BsonDocument { { NoKeyField, false }, { "$expr", beyond } };
        return KeyAscending ? MongoConditions.Or(keyed, new BsonDocument(NoKeyField, true)) : keyed;
    }

    /// <summary>The position of a document this order read (dates travel as canonical dateTime text).</summary>
    public ScimSortPosition PositionOf(BsonDocument document)
    {
        var key = Field is { } keyPath ? ValueAt(document, keyPath) : document.GetValue(KeyField, BsonNull.Value);
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
        string text when Leaf?.Type == ScimAttributeType.DateTime || Field is MongoResourceFields.Created => MongoInstant.FromPosition(text),
        _ => BsonValue.Create(key),
    };

    /// <summary>The value at a dotted path of a stored document (<c>search.userName</c>), null when absent.</summary>
    private static BsonValue ValueAt(BsonDocument document, string path)
    {
        BsonValue value = document;
        foreach (var name in path.Split('.'))
        {
            value = value is BsonDocument nested ? nested.GetValue(name, BsonNull.Value) : BsonNull.Value;
        }

        return value;
    }

    private static int Direction(bool ascending) => ascending ? 1 : -1;
}
