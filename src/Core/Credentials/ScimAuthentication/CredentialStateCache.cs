namespace AutoRfpHex.Core.Credentials.ScimAuthentication;

/// <summary>
/// Process-wide, very short-lived copies of the state a SCIM credential depends on: client, secret, organization
/// and impersonated user. Every SCIM call checks that state; the cache only spares the store the repeats of a burst.
/// A few seconds bound how long a revocation, deletion, demotion or SCIM switch-off takes to reach other instances;
/// on this instance the admin use cases forget the entry at once. Missing records are never cached.
/// </summary>
public sealed class CredentialStateCache(TimeProvider time, TimeSpan? lifetime = null)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(3);

    private const int MaxEntries = 50_000;

    private readonly ExpiringCache<string, object> entries = new(time, lifetime ?? DefaultLifetime, MaxEntries);

    public TimeSpan Lifetime => entries.Lifetime;

    public void ForgetClient(string clientId) => entries.Remove(ClientKey(clientId));

    public void ForgetSecret(string secretId) => entries.Remove(SecretKey(secretId));

    public void ForgetOrganization(string organizationId) => entries.Remove(OrganizationKey(organizationId));

    public void ForgetUser(string organizationId, string userId) => entries.Remove(UserKey(organizationId, userId));

    internal static string ClientKey(string clientId) => "client:" + clientId;

    internal static string SecretKey(string secretId) => "secret:" + secretId;

    internal static string OrganizationKey(string organizationId) => "org:" + organizationId;

    internal static string UserKey(string organizationId, string userId) => $"user:{organizationId}:{userId}";

    internal async Task<T?> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T?>> load, CancellationToken cancellationToken)
        where T : class
    {
        if (entries.TryGet(key, out var cached) && cached is T value)
        {
            return value;
        }

        var loaded = await load(cancellationToken);
        if (loaded is not null)
        {
            entries.Set(key, loaded);
        }

        return loaded;
    }
}
