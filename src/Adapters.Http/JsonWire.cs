using System.Text.Encodings.Web;
using System.Text.Json;

namespace AutoRfpHex.Adapters.Http;

/// <summary>
/// How JSON is written on the wire: values exactly as stored (no \u0027 for an apostrophe, no \u002B for a plus),
/// which identity providers compare byte for byte. Safe here because responses are JSON, never embedded in HTML.
/// </summary>
public static class JsonWire
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
