using AutoRfpHex.Core.Scim.Filtering;

namespace AutoRfpHex.Core.Tests.Scim.Filtering;

/// <summary>What kinds of nodes and operators a set of filter trees contains, to prove a generator covers the language.</summary>
internal sealed class FilterTreeStatistics
{
    public HashSet<ComparisonOperator> Operators { get; } = [];

    public HashSet<Type> NodeTypes { get; } = [];

    public HashSet<string> Attributes { get; } = [];

    public int NullComparisons { get; private set; }

    public void Add(FilterNode node)
    {
        NodeTypes.Add(node.GetType());
        switch (node)
        {
            case AndFilter and:
                Add(and.Left);
                Add(and.Right);
                break;
            case OrFilter or:
                Add(or.Left);
                Add(or.Right);
                break;
            case NotFilter not:
                Add(not.Inner);
                break;
            case ValuePathFilter valuePath:
                Add(valuePath.Filter);
                break;
            case ComparisonFilter comparison:
                Operators.Add(comparison.Operator);
                Attributes.Add(comparison.Path.ToString());
                NullComparisons += comparison.Value is null && comparison.Operator != ComparisonOperator.Present ? 1 : 0;
                break;
        }
    }
}
