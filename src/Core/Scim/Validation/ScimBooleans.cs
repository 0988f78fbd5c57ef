using System.Text.Json;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Core.Scim.Validation;

/// <summary>
/// Booleans as the IdPs send them: JSON <c>true</c>/<c>false</c>, or Entra's strings <c>"True"</c>/<c>"False"</c>
/// (any case). Any other string is refused: treating it as truthy would keep a user active by mistake.
/// </summary>
internal static class ScimBooleans
{
    public static bool Parse(JsonNode value, string label)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var text = value.GetValue<string>().Trim();
                if (bool.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                throw ScimException.BadRequest(ScimErrorTypes.InvalidValue, $"Attribute '{label}' is a boolean: send true or false, not \"{text}\".");
            default:
                throw ScimException.BadRequest(
                    ScimErrorTypes.InvalidValue, $"Attribute '{label}' is a boolean: send true or false, not {AttributeValues.Describe(value.GetValueKind())}.");
        }
    }
}
