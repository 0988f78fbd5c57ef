namespace AutoRfpHex.Core.Organizations;

public sealed record Organization(string Id, string Name, bool ScimEnabled, DateTimeOffset CreatedAt);
