using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Filtering;

/// <summary>
/// Translates the Core filter AST into a MongoDB query document on resource documents (<see cref="MongoResourceFields"/>),
/// with the evaluator's semantics (ScimFilterEvaluator): any-value matching through MongoDB's array traversal,
/// <c>ne</c> = <c>not eq</c>, <c>pr</c> = assigned, <c>eq null</c> = not assigned, <c>not</c> = <c>$nor</c>, value
/// paths as <c>$elemMatch</c>. The tenant and type conditions are the store's (<see cref="MongoQueryFilter"/>).
/// Memberships (and their display) are id sets other queries find (<see cref="MongoLookup"/>): the store resolves
/// <see cref="LookupsOf"/> in rounds, then translates with <paramref name="lookupIds"/> answering each with its ids.
/// </summary>
/// <param name="lookupIds">The ids a lookup found; null while it is not resolved yet.</param>
public sealed class MongoFilterTranslator(ScimResourceType type, Func<MongoLookup, IReadOnlyCollection<string>?> lookupIds)
{
    private readonly ResourceContext resource = new(type);
    private readonly List<MongoLookup> ready = [];
    private int unresolved;

    /// <summary>
    /// The lookups <paramref name="filter"/> still needs that can run now (each once): those whose own filter uses no
    /// unresolved lookup. Empty when <paramref name="resolved"/> holds all it needs.
    /// </summary>
    public static IReadOnlyList<MongoLookup> LookupsOf(
        ScimResourceType type, FilterNode filter, IReadOnlyDictionary<MongoLookup, IReadOnlyCollection<string>>? resolved = null)
    {
        var translator = new MongoFilterTranslator(type, lookup => resolved?.GetValueOrDefault(lookup));
        translator.Translate(filter, translator.resource);
        return translator.ready.Distinct().ToList();
    }

    /// <exception cref="MongoFilterNotTranslatedException">A construct listed as not translated yet.</exception>
    /// <exception cref="InvalidOperationException">A lookup the filter needs is not resolved.</exception>
    public BsonDocument Translate(FilterNode filter)
    {
        var translated = Translate(filter, resource);
        return unresolved == 0 ? translated : throw new InvalidOperationException("Resolve every lookup LookupsOf names before translating.");
    }

    private BsonDocument Translate(FilterNode filter, IMongoPathContext context) => filter switch
    {
        AndFilter and => MongoConditions.And(Translate(and.Left, context), Translate(and.Right, context)),
        OrFilter or => MongoConditions.Or(Translate(or.Left, context), Translate(or.Right, context)),
        NotFilter not => MongoConditions.Not(Translate(not.Inner, context)),
        ValuePathFilter valuePath => AnyElement(valuePath),
        ComparisonFilter comparison => Comparison(comparison, context.Resolve(comparison.Path)),
        _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter)),
    };

    /// <summary><c>attr[f]</c>: one element satisfies <c>f</c> on its own.</summary>
    private BsonDocument AnyElement(ValuePathFilter valuePath)
    {
        var path = valuePath.Path;
        var definition = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        if (definition is null) // another searched type's attribute (the parser refuses meta[...])
        {
            return MongoConditions.Never;
        }

        if (resource.IsMembership(definition) is { } asGroupMember)
        {
            return Owners(asGroupMember, Translate(valuePath.Filter, new MembershipContext(asGroupMember)));
        }

        var field = MongoResourceFields.SearchPath(MongoResourceFields.ExtensionOf(type, path.SchemaUrn), definition.Name);
        if (definition.MultiValued)
        {
            var element = Translate(valuePath.Filter, new ElementContext(string.Empty));
            return MongoConditions.IsNever(element) ? element : MongoConditions.Field(field, new BsonDocument("$elemMatch", element));
        }

        // A single complex value is one element when it is there (not missing, not null).
        var inner = Translate(valuePath.Filter, new ElementContext(field + "."));
        return MongoConditions.And(MongoConditions.Field(field, new BsonDocument("$ne", BsonNull.Value)), inner);
    }

    private BsonDocument Comparison(ComparisonFilter comparison, MongoTarget target)
    {
        var (op, value) = (comparison.Operator, comparison.Value);
        if (op == ComparisonOperator.Present || value is null)
        {
            var assigned = Assigned(target);
            return op switch
            {
                ComparisonOperator.Equal => MongoConditions.Not(assigned),
                ComparisonOperator.Present or ComparisonOperator.NotEqual => assigned,
                _ => MongoConditions.Never,
            };
        }

        var leaf = Leaf(comparison.Path);
        if (leaf is null)
        {
            return op == ComparisonOperator.NotEqual ? MongoConditions.Always : MongoConditions.Never;
        }

        return op == ComparisonOperator.NotEqual
            ? MongoConditions.Not(Matches(target, ComparisonOperator.Equal, value, leaf))
            : Matches(target, op, value, leaf);
    }

    private BsonDocument Assigned(MongoTarget target) => target switch
    {
        FieldTarget { KnownValues: not null } => MongoConditions.Always,
        FieldTarget field => MongoComparison.Assigned(field.Field),
        ComplexTarget complex => complex.SubAttributes.Select(s => MongoComparison.Assigned(complex.Field + "." + s)).Aggregate(MongoConditions.Or),
        LookupTarget lookup => Owners(lookup.AsGroupMember, Assigned(lookup.Inner)),
        DisplayTarget display => Displayed(display, MongoComparison.Assigned),
        WholeTarget or VersionTarget => MongoConditions.Always,
        _ => MongoConditions.Never,
    };

    private BsonDocument Matches(MongoTarget target, ComparisonOperator op, JsonValue value, ScimAttributeDefinition leaf) => target switch
    {
        FieldTarget { KnownValues: { } known } field => KnownValueText.Matching(field.Field, known, op, value, leaf),
        FieldTarget field => MongoComparison.Matches(field.Field, op, value, leaf),
        LookupTarget lookup => Owners(lookup.AsGroupMember, Matches(lookup.Inner, op, value, leaf)),
        VersionTarget => MetaVersion.Matches(op, value),
        DisplayTarget display => Displayed(display, field => MongoComparison.Matches(field, op, value, leaf)),
        _ => MongoConditions.Never,
    };

    /// <summary>The resources owning a membership that satisfies <paramref name="membership"/>.</summary>
    private BsonDocument Owners(bool asGroupMember, BsonDocument membership) =>
        MongoConditions.IsNever(membership) ? MongoConditions.Never : In(MongoResourceFields.Id, new MembershipLookup(asGroupMember, membership));

    /// <summary>Memberships whose other side (member, or group for a user's groups) has a display satisfying the condition.</summary>
    private BsonDocument Displayed(DisplayTarget display, Func<string, BsonDocument> condition)
    {
        var resources = MembershipDisplay.Of(condition, groupsOnly: !display.AsGroupMember);
        return MongoConditions.IsNever(resources)
            ? MongoConditions.Never
            : In(display.AsGroupMember ? MongoMembershipFields.Member : MongoMembershipFields.Group, new ResourceIdLookup(resources));
    }

    /// <summary><c>field $in</c> the lookup's ids; while unresolved, counts it and names it ready when its filter needed nothing unresolved.</summary>
    private BsonDocument In(string field, MongoLookup lookup)
    {
        var ids = lookupIds(lookup);
        if (ids is null)
        {
            if (!PendingIn(lookup.Filter))
            {
                ready.Add(lookup);
            }

            unresolved++;
            ids = [Pending];
        }

        return MongoConditions.Field(field, new BsonDocument("$in", new BsonArray(ids)));
    }

    // A placeholder id for an unresolved lookup: it keeps the dependent lookup's filter from simplifying, and marks it not ready.
    private const string Pending = "\u0000pending";

    private static bool PendingIn(BsonValue value) => value switch
    {
        BsonString s => s.Value == Pending,
        BsonDocument d => d.Values.Any(PendingIn),
        BsonArray a => a.Any(PendingIn),
        _ => false,
    };

    private ScimAttributeDefinition? Leaf(AttributePath path)
    {
        var attribute = ScimResourceSchemas.FindAttribute(type, path.SchemaUrn, path.Attribute);
        return path.SubAttribute is null ? attribute : attribute?.FindSubAttribute(path.SubAttribute);
    }
}
