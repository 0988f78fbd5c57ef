using System.Diagnostics;
using System.Net;
using System.Text;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// Adds one member at a time to a group over HTTP, as an identity provider does when a user is assigned:
/// <c>PATCH /Groups/{id}</c> with <c>{"op":"add","path":"members","value":[{"value":"…"}]}</c>. Either answer is
/// accepted: 204 No Content (a group PATCH without attributes) or 200 with the group. Every add is checked afterwards
/// through SCIM filters.
/// </summary>
public sealed class MemberAdds(WriteBenchmarkOptions options, CancellationToken cancellationToken)
{
    public const string DefaultResponse = "PATCH add, default response";
    public const string WithoutMembers = "PATCH add, excludedAttributes=members";
    private const int MinimumTimedAdds = 5;

    /// <summary>The variants in the order they run; each adds its own users.</summary>
    public static readonly (string Name, string Query)[] Variants = [(WithoutMembers, "?excludedAttributes=members"), (DefaultResponse, string.Empty)];

    /// <param name="newMembers">Users not yet in the group, at least <see cref="WriteBenchmarkOptions.AddsPerGroup"/>; taken in order.</param>
    /// <returns>The measurement, and the users actually added (warm-up included).</returns>
    public async Task<(AddMeasurement Measurement, IReadOnlyList<string> Added)> RunAsync(
        ScimClient scim, SeededGroup group, (string Name, string Query) variant, Queue<string> newMembers, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(options.AddSecondsLimit);
        var added = new List<string>();
        var timings = new List<double>();
        var statuses = new SortedSet<int>();
        long bytes = 0;
        for (var run = 0; run < options.WarmupAdds + options.Adds; run++)
        {
            var warmup = run < options.WarmupAdds;
            // A slow variant (today: the whole group in every answer) keeps a warm-up add and at least 5 timed ones.
            if (warmup ? run > 0 && clock.Elapsed > limit / 4 : timings.Count >= MinimumTimedAdds && clock.Elapsed > limit)
            {
                if (warmup)
                {
                    run = options.WarmupAdds - 1;
                    continue;
                }

                break;
            }

            var member = newMembers.Dequeue();
            var response = await scim.PatchAsync($"scim/v2/Groups/{group.Id}{variant.Query}", Body(member), cancellationToken);
            ScimClient.Require(response.Status is HttpStatusCode.OK or HttpStatusCode.NoContent,
                $"adding a member to the group of {group.Members:N0} answered {(int)response.Status}: {Encoding.UTF8.GetString(response.Body.AsSpan(0, Math.Min(500, response.Body.Length)))}");
            added.Add(member);
            if (!warmup)
            {
                timings.Add(response.Milliseconds);
                statuses.Add((int)response.Status);
                bytes += response.Body.LongLength;
            }
        }

        await progress.WriteLineAsync($"  {variant.Name}: {timings.Count} timed adds in {clock.Elapsed.TotalSeconds:F0} s");
        return (new AddMeasurement(variant.Name, new Latency(timings), [.. statuses], (double)bytes / timings.Count, added.Count), added);
    }

    /// <summary>Checks that every added user is a member, and the group's member count.</summary>
    public async Task<int> VerifyAsync(ScimClient scim, SeededGroup group, IReadOnlyList<string> added, int expectedMembers)
    {
        foreach (var member in added)
        {
            var found = await scim.CountAsync("Groups", $"id eq \"{group.Id}\" and members eq \"{member}\"", cancellationToken);
            ScimClient.Require(found == 1, $"user {member} is not a member of the group of {group.Members:N0} after its add");
        }

        var members = await scim.CountAsync("Users", $"groups.value eq \"{group.Id}\"", cancellationToken);
        ScimClient.Require(members == expectedMembers, $"the group of {group.Members:N0} has {members:N0} members, not {expectedMembers:N0}");
        return members;
    }

    private static string Body(string member) =>
        $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{member}}"}]}]}""";
}
