using System.Text.Json;
using System.Text.Json.Serialization;

namespace AutoRfpHex.ApiClient.Admin;

/// <summary>Hand-written half of the generated <see cref="AdminClient"/>.</summary>
public partial class AdminClient
{
    // Optional request fields that a test leaves unset are omitted rather than sent as null, as a browser would.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
