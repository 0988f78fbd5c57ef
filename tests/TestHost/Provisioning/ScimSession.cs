using AutoRfpHex.TestHost.Http;

namespace AutoRfpHex.TestHost.Provisioning;

/// <summary>
/// A fresh organization with SCIM on, one client (production or sandbox) with a secret key, and an HTTP client that
/// calls SCIM with that credential: what one identity provider connection sees.
/// </summary>
public sealed class ScimSession : IDisposable
{
    private ScimSession(TestOrganization organization, ScimConnection connection, HttpClient scim)
    {
        Organization = organization;
        Connection = connection;
        Scim = scim;
    }

    public TestOrganization Organization { get; }

    public ScimConnection Connection { get; }

    /// <summary>Calls SCIM as <see cref="Connection"/>; paths are relative, e.g. <c>scim/v2/Users</c>.</summary>
    public HttpClient Scim { get; }

    public static async Task<ScimSession> StartAsync(
        ServiceHost host, string prefix, string environment = "production", ScimAuthMode mode = ScimAuthMode.AccessToken)
    {
        var organization = await host.CreateScimOrganizationAsync(prefix);
        var connection = await host.ConnectAsync(organization, environment);
        return new ScimSession(organization, connection, await host.CreateScimHttpClientAsync(connection, mode));
    }

    public void Dispose() => Scim.Dispose();
}
