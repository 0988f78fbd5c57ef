using System.Text.Json.Nodes;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Core.Tests.Fakes;

/// <summary>What the fakes compare to keep a version when an update would store nothing new (the port's rule).</summary>
internal static class StoredDocuments
{
    /// <summary>Whether <paramref name="resource"/> holds what <paramref name="stored"/> holds, version and lastModified aside.</summary>
    public static bool Same(ScimResourceRecord stored, ScimResourceRecord resource) =>
        stored.Role == resource.Role && stored.IsIntegrationUser == resource.IsIntegrationUser && JsonNode.DeepEquals(stored.Attributes, resource.Attributes);
}
