namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>The collections of the store.</summary>
public static class MongoCollectionNames
{
    public const string Organizations = "organizations";

    /// <summary>Users and groups in one collection: ids are unique across both (a member id names either), which one unique index enforces.</summary>
    public const string ScimResources = "scimResources";

    /// <summary>One document per (group, member) edge.</summary>
    public const string Memberships = "memberships";

    /// <summary>
    /// One small document per tenant that every write taking an active Admin away updates in its transaction, so two such
    /// writes conflict and the second re-checks (snapshot isolation alone would let both pass the "another Admin exists" check).
    /// </summary>
    public const string AdminGuards = "adminGuards";

    public const string OAuthClients = "oauthClients";
    public const string ClientSecrets = "clientSecrets";
    public const string SigningKeys = "signingKeys";
    public const string ProvisioningLog = "provisioningLog";
}
