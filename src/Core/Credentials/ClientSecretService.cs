using AutoRfpHex.Core.Common;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Organizations;

namespace AutoRfpHex.Core.Credentials;

/// <summary>
/// Secret keys of an OAuth client: shown once, stored as the hash of their random part, rotated with an optional
/// grace period for the previous ones, revocable at once. Creating needs SCIM on; listing and revoking do not.
/// </summary>
public sealed class ClientSecretService(
    IOrganizationStore organizations,
    IOAuthClientStore clients,
    IClientSecretStore secrets,
    ISecretHasher hasher,
    CredentialStateCache credentialState,
    TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(365);
    public static readonly TimeSpan MinimumLifetime = TimeSpan.FromDays(1);

    /// <summary>Three years, leap day included, so "now + 3 years" from a date picker always fits.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays((3 * 365) + 1);

    public static readonly TimeSpan MaximumGracePeriod = TimeSpan.FromDays(7);

    /// <summary>
    /// Creates a secret key and returns it in clear, once. Every other usable secret of the client expires now, or at
    /// the end of <paramref name="previousSecretGracePeriod"/> (0 to 7 days) so the admin can update the identity
    /// provider first; both happen in one store transaction.
    /// </summary>
    /// <param name="expiresIn">1 day to 3 years; 365 days when null.</param>
    public async Task<CreatedClientSecret> CreateAsync(
        string organizationId,
        string clientId,
        string name,
        TimeSpan? expiresIn,
        TimeSpan? previousSecretGracePeriod,
        CancellationToken cancellationToken)
    {
        await organizations.RequireScimEnabledAsync(organizationId, cancellationToken);
        var client = await clients.RequireClientAsync(organizationId, clientId, cancellationToken);
        var trimmedName = CredentialRules.RequireName(name, "secret key name");
        var lifetime = expiresIn ?? DefaultLifetime;
        if (lifetime < MinimumLifetime || lifetime > MaximumLifetime)
        {
            throw new RequestRejectedException(RejectionKind.Invalid, "A secret key must expire between 1 day and 3 years from now.");
        }

        var grace = previousSecretGracePeriod ?? TimeSpan.Zero;
        if (grace < TimeSpan.Zero || grace > MaximumGracePeriod)
        {
            throw new RequestRejectedException(RejectionKind.Invalid, "The grace period for the previous secret keys must be between 0 and 7 days.");
        }

        var now = time.GetUtcNow();
        var live = (await secrets.ListAsync(organizationId, client.ClientId, cancellationToken)).Where(s => s.IsUsableAt(now)).ToList();
        RequireUniqueAmongSurvivors(trimmedName, live, grace);

        // Only the random part is hashed: prefix, marker and key id are public and add no entropy, and the whole
        // 72-character key would sit right at BCrypt's 72-byte cut-off; 43 random characters are well inside it.
        var key = SecretKeyFormat.Generate(client.Environment);
        var secret = new ClientSecret(
            key.KeyId,
            client.ClientId,
            organizationId,
            trimmedName,
            key.Hint,
            hasher.Hash(key.RandomPart),
            hasher.Algorithm,
            CreatedAt: now,
            ExpiresAt: now + lifetime,
            LastUsedAt: null,
            RevokedAt: null);
        await secrets.CreateAsync(secret, now + grace, cancellationToken);
        live.ForEach(previous => credentialState.ForgetSecret(previous.SecretId));
        return new CreatedClientSecret(key.Value, ClientSecretSummary.From(secret, now));
    }

    /// <summary>Metadata of every secret of the client, newest first: name, hint, dates, status.</summary>
    public async Task<IReadOnlyList<ClientSecretSummary>> ListAsync(string organizationId, string clientId, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        var client = await clients.RequireClientAsync(organizationId, clientId, cancellationToken);
        var now = time.GetUtcNow();
        var all = await secrets.ListAsync(organizationId, client.ClientId, cancellationToken);
        return all.OrderByDescending(s => s.CreatedAt).Select(s => ClientSecretSummary.From(s, now)).ToList();
    }

    /// <summary>Revokes a secret at once: its tokens and direct uses stop (other instances within seconds). Revoking twice keeps the first time.</summary>
    public async Task<ClientSecretSummary> RevokeAsync(string organizationId, string clientId, string secretId, CancellationToken cancellationToken)
    {
        await organizations.RequireAsync(organizationId, cancellationToken);
        var client = await clients.RequireClientAsync(organizationId, clientId, cancellationToken);
        var now = time.GetUtcNow();
        var revoked = await secrets.RevokeAsync(organizationId, client.ClientId, secretId, now, cancellationToken)
            ?? throw new RequestRejectedException(RejectionKind.NotFound, $"Client '{client.Name}' has no secret key '{secretId}'.");
        credentialState.ForgetSecret(secretId);
        return ClientSecretSummary.From(revoked, now);
    }

    /// <summary>
    /// Names tell live secrets apart. With no grace period every previous secret dies now, so the name can be reused
    /// (the usual "same name, new key" rotation); with one, it must differ from the secrets that stay usable meanwhile.
    /// </summary>
    private static void RequireUniqueAmongSurvivors(string name, IReadOnlyList<ClientSecret> live, TimeSpan grace)
    {
        var clash = grace > TimeSpan.Zero
            ? live.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            : null;
        if (clash is not null)
        {
            throw new RequestRejectedException(
                RejectionKind.Conflict,
                $"The secret key '{clash.Name}' ({clash.Hint}) stays usable during the grace period; give the new secret key another name.");
        }
    }
}
