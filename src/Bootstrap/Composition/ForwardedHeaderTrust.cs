using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace AutoRfpHex.Bootstrap.Composition;

/// <summary>
/// <c>Service:TrustForwardedFor</c> (default false) and <c>Service:TrustedProxies</c>. Behind a reverse proxy every
/// caller has the proxy's address, so the per-address rate limits would throttle everyone together. Turned on, the
/// caller's address (and scheme) is taken from <c>X-Forwarded-For</c> (<c>X-Forwarded-Proto</c>), but only when the
/// request comes from a trusted proxy: loopback by default, plus the addresses or CIDR ranges listed. A header from
/// anyone else is ignored, so a client cannot pick its own address to escape the limits.
/// </summary>
public static class ForwardedHeaderTrust
{
    public static IServiceCollection AddForwardedHeaderTrust(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue("Service:TrustForwardedFor", false))
        {
            return services;
        }

        var proxies = configuration.GetSection("Service:TrustedProxies").Get<string[]>() ?? [];
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

            // Only the nearest hop: one proxy in front of the service, which appends the address it saw.
            options.ForwardLimit = 1;
            foreach (var proxy in proxies.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()))
            {
                if (proxy.Contains('/', StringComparison.Ordinal))
                {
                    options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                }
                else
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
    }
}
