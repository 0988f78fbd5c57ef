using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.ScimAuthentication;
using Microsoft.Extensions.Time.Testing;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class VerifiedSecretCacheTests
{
    private readonly FakeTimeProvider time = new();

    private static ClientSecret Secret(string id = "key1", string hash = "hash-1") =>
        new(id, "client", "org", "name", "hint", hash, "alg", default, null, null, null);

    [Fact]
    public void Remembered_match_is_known_for_the_same_presented_secret_and_record()
    {
        var cache = new VerifiedSecretCache(time);
        cache.RememberMatch("presented", Secret());

        cache.IsKnownMatch("presented", Secret()).Should().BeTrue();
        cache.IsKnownMatch("other presented", Secret()).Should().BeFalse();
    }

    [Fact]
    public void Match_is_not_known_for_another_record_or_a_changed_hash()
    {
        var cache = new VerifiedSecretCache(time);
        cache.RememberMatch("presented", Secret());

        cache.IsKnownMatch("presented", Secret(id: "key2")).Should().BeFalse();
        cache.IsKnownMatch("presented", Secret(hash: "hash-2")).Should().BeFalse();
    }

    [Fact]
    public void Match_is_forgotten_after_the_lifetime()
    {
        var cache = new VerifiedSecretCache(time, TimeSpan.FromMinutes(1));
        cache.RememberMatch("presented", Secret());

        time.Advance(TimeSpan.FromMinutes(1));

        cache.IsKnownMatch("presented", Secret()).Should().BeFalse();
    }
}
