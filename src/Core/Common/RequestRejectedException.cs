namespace AutoRfpHex.Core.Common;

/// <summary>An admin or OAuth request Core refuses; the HTTP edge maps <see cref="Kind"/> to a status and problem body.</summary>
public sealed class RequestRejectedException(RejectionKind kind, string detail) : Exception(detail)
{
    public RejectionKind Kind { get; } = kind;

    public string Detail { get; } = detail;
}

public enum RejectionKind
{
    /// <summary>Malformed or semantically invalid input (400).</summary>
    Invalid,

    /// <summary>The named thing does not exist for the caller's organization (404).</summary>
    NotFound,

    /// <summary>The request clashes with current state, e.g. SCIM is off or a name is taken (409).</summary>
    Conflict,

    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
}
