namespace AutoRfpHex.Adapters.Http.Errors;

internal static class ReasonPhrases
{
    public static string GetReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
