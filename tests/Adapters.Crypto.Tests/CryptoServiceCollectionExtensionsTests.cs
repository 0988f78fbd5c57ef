using AutoRfpHex.Adapters.Crypto.Signing;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Credentials.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Crypto.Tests;

public sealed class CryptoServiceCollectionExtensionsTests
{
    [Fact]
    public async Task Registers_hasher_issuer_key_ring_and_admin_validation_as_singletons()
    {
        var store = new InMemorySigningKeyStore();
        var services = new ServiceCollection()
            .AddSingleton<ISigningKeyStore>(store)
            .AddCryptoAdapters(new CryptoOptions { Issuer = "https://autorfp.test", BCryptWorkFactor = 5 });
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        await provider.GetRequiredService<SigningKeyRing>().InitializeAsync(default);

        provider.GetRequiredService<ISecretHasher>().Should().BeOfType<BCryptSecretHasher>()
            .Which.Hash("x").Should().StartWith("$2a$05$");
        provider.GetRequiredService<IAccessTokenIssuer>().Should().BeSameAs(provider.GetRequiredService<JwtAccessTokenIssuer>());
        provider.GetRequiredService<IAccessTokenIssuer>().Issuer.Should().Be("https://autorfp.test");
        provider.GetRequiredService<AdminTokenValidation>().SigningKeys.Should().ContainSingle();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        store.Keys.Should().ContainSingle();
    }

    [Fact]
    public void Invalid_options_fail_at_registration()
    {
        var register = () => new ServiceCollection().AddCryptoAdapters(new CryptoOptions { Issuer = "not a url" });

        register.Should().Throw<ArgumentException>();
    }
}
