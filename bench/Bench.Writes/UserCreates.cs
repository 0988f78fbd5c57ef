using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// Creates users over HTTP (<c>POST /Users</c>) with several clients in parallel, as an identity provider's first sync
/// does: bodies like Okta's and Entra's (names, work and home e-mails, the Enterprise extension, an externalId).
/// Every answer must be 201; the service's user count is checked afterwards.
/// </summary>
internal sealed class UserCreates(CancellationToken cancellationToken)
{
    /// <param name="bodies">The users to create, each once.</param>
    public async Task<(TimeSpan Time, Latency Latency)> RunAsync(ScimClient scim, IReadOnlyList<JsonObject> bodies, int clients)
    {
        var next = -1;
        var timings = new double[bodies.Count];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < bodies.Count; i = Interlocked.Increment(ref next))
            {
                var response = await scim.PostAsync("scim/v2/Users", bodies[i].ToJsonString(), cancellationToken);
                ScimClient.Require(response.Status == HttpStatusCode.Created, $"POST /Users answered {(int)response.Status}: {Encoding.UTF8.GetString(response.Body)}");
                timings[i] = response.Milliseconds;
            }
        }));
        return (clock.Elapsed, new Latency(timings));
    }
}
