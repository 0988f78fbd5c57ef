using AutoRfpHex.Adapters.Sqlite.Database;

namespace AutoRfpHex.Adapters.Sqlite.Scim.Filtering;

/// <summary>Where one value of a path lives, as SQL expressions; absent values are SQL NULL.</summary>
internal abstract record ValueLocation
{
    /// <summary>The value as SQLite sees it (json_extract: strings as TEXT, booleans as 0/1, containers as JSON text).</summary>
    public abstract string Value { get; }

    /// <summary>The JSON kind, as json_type names it ('text', 'integer', 'real', 'true', 'false', 'null', 'object', 'array'), or NULL.</summary>
    public abstract string Kind { get; }

    /// <summary>True when the value is assigned (RFC 7643 §2.5): not null, "", [] or a complex value with nothing assigned.</summary>
    public abstract string HasValue { get; }

    public virtual string IsText => $"{Kind} = 'text'";

    /// <summary>The value as a canonical UTC instant text when it is an xsd:dateTime string, else NULL.</summary>
    public virtual string Instant => $"{SqliteFunctions.Instant}({Value})";
}

/// <summary>A value inside a JSON document: <paramref name="Path"/> is an SQL expression giving a JSON path.</summary>
internal sealed record JsonLocation(string Document, string Path) : ValueLocation
{
    public override string Value => $"json_extract({Document}, {Path})";

    public override string Kind => $"json_type({Document}, {Path})";

    // Assigned when some scalar in the subtree is: booleans and numbers always, strings when not empty.
    public override string HasValue =>
        $"EXISTS (SELECT 1 FROM json_tree({Document}, {Path}) AS t WHERE t.type IN ('true', 'false', 'integer', 'real') OR (t.type = 'text' AND t.atom <> ''))";
}

/// <summary>A string column or expression (ids, membership fields); NULL means absent.</summary>
internal record TextColumn(string Expression) : ValueLocation
{
    public override string Value => Expression;

    public override string Kind => $"iif({Expression} IS NULL, NULL, 'text')";

    public override string IsText => $"{Expression} IS NOT NULL";

    public override string HasValue => $"coalesce({Expression}, '') <> ''";
}

/// <summary>A column holding instants in canonical text (meta.created, meta.lastModified).</summary>
internal sealed record InstantColumn(string Expression) : TextColumn(Expression)
{
    public override string Instant => Expression;
}

/// <summary>A value that is never there (e.g. <c>meta.location</c>, which the store does not keep).</summary>
internal sealed record AbsentValue : ValueLocation
{
    public override string Value => "NULL";

    public override string Kind => "NULL";

    public override string HasValue => "0";

    public override string IsText => "0";
}

/// <summary>A complex value that always has something assigned (<c>meta</c>, one membership).</summary>
internal sealed record AssignedComplexValue : ValueLocation
{
    public override string Value => "NULL";

    public override string Kind => "'object'";

    public override string HasValue => "1";

    public override string IsText => "0";
}
