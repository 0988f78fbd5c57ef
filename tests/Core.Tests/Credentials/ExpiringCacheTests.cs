using AutoRfpHex.Core.Credentials.ScimAuthentication;
using Microsoft.Extensions.Time.Testing;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class ExpiringCacheTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void Entry_is_returned_until_its_lifetime_has_passed()
    {
        var cache = new ExpiringCache<string, int>(time, TimeSpan.FromSeconds(3), 10);
        cache.Set("a", 1);

        time.Advance(TimeSpan.FromSeconds(2.9));
        cache.TryGet("a", out var value).Should().BeTrue();
        value.Should().Be(1);

        time.Advance(TimeSpan.FromSeconds(0.1));
        cache.TryGet("a", out _).Should().BeFalse();
        cache.Count.Should().Be(0, "an expired entry is dropped when found");
    }

    [Fact]
    public void Setting_again_restarts_the_lifetime()
    {
        var cache = new ExpiringCache<string, int>(time, TimeSpan.FromSeconds(3), 10);
        cache.Set("a", 1);
        time.Advance(TimeSpan.FromSeconds(2));
        cache.Set("a", 2);
        time.Advance(TimeSpan.FromSeconds(2));

        cache.TryGet("a", out var value).Should().BeTrue();
        value.Should().Be(2);
    }

    [Fact]
    public void Removed_entry_is_gone()
    {
        var cache = new ExpiringCache<string, int>(time, TimeSpan.FromSeconds(3), 10);
        cache.Set("a", 1);

        cache.Remove("a");

        cache.TryGet("a", out _).Should().BeFalse();
    }

    [Fact]
    public void Full_cache_drops_expired_entries_first()
    {
        var cache = new ExpiringCache<string, int>(time, TimeSpan.FromSeconds(3), 2);
        cache.Set("old", 1);
        time.Advance(TimeSpan.FromSeconds(2));
        cache.Set("recent", 2);
        time.Advance(TimeSpan.FromSeconds(1.5));

        cache.Set("new", 3);

        cache.TryGet("recent", out _).Should().BeTrue();
        cache.TryGet("new", out _).Should().BeTrue();
        cache.Count.Should().Be(2);
    }

    [Fact]
    public void Full_cache_of_live_entries_starts_over_rather_than_growing()
    {
        var cache = new ExpiringCache<string, int>(time, TimeSpan.FromSeconds(3), 2);
        cache.Set("a", 1);
        cache.Set("b", 2);

        cache.Set("c", 3);

        cache.Count.Should().Be(1);
        cache.TryGet("c", out _).Should().BeTrue();
    }

    [Fact]
    public void Lifetime_must_be_positive()
    {
        var create = () => new ExpiringCache<string, int>(time, TimeSpan.Zero, 2);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
