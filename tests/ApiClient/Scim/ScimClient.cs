using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoRfpHex.ApiClient.Scim;

/// <summary>Hand-written half of the generated <see cref="ScimClient"/>.</summary>
public partial class ScimClient
{
    // Unset DTO properties are left out of request bodies instead of being sent as null: in SCIM an explicit
    // null can mean "clear this attribute", which is not what a test that never set it means.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
