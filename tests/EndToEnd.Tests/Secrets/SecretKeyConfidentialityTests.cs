using System.Net;
using System.Text;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using AutoRfpHex.TestHost.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;

namespace AutoRfpHex.EndToEnd.Tests.Secrets;

/// <summary>
/// A secret key is shown once and then exists only with the identity provider: never in the store's files, the
/// service's logs or the provisioning log, whichever way it was used, rotated or mistyped.
/// </summary>
public sealed class SecretKeyConfidentialityTests : IDisposable
{
    private readonly ServiceHost host = new();

    [Fact]
    public async Task A_used_and_rotated_secret_appears_nowhere_in_clear()
    {
        var organization = await host.CreateScimOrganizationAsync("secret");
        var connection = await host.ConnectAsync(organization);
        var sandbox = await host.ConnectAsync(organization, "sandbox");
        var tokens = new List<string>();
        foreach (var mode in Enum.GetValues<ScimAuthMode>())
        {
            using var scim = await host.CreateScimHttpClientAsync(connection, mode);
            await scim.CreateUserAsync($"{mode}@example.com".ToLowerInvariant());
            tokens.Add(scim.DefaultRequestHeaders.Authorization!.Parameter!);
        }

        (await host.PostTokenRequestAsync(connection.ClientId, sandbox.Secret)).Dispose(); // the wrong client's secret
        var (_, rotated) = await host.CreateSecretAsync(organization, connection.ClientId);
        (await host.PostTokenRequestAsync(connection.ClientId, connection.Secret)).Dispose(); // the superseded secret
        using (var withRotated = await host.CreateScimHttpClientAsync(connection with { Secret = rotated }, ScimAuthMode.Basic))
        {
            await (await withRotated.GetAsync("scim/v2/Users")).ShouldBeListResponseAsync();
        }

        var secrets = new[] { connection.Secret, sandbox.Secret, rotated };
        host.LogLines.Should().Contain(l => l.Contains("/oauth/token"), "control: the captured log does see the requests");

        using var admin = host.CreateAdminHttpClient(organization);
        var log = await (await admin.GetAsync("api/v1/provisioning-events?count=200")).Content.ReadAsStringAsync();
        foreach (var secret in secrets)
        {
            AssertNotIn(log, secret, "the provisioning log");
            AssertNotIn(string.Join('\n', host.LogLines), secret, "the service's log");
        }

        foreach (var token in tokens)
        {
            log.Should().NotContain(token, "no bearer credential reaches the provisioning log");
            string.Join('\n', host.LogLines).Should().NotContain(token, "no bearer credential reaches the service's log");
        }

        var store = await StoreBytesAsync();
        ContainsBytes(store, Encoding.UTF8.GetBytes(connection.ClientId)).Should().BeTrue("control: the search does see what the store holds");
        foreach (var secret in secrets)
        {
            foreach (var part in SecretParts(secret))
            {
                ContainsBytes(store, Encoding.UTF8.GetBytes(part)).Should().BeFalse($"'{part[..8]}…' must not be stored in clear (UTF-8)");
                ContainsBytes(store, Encoding.Unicode.GetBytes(part)).Should().BeFalse($"'{part[..8]}…' must not be stored in clear (UTF-16)");
            }
        }
    }

    [Fact]
    public async Task The_secret_listing_and_the_client_never_show_the_secret()
    {
        var organization = await host.CreateScimOrganizationAsync("listing");
        var connection = await host.ConnectAsync(organization);
        using var admin = host.CreateAdminHttpClient(organization);

        var texts = new[]
        {
            await (await admin.GetAsync($"api/v1/oauth-clients/{connection.ClientId}/secrets")).Content.ReadAsStringAsync(),
            await (await admin.GetAsync($"api/v1/oauth-clients/{connection.ClientId}")).Content.ReadAsStringAsync(),
            await (await admin.GetAsync("api/v1/oauth-clients")).Content.ReadAsStringAsync(),
        };

        foreach (var text in texts)
        {
            AssertNotIn(text, connection.Secret, "the admin API");
        }
    }

    public void Dispose() => host.Dispose();

    /// <summary>The whole secret, and its long random part (the part after the last '_'), in halves too.</summary>
    private static IEnumerable<string> SecretParts(string secret)
    {
        yield return secret;
        var random = secret[(secret.LastIndexOf('_') + 1)..];
        if (random.Length >= 24)
        {
            yield return random[..(random.Length / 2)];
            yield return random[(random.Length / 2)..];
        }
    }

    private static void AssertNotIn(string text, string secret, string where)
    {
        foreach (var part in SecretParts(secret))
        {
            text.Should().NotContain(part, $"a secret key (or its random part) must never appear in {where}");
        }
    }

    /// <summary>
    /// Everything the store holds, read while the service runs: every file of the embedded store (database, WAL, shared
    /// memory), or on MongoDB every document of every collection of the host's database as BSON.
    /// </summary>
    private async Task<byte[]> StoreBytesAsync()
    {
        using var all = new MemoryStream();
        if (host.Services.GetService<MongoStore>() is { } mongo)
        {
            foreach (var name in await (await mongo.Database.ListCollectionNamesAsync()).ToListAsync())
            {
                foreach (var document in await mongo.Documents(name).Find(FilterDefinition<BsonDocument>.Empty).ToListAsync())
                {
                    all.Write(document.ToBson());
                }
            }

            all.Length.Should().BeGreaterThan(0, "the MongoDB database holds the organization, its client and its keys");
            return all.ToArray();
        }

        foreach (var file in Directory.EnumerateFiles(host.DataDirectory, "*", SearchOption.AllDirectories))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(all);
        }

        all.Length.Should().BeGreaterThan(0, "the embedded store's files hold the organization, its client and its keys");
        return all.ToArray();
    }

    private static bool ContainsBytes(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
