using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AutoRfpHex.Security.Tests.ExternalIssuer;

/// <summary>
/// A minimal OpenID Connect authority on Kestrel at 127.0.0.1: a discovery document and a JWKS with one RSA key the
/// test made, and a method to sign tokens with it (or, for the negative cases, with anything else).
/// </summary>
public sealed class TestAuthority : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestAuthority(WebApplication app, RsaSecurityKey signingKey)
    {
        this.app = app;
        SigningKey = signingKey;
    }

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:41234</c>; also the authority the service is configured with.</summary>
    public string Issuer { get; private set; } = string.Empty;

    public RsaSecurityKey SigningKey { get; }

    public static async Task<TestAuthority> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var rsa = RSA.Create(2048);
        var authority = new TestAuthority(app, new RsaSecurityKey(rsa) { KeyId = "test-key-1" });
        app.MapGet("/.well-known/openid-configuration", () => Results.Text(
            new JsonObject { ["issuer"] = authority.Issuer, ["jwks_uri"] = authority.Issuer + "/jwks" }.ToJsonString(), "application/json"));
        app.MapGet("/jwks", () => Results.Text(authority.JsonWebKeySet(), "application/json"));
        await app.StartAsync();
        authority.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return authority;
    }

    /// <summary>Signs a token with the published key unless <paramref name="signingKey"/> says otherwise.</summary>
    public string Token(
        string audience,
        IReadOnlyDictionary<string, object> claims,
        DateTime? expires = null,
        string? issuer = null,
        SecurityKey? signingKey = null)
    {
        var notBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddHours(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "admin@idp.example")]),
            Claims = claims.ToDictionary(c => c.Key, c => c.Value),
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given claims.</summary>
    public string UnsignedToken(string audience, IReadOnlyDictionary<string, object> claims) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims.ToDictionary(c => c.Key, c => c.Value),
            Expires = DateTime.UtcNow.AddMinutes(10),
        });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SigningKey.Rsa?.Dispose();
    }

    private string JsonWebKeySet()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(SigningKey.Rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        var key = new JsonObject { ["kty"] = jwk.Kty, ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }
}
