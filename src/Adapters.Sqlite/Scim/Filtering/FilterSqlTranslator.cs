using System.Text.Json;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;
using AutoRfpHex.Core.Scim.Schemas;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>
/// Translates the Core filter AST into an SQL condition on the resource row <c>r</c>, with every value a parameter.
/// Semantics are the Core evaluator's (ScimFilterEvaluator): any-element matching, <c>ne</c> = <c>not eq</c>,
/// <c>pr</c> = assigned, <c>eq null</c> = not assigned. SQL NULL stands for false; negations coalesce it first.
/// </summary>
internal sealed class FilterSqlTranslator(ScimResourceType type, SqlParameters parameters)
{
    private readonly RootContext root = new(type, parameters);

    public string Translate(FilterNode filter) => Translate(filter, root);

    private string Translate(FilterNode filter, IPathContext context) => filter switch
    {
        AndFilter and => $"({Translate(and.Left, context)} AND {Translate(and.Right, context)})",
        OrFilter or => $"({Translate(or.Left, context)} OR {Translate(or.Right, context)})",
        NotFilter not => Not(Translate(not.Inner, context)),
        ValuePathFilter valuePath => WithEmailIndex(valuePath, root.AnyElement(valuePath.Path, element => Translate(valuePath.Filter, element))),
        ComparisonFilter comparison => Comparison(comparison, context),
        _ => throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter)),
    };

    private string Comparison(ComparisonFilter comparison, IPathContext context)
    {
        var (op, value) = (comparison.Operator, comparison.Value);
        var values = context.Resolve(comparison.Path);
        if (op == ComparisonOperator.Present || value is null)
        {
            var assigned = values.Any(v => v.HasValue);
            return op switch
            {
                ComparisonOperator.Equal => Not(assigned),
                ComparisonOperator.Present or ComparisonOperator.NotEqual => assigned,
                _ => "0",
            };
        }

        var (definition, canonical) = RootContext.Canonical(type, comparison.Path);
        var leaf = canonical.SubAttribute is null ? definition : definition?.FindSubAttribute(canonical.SubAttribute);
        if (leaf is null)
        {
            return op == ComparisonOperator.NotEqual ? "1" : "0";
        }

        if (op == ComparisonOperator.NotEqual)
        {
            return Not(values.Any(v => ComparisonSql.Matches(v, ComparisonOperator.Equal, value, leaf, parameters)));
        }

        var matches = values.Any(v => ComparisonSql.Matches(v, op, value, leaf, parameters));
        return context == root && EmailEquality(comparison) is { } email ? $"({EmailIndex(email)} AND {matches})" : matches;
    }

    private static string Not(string condition) => $"(NOT coalesce({condition}, 0))";

    /// <summary>
    /// <c>emails[type eq "work" and value eq "x"]</c> and <c>emails.value eq "x"</c>: adds the (implied) condition that the
    /// folded value is in the e-mail index, so the lookup starts from that index instead of reading every user.
    /// </summary>
    private string WithEmailIndex(ValuePathFilter valuePath, string condition)
    {
        var email = Conjuncts(valuePath.Filter).OfType<ComparisonFilter>().Select(EmailEquality).FirstOrDefault(e => e is not null);
        return email is null ? condition : $"({EmailIndex(email)} AND {condition})";
    }

    private string? EmailEquality(ComparisonFilter comparison)
    {
        if (type != ScimResourceType.User || comparison.Operator != ComparisonOperator.Equal || comparison.Path.SchemaUrn is not null
            || comparison.Value?.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var (definition, canonical) = RootContext.Canonical(type, comparison.Path);
        return ReferenceEquals(definition, UserSchema.Definition.FindAttribute("emails")) && canonical.SubAttribute == "value"
            ? ComparisonSql.Fold(comparison.Value.GetValue<string>(), caseExact: false)
            : null;
    }

    private string EmailIndex(string foldedEmail) =>
        $"r.id IN (SELECT ev.resource_id FROM scim_email_values AS ev WHERE ev.organization_id = $org AND ev.environment = $env AND ev.value_fold = {parameters.Add(foldedEmail)})";

    private static IEnumerable<FilterNode> Conjuncts(FilterNode filter) =>
        filter is AndFilter and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [filter];
}
