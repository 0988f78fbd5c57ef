namespace AutoRfpHex.Core.Scim.Filtering;

/// <summary>Builds the one exception every filter problem becomes: 400 <c>invalidFilter</c>.</summary>
internal static class FilterErrors
{
    public static ScimException Invalid(string detail) => ScimException.BadRequest(ScimErrorTypes.InvalidFilter, detail);

    /// <summary>"at position 9" or "at position 9 (the end of the filter)", so every detail locates the problem.</summary>
    public static string At(FilterToken token) =>
        token.Kind == FilterTokenKind.End ? $"at position {token.Position} (the end of the filter)" : $"at position {token.Position}";

    /// <summary>"at position 9, found 'zz'" or "at position 8, but the filter ends there".</summary>
    public static string Found(FilterToken token) =>
        token.Kind == FilterTokenKind.End
            ? $"at position {token.Position}, but the filter ends there"
            : $"at position {token.Position}, found {token.Describe()}";
}
