using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Persistence.ContractTests.Credentials;

public abstract class SigningKeyStoreContract : PersistenceContract
{
    private SigningKey Key(string id, DateTimeOffset? retiredAt = null) =>
        new(id, "RS256", $"-----BEGIN PRIVATE KEY-----\n{id}\n-----END PRIVATE KEY-----", Time.Advance(TimeSpan.FromDays(1)), retiredAt);

    [Fact]
    public async Task Keys_list_newest_first_retired_ones_included()
    {
        var old = Key("k1", retiredAt: Time.GetUtcNow().AddDays(3));
        var current = Key("k2");
        await Store.SigningKeys.AddAsync(old, None);
        await Store.SigningKeys.AddAsync(current, None);

        (await Store.SigningKeys.ListAsync(None)).Should().Equal(current, old);
    }

    [Fact]
    public async Task Adding_a_key_id_that_exists_keeps_the_first_key()
    {
        var first = Key("k1");
        await Store.SigningKeys.AddAsync(first, None);

        await Store.SigningKeys.AddAsync(Key("k1") with { PrivateKeyPem = "another" }, None);

        (await Store.SigningKeys.ListAsync(None)).Should().Equal(first);
    }

    [Fact]
    public async Task Instances_racing_to_add_the_first_key_all_succeed_with_one_key_stored()
    {
        var candidates = Enumerable.Range(0, 8).Select(i => Key("first") with { PrivateKeyPem = $"pem-{i}" }).ToList();

        await Task.WhenAll(candidates.Select(k => Task.Run(() => Store.SigningKeys.AddAsync(k, None))));

        (await Store.SigningKeys.ListAsync(None)).Should().ContainSingle().Which.KeyId.Should().Be("first");
    }
}
