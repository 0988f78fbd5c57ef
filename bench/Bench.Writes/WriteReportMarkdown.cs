using System.Globalization;
using System.Text;

namespace AutoRfpHex.Bench.Writes;

/// <summary>The report as markdown: readable as printed on the console, and as the file the run writes.</summary>
public static class WriteReportMarkdown
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(WriteReport report)
    {
        var text = new StringBuilder();
        var options = report.Options;
        text.AppendLine("# SCIM write benchmark").AppendLine()
            .AppendLine(Invariant, $"Run {report.Started:yyyy-MM-dd HH:mm} UTC on {report.Machine}. ")
            .AppendLine(Invariant, $"The service ran {report.Service}. ")
            .AppendLine(Invariant, $"Per group and response variant: {options.WarmupAdds} untimed adds, then up to {options.Adds} timed ones (a variant stops after {options.AddSecondsLimit} s once it has 5), one client, sequential requests over a kept-alive connection, each adding another user. ")
            .AppendLine("Latency is from sending the request to the last byte of the response, through Kestrel, authentication (a JWT access token), the SCIM use case, the SQLite store (synchronous=FULL: one fsync per write) and the provisioning-log write every SCIM call makes.")
            .AppendLine();
        Adds(text, report.Groups);
        StoreCosts(text, report.Groups);
        Creates(text, report.Creates);
        Memory(text, report);
        Seeding(text, report.Seeding);
        return text.ToString();
    }

    private static void Adds(StringBuilder text, IReadOnlyList<GroupMeasurement> groups)
    {
        var (first, last) = (groups[0], groups[^1]);
        var compare = groups.Count > 1;
        text.AppendLine("## One member added to a group, through HTTP (ms)").AppendLine();
        List<string> header = ["request", .. groups.SelectMany(g => new[] { $"{g.Members:N0} median", $"{g.Members:N0} p99" })];
        if (compare)
        {
            header.AddRange([$"median {last.Members:N0} ÷ {first.Members:N0}", $"p99 {last.Members:N0} ÷ {first.Members:N0}"]);
        }

        MarkdownTable.Append(text, header, first.Variants.Select((variant, i) =>
        {
            List<string> row = [variant.Name, .. groups.SelectMany(g => new[] { Ms(g.Variants[i].Latency.Median), Ms(g.Variants[i].Latency.P99) })];
            if (compare)
            {
                row.AddRange([Ratio(last.Variants[i].Latency.Median, variant.Latency.Median), Ratio(last.Variants[i].Latency.P99, variant.Latency.P99)]);
            }

            return row;
        }));
        text.AppendLine("The ratio columns divide the largest group's figure by the smallest's: about 1 means the cost of an add stays flat as the group grows.").AppendLine();

        MarkdownTable.Append(text, ["request", .. groups.Select(g => $"{g.Members:N0}: status, mean response, timed adds")], first.Variants.Select((variant, i) =>
            (IReadOnlyList<string>)[variant.Name, .. groups.Select(g => $"{string.Join("/", g.Variants[i].Statuses)}, {Bytes(g.Variants[i].MeanResponseBytes)}, {g.Variants[i].Latency.Samples}")]));
        text.AppendLine(Invariant, $"Every added user was then found a member (`filter=id eq \"<group>\" and members eq \"<user>\"`), and each group's member count checked (`groups.value eq`): {string.Join(", ", groups.Select(g => $"{g.MembersAfter:N0}"))} members after the adds.").AppendLine();
    }

    private static void StoreCosts(StringBuilder text, IReadOnlyList<GroupMeasurement> groups)
    {
        text.AppendLine("## Where an add's time goes: the same steps inside the service, without HTTP (median ms)").AppendLine();
        (string Name, Func<StoreCosts, Latency> Of)[] steps =
        [
            ("read the group's row (what a member add loads first)", s => s.DocumentRead),
            ("PATCH use case adding one member (read, one write transaction with fsync, no body)", s => s.OneMemberWrite),
            ("for comparison: read the group with all its members (what a 200 echo would need)", s => s.MembersRead),
            ("GET use case with a member page of 1,000 (page read and response built)", s => s.Presented),
            ("that response serialized to UTF-8 JSON", s => s.Serialized),
        ];
        MarkdownTable.Append(text, ["step", .. groups.Select(g => $"{g.Members:N0}")],
            steps.Select(step => (IReadOnlyList<string>)[step.Name, .. groups.Select(g => Ms(step.Of(g.Store).Median))]));
        text.AppendLine(Invariant, $"The group with a page of 1,000 members is {string.Join(", ", groups.Select(g => $"{Bytes(g.Store.ResponseBytes)} at {g.Members:N0}"))}. Timed from the app's DI container before the HTTP adds.").AppendLine();
    }

    private static void Creates(StringBuilder text, IReadOnlyList<CreateMeasurement> creates)
    {
        text.AppendLine("## Users created through HTTP (POST /Users)").AppendLine();
        MarkdownTable.Append(text, ["parallel clients", "users", "time", "users/s", "median ms", "p99 ms", "service peak RSS"], creates.Select(c => (IReadOnlyList<string>)
        [
            c.Clients.ToString(Invariant), c.Users.ToString("N0", Invariant), $"{c.Time.TotalSeconds:F1} s", c.UsersPerSecond.ToString("N0", Invariant),
            Ms(c.Latency.Median), Ms(c.Latency.P99), Bytes(c.Memory.PeakResidentBytes),
        ]));
        text.AppendLine("Bodies as Okta and Entra send them: userName, externalId, name, displayName, title, active, a work e-mail (and a home one for half), the Enterprise extension for 70%. Every answer was 201, and the service's user count checked after each row. The organization already holds the seeded users.").AppendLine();
    }

    private static void Memory(StringBuilder text, WriteReport report)
    {
        var inProcess = report.AtStart.GcHeapBytes is not null;
        text.AppendLine("## Service memory").AppendLine();
        var rows = new List<(string Phase, MemoryReading Memory)> { ("started, first request answered", report.AtStart) };
        rows.AddRange(report.Groups.Select(g => ($"member adds, group of {g.Members:N0}", g.Memory)));
        rows.AddRange(report.Creates.Select(c => ($"{c.Users:N0} creates, {c.Clients} client(s)", c.Memory)));
        List<string> header = ["phase", "peak RSS (VmHWM)", "RSS at the end"];
        if (inProcess)
        {
            header.AddRange(["GC heap at the end", "allocated"]);
        }

        MarkdownTable.Append(text, header, rows.Select(r =>
        {
            List<string> row = [r.Phase, Bytes(r.Memory.PeakResidentBytes), Bytes(r.Memory.ResidentBytes)];
            if (inProcess)
            {
                row.AddRange([Bytes(r.Memory.GcHeapBytes ?? 0), Bytes(r.Memory.AllocatedBytes ?? 0)]);
            }

            return row;
        }));
        text.AppendLine("The peak is reset at the start of each phase (`/proc/<pid>/clear_refs`), so each row is that phase's own high-water mark.").AppendLine();
    }

    private static void Seeding(StringBuilder text, SeedingTimes seeding)
    {
        text.AppendLine("## Seeding (through the store port, not timed as a benchmark)").AppendLine();
        MarkdownTable.Append(text, ["what", "time", "per second"],
        [
            [$"{seeding.Users:N0} users", $"{seeding.UsersTime.TotalSeconds:F1} s", (seeding.Users / seeding.UsersTime.TotalSeconds).ToString("N0", Invariant)],
            .. seeding.Groups.Select(g => (IReadOnlyList<string>)[$"group of {g.Members:N0} members", $"{g.Time.TotalSeconds:F1} s", (g.Members / g.Time.TotalSeconds).ToString("N0", Invariant)]),
        ]);
        text.AppendLine("Users go through the store's create (one transaction each, as a POST stores them; the first 20 through the service's create use case, checked to be stored exactly as seeded); members in batches of 50,000 through the store's conditional update, as PATCHes add them.").AppendLine();
    }

    private static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "F2" : "F1", Invariant);

    private static string Ratio(double larger, double smaller) => (larger / smaller).ToString("F2", Invariant);

    private static string Bytes(double bytes) => bytes switch
    {
        >= 1 << 30 => $"{bytes / (1 << 30):F2} GiB",
        >= 1 << 20 => $"{bytes / (1 << 20):F1} MiB",
        >= 1 << 10 => $"{bytes / (1 << 10):F1} KiB",
        _ => $"{bytes:F0} B",
    };
}
