using System.Text.Json.Nodes;
using AutoRfpHex.Core.Credentials.Tokens;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class SigningKeyRingTests
{
    private static readonly AccessTokenRequest Request = new(
        "arfp_client_abcdefghij0123456789", new Tenant("acme", DeploymentEnvironment.Production), "Key123456789", "scim", TimeSpan.FromMinutes(60));

    private static IReadOnlyList<string> PublishedKeyIds(IssuerFixture instance) =>
        JsonNode.Parse(instance.Issuer.JsonWebKeySetJson())!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task First_start_creates_one_persisted_key()
    {
        var instance = new IssuerFixture();

        await instance.Ring.InitializeAsync(default);

        var key = instance.Store.Keys.Should().ContainSingle().Subject;
        key.Algorithm.Should().Be("ES256");
        key.PrivateKeyPem.Should().StartWith("-----BEGIN PRIVATE KEY-----");
        key.CreatedAt.Should().Be(IssuerFixture.Start);
        key.RetiredAt.Should().BeNull();
    }

    [Fact]
    public void Keys_are_loaded_on_first_use_when_not_initialized()
    {
        var instance = new IssuerFixture();

        instance.Issuer.Validate(instance.Issuer.Issue(Request).Token).Should().NotBeNull();

        instance.Store.Keys.Should().ContainSingle();
    }

    [Fact]
    public async Task Keys_survive_a_restart_and_old_tokens_still_validate()
    {
        var before = new IssuerFixture();
        var token = before.Issuer.Issue(Request).Token;

        var after = before.Restarted();
        await after.Ring.InitializeAsync(default);

        after.Issuer.Validate(token).Should().NotBeNull();
        after.Store.Keys.Should().ContainSingle("the restarted instance reuses the stored key");
        Jwt.Header(after.Issuer.Issue(Request).Token)["kid"]!.GetValue<string>().Should().Be(Jwt.Header(token)["kid"]!.GetValue<string>());
    }

    [Fact]
    public async Task Instances_racing_at_first_start_trust_each_others_keys_and_converge_on_one()
    {
        var first = new IssuerFixture();
        var second = first.Restarted();

        await Task.WhenAll(
            Task.Run(() => first.Ring.InitializeAsync(default)),
            Task.Run(() => second.Ring.InitializeAsync(default)));

        // Each may have added a key and sign with its own for now; tokens still validate everywhere.
        second.Issuer.Validate(first.Issuer.Issue(Request).Token).Should().NotBeNull();
        first.Issuer.Validate(second.Issuer.Issue(Request).Token).Should().NotBeNull();
        first.Time.Advance(first.Options.KeyRefreshInterval);
        first.Ring.Current().Active.KeyId.Should().Be(second.Ring.Current().Active.KeyId, "after a refresh all sign with the store's newest key");
    }

    [Fact]
    public async Task Rotation_signs_with_the_new_key_and_keeps_the_old_one_published_for_the_overlap()
    {
        var instance = new IssuerFixture();
        var oldToken = instance.Issuer.Issue(Request).Token;
        var oldKid = Jwt.Header(oldToken)["kid"]!.GetValue<string>();
        instance.Time.Advance(TimeSpan.FromMinutes(1));

        await instance.Ring.RotateAsync(default);

        var newToken = instance.Issuer.Issue(Request).Token;
        var newKid = Jwt.Header(newToken)["kid"]!.GetValue<string>();
        newKid.Should().NotBe(oldKid);
        PublishedKeyIds(instance).Should().Equal(newKid, oldKid);
        instance.Issuer.Validate(oldToken).Should().NotBeNull();
        instance.Issuer.Validate(newToken).Should().NotBeNull();

        instance.Time.Advance(instance.Options.RetiredKeyOverlap);

        PublishedKeyIds(instance).Should().Equal(newKid);
    }

    [Fact]
    public async Task Token_signed_after_a_rotation_on_another_instance_validates_here()
    {
        var here = new IssuerFixture();
        await here.Ring.InitializeAsync(default);
        var elsewhere = here.Restarted();
        here.Time.Advance(TimeSpan.FromMinutes(1));
        await elsewhere.Ring.RotateAsync(default);

        var token = elsewhere.Issuer.Issue(Request).Token;

        here.Issuer.Validate(token).Should().NotBeNull("an unknown key id makes the ring re-read the store");
    }

    [Fact]
    public async Task Retired_key_stops_signing_and_is_dropped_after_the_overlap()
    {
        var instance = new IssuerFixture();
        await instance.Ring.InitializeAsync(default);
        var oldKid = instance.Store.Keys.Single().KeyId;
        instance.Store.Retire(oldKid, instance.Time.GetUtcNow());

        await instance.Ring.InitializeAsync(default);

        instance.Store.Keys.Should().HaveCount(2, "with no unretired key left a new one is created");
        instance.Ring.Current().Active.KeyId.Should().NotBe(oldKid);
        PublishedKeyIds(instance).Should().Contain(oldKid);
        instance.Time.Advance(instance.Options.RetiredKeyOverlap);
        PublishedKeyIds(instance).Should().NotContain(oldKid);
    }

    [Fact]
    public async Task Store_is_read_again_only_after_the_refresh_interval()
    {
        var instance = new IssuerFixture();
        await instance.Ring.InitializeAsync(default);
        var elsewhere = instance.Restarted();
        instance.Time.Advance(TimeSpan.FromMinutes(1));
        await elsewhere.Ring.RotateAsync(default);

        PublishedKeyIds(instance).Should().HaveCount(1, "the snapshot is younger than the refresh interval");
        instance.Time.Advance(instance.Options.KeyRefreshInterval);
        PublishedKeyIds(instance).Should().HaveCount(2);
    }
}
