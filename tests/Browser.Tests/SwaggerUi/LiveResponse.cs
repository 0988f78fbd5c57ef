using System.Text.Json.Nodes;

namespace AutoRfpHex.Browser.Tests.SwaggerUi;

/// <summary>What Swagger UI rendered for an executed request: status, body, and the equivalent curl command.</summary>
public sealed record LiveResponse(int Status, string Body, string Curl)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The response body is empty.");
}
