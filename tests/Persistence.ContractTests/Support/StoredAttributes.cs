using System.Text.Json.Nodes;

namespace AutoRfpHex.Persistence.ContractTests.Support;

public static class StoredAttributes
{
    /// <summary>JSON equality as text: exact kinds (true stays true, 1 stays 1, "1" stays "1") and member order.</summary>
    public static void ShouldEqualJson(this JsonNode? actual, JsonNode? expected) =>
        actual?.ToJsonString().Should().Be(expected?.ToJsonString());
}
