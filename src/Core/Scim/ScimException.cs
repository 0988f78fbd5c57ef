namespace AutoRfpHex.Core.Scim;

/// <summary>
/// A request the SCIM API refuses: becomes an RFC 7644 §3.12 error body at the HTTP edge.
/// Thrown anywhere in SCIM processing; the state is unchanged because nothing is written before validation ends.
/// </summary>
public sealed class ScimException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    /// <summary>One of <see cref="ScimErrorTypes"/>, or null where the RFC defines none (404, 412, ...).</summary>
    public string? ScimType { get; } = scimType;

    public string Detail { get; } = detail;

    public static ScimException BadRequest(string scimType, string detail) => new(400, scimType, detail);

    public static ScimException NotFound(string detail) => new(404, null, detail);
}

/// <summary>RFC 7644 §3.12 <c>scimType</c> values, and those RFC 9865 adds for cursor paging.</summary>
public static class ScimErrorTypes
{
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
    public const string TooLarge = "tooLarge";
    public const string Uniqueness = "uniqueness";
    public const string Mutability = "mutability";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string InvalidVersion = "invalidVers";
    public const string Sensitive = "sensitive";
    public const string InvalidCursor = "invalidCursor";
    public const string InvalidCount = "invalidCount";
}
