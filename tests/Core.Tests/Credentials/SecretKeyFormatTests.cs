using System.Text;
using AutoRfpHex.Core.Credentials.SecretKeys;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Credentials;

public sealed class SecretKeyFormatTests
{
    [Fact]
    public void Generated_production_key_has_live_marker_key_id_random_part_and_checksum()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production);

        key.Value.Should().HaveLength(72).And.MatchRegex("^arfp_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{49}$");
        key.Value.Should().Be($"arfp_live_{key.KeyId}_{key.RandomPart}{key.Value[^6..]}");
        key.RandomPart.Should().HaveLength(43);
        key.Environment.Should().Be(DeploymentEnvironment.Production);
    }

    [Fact]
    public void Generated_sandbox_key_has_test_marker()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Sandbox);

        key.Value.Should().StartWith("arfp_test_");
        key.Environment.Should().Be(DeploymentEnvironment.Sandbox);
    }

    [Fact]
    public void Generated_keys_differ_in_key_id_and_random_part()
    {
        var keys = Enumerable.Range(0, 200).Select(_ => SecretKeyFormat.Generate(DeploymentEnvironment.Production)).ToList();

        keys.Select(k => k.KeyId).Should().OnlyHaveUniqueItems();
        keys.Select(k => k.RandomPart).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Random_part_uses_the_whole_base62_alphabet()
    {
        var used = Enumerable.Range(0, 200)
            .SelectMany(_ => SecretKeyFormat.Generate(DeploymentEnvironment.Production).RandomPart)
            .ToHashSet();

        used.Should().HaveCount(62);
    }

    [Theory]
    [InlineData(DeploymentEnvironment.Production)]
    [InlineData(DeploymentEnvironment.Sandbox)]
    public void Generated_key_parses_back_to_the_same_parts(DeploymentEnvironment environment)
    {
        var key = SecretKeyFormat.Generate(environment);

        SecretKeyFormat.TryParse(key.Value, out var parsed).Should().BeTrue();

        parsed!.KeyId.Should().Be(key.KeyId);
        parsed.RandomPart.Should().Be(key.RandomPart);
        parsed.Environment.Should().Be(environment);
        parsed.Value.Should().Be(key.Value);
    }

    [Fact]
    public void Checksum_is_crc32_of_everything_before_it_in_six_base62_digits()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production);
        var crc = Crc32.Compute(Encoding.ASCII.GetBytes(key.Value[..^6]));

        key.Value[^6..].Should().Be(Base62.Encode(crc, 6));
    }

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Crc32.Compute(Encoding.ASCII.GetBytes("123456789")).Should().Be(0xCBF43926u);
        Crc32.Compute([]).Should().Be(0u);
    }

    [Fact]
    public void Base62_pads_to_the_requested_length_and_refuses_overflow()
    {
        Base62.Encode(61u, 3).Should().Be("00z");
        Base62.Encode(62u, 2).Should().Be("10");
        var tooBig = () => Base62.Encode(62u * 62u, 2);
        tooBig.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Largest_32_byte_value_fits_in_43_base62_digits()
    {
        var max = Enumerable.Repeat((byte)0xFF, 32).ToArray();

        Base62.Encode(max, 43).Should().HaveLength(43);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a key")]
    [InlineData("Bearer arfp_live_")]
    public void Junk_is_not_a_key(string? value)
    {
        SecretKeyFormat.TryParse(value, out _).Should().BeFalse();
    }

    [Fact]
    public void Wrong_prefix_is_rejected()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        SecretKeyFormat.TryParse("xrfp" + key[4..], out _).Should().BeFalse();
    }

    [Fact]
    public void Unknown_environment_marker_is_rejected()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        SecretKeyFormat.TryParse(key.Replace("_live_", "_prod_", StringComparison.Ordinal), out _).Should().BeFalse();
    }

    [Fact]
    public void Wrong_length_is_rejected()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        SecretKeyFormat.TryParse(key[..^1], out _).Should().BeFalse();
        SecretKeyFormat.TryParse(key + "0", out _).Should().BeFalse();
    }

    [Fact]
    public void Character_outside_base62_is_rejected()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        SecretKeyFormat.TryParse(key[..30] + "-" + key[31..], out _).Should().BeFalse();
        SecretKeyFormat.TryParse(key[..22] + "x" + key[23..], out _).Should().BeFalse("the separator after the key id is required");
    }

    [Fact]
    public void Any_single_changed_character_fails_the_checksum()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        for (var i = "arfp_live_".Length; i < key.Length; i++)
        {
            if (key[i] == '_')
            {
                continue;
            }

            var replacement = key[i] == 'a' ? 'b' : 'a';
            var typo = key[..i] + replacement + key[(i + 1)..];
            SecretKeyFormat.TryParse(typo, out _).Should().BeFalse($"a changed character at {i} must fail the checksum");
        }
    }

    [Fact]
    public void Switching_the_environment_marker_fails_the_checksum()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production).Value;

        SecretKeyFormat.TryParse(key.Replace("arfp_live_", "arfp_test_", StringComparison.Ordinal), out _).Should().BeFalse();
    }

    [Fact]
    public void Hint_shows_prefix_key_id_and_last_four_characters_only()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production);

        key.Hint.Should().Be($"arfp_live_{key.KeyId}_…{key.Value[^4..]}");
        key.Hint.Should().NotContain(key.RandomPart[..8]);
    }

    [Fact]
    public void ToString_never_shows_the_secret()
    {
        var key = SecretKeyFormat.Generate(DeploymentEnvironment.Production);

        key.ToString().Should().Be(key.Hint).And.NotContain(key.RandomPart);
    }

    [Fact]
    public void Client_ids_are_prefixed_random_base62_and_recognised()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => OAuthClientIds.New()).ToList();

        ids.Should().OnlyHaveUniqueItems().And.OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^arfp_client_[0-9A-Za-z]{20}$"));
        ids.Should().OnlyContain(id => OAuthClientIds.IsWellFormed(id));
        OAuthClientIds.IsWellFormed("arfp_client_short").Should().BeFalse();
        OAuthClientIds.IsWellFormed("arfp_client_" + new string('-', 20)).Should().BeFalse();
        OAuthClientIds.IsWellFormed(null).Should().BeFalse();
    }
}
