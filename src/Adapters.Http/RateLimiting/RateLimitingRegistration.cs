using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Http.RateLimiting;

/// <summary>Rate limits on secret checks, on ASP.NET's built-in rate limiter (Microsoft.AspNetCore.RateLimiting).</summary>
public static class RateLimitingRegistration
{
    /// <summary>Needs Core's <c>CredentialStateReader</c> and <c>VerifiedSecretCache</c> and a <see cref="TimeProvider"/>.</summary>
    public static IServiceCollection AddCredentialRateLimiting(this IServiceCollection services, CredentialRateLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        services.AddSingleton(limits.Validated());
        services.AddSingleton<CredentialRateLimiter>();
        services.AddSingleton<RateLimitRefusals>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CredentialRateLimiter, RateLimitRefusals>((options, limiter, refusals) =>
        {
            options.GlobalLimiter = limiter.Global;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = refusals.WriteAsync;
        });
        return services;
    }

    /// <summary>After routing (so the provisioning log knows the operation) and before authentication (so no secret is checked).</summary>
    public static IApplicationBuilder UseCredentialRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<CredentialAttemptMiddleware>().UseRateLimiter();
}
