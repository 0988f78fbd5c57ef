namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>The collections of the store; users and groups apart so each has its own uniqueness index.</summary>
public static class MongoCollectionNames
{
    public const string Organizations = "organizations";
    public const string Users = "users";
    public const string Groups = "groups";
    public const string Memberships = "memberships";
    public const string OAuthClients = "oauthClients";
    public const string ClientSecrets = "clientSecrets";
    public const string SigningKeys = "signingKeys";
    public const string ProvisioningLog = "provisioningLog";
}
