namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class BCryptSecretHasherTests
{
    // Cost 4 keeps the suite fast; one test checks the production default.
    private readonly BCryptSecretHasher hasher = new(workFactor: 4);

    [Fact]
    public void Hash_verifies_the_same_secret()
    {
        var hash = hasher.Hash("h7Qk2m9ZrT4vXy8bN3pL6sW1cD5fG0jA2eR7uI9oP4q");

        hasher.Verify("h7Qk2m9ZrT4vXy8bN3pL6sW1cD5fG0jA2eR7uI9oP4q", hash).Should().BeTrue();
        hasher.Algorithm.Should().Be("bcrypt");
    }

    [Fact]
    public void Hash_does_not_verify_another_secret()
    {
        var hash = hasher.Hash("h7Qk2m9ZrT4vXy8bN3pL6sW1cD5fG0jA2eR7uI9oP4q");

        hasher.Verify("h7Qk2m9ZrT4vXy8bN3pL6sW1cD5fG0jA2eR7uI9oP4r", hash).Should().BeFalse();
        hasher.Verify(string.Empty, hash).Should().BeFalse();
    }

    [Fact]
    public void Hashes_are_salted_and_never_contain_the_secret()
    {
        const string secret = "h7Qk2m9ZrT4vXy8bN3pL6sW1cD5fG0jA2eR7uI9oP4q";

        var first = hasher.Hash(secret);
        var second = hasher.Hash(secret);

        first.Should().NotBe(second).And.NotContain(secret);
        hasher.Verify(secret, second).Should().BeTrue();
    }

    [Fact]
    public void Default_work_factor_is_11_and_the_configured_one_is_used()
    {
        new BCryptSecretHasher().WorkFactor.Should().Be(11);
        hasher.Hash("secret").Should().StartWith("$2a$04$");
    }

    [Fact]
    public void Hash_made_at_another_cost_still_verifies()
    {
        var older = new BCryptSecretHasher(workFactor: 5).Hash("secret");

        hasher.Verify("secret", older).Should().BeTrue();
    }

    [Fact]
    public void Input_longer_than_72_bytes_is_refused_instead_of_silently_truncated()
    {
        var longSecret = new string('a', 73);

        hasher.Invoking(h => h.Hash(longSecret)).Should().Throw<ArgumentException>();
        hasher.Verify(longSecret, hasher.Hash(new string('a', 72))).Should().BeFalse("BCrypt alone would accept it: it ignores byte 73");
    }

    [Fact]
    public void Malformed_stored_hash_does_not_verify()
    {
        hasher.Verify("secret", "not-a-bcrypt-hash").Should().BeFalse();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    public void Work_factor_outside_4_to_31_is_refused(int workFactor)
    {
        var create = () => new BCryptSecretHasher(workFactor);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
