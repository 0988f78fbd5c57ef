namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>The values a path names for one resource row: one place, or a set (a multi-valued attribute, the memberships).</summary>
internal abstract record ValueSource
{
    /// <summary>SQL that is true when at least one value satisfies <paramref name="predicate"/>.</summary>
    public abstract string Any(Func<ValueLocation, string> predicate);
}

internal sealed record OneValue(ValueLocation Location) : ValueSource
{
    public override string Any(Func<ValueLocation, string> predicate) => predicate(Location);
}

/// <summary>Several values; <paramref name="Exists"/> builds the EXISTS (or IN) test around a predicate on one of them.</summary>
internal sealed record ManyValues(Func<Func<ValueLocation, string>, string> Exists) : ValueSource
{
    public override string Any(Func<ValueLocation, string> predicate) => Exists(predicate);
}

/// <summary>Resolves a filter's attribute paths to the SQL places holding their values.</summary>
internal interface IPathContext
{
    ValueSource Resolve(Core.Scim.Filtering.AttributePath path);
}
