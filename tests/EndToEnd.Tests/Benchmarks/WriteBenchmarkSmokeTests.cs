using AutoRfpHex.Bench.Writes;

namespace AutoRfpHex.EndToEnd.Tests.Benchmarks;

/// <summary>
/// The write benchmark's harness, at a toy size, with the service as its own process as the benchmark runs it: seeding
/// through the store, single-member adds over HTTP (each one checked afterwards by the harness), user creates with
/// parallel clients, the service's memory, and every row of the report. Timings are never asserted here.
/// </summary>
public sealed class WriteBenchmarkSmokeTests
{
    [Fact]
    public async Task The_harness_adds_members_creates_users_and_reports_every_row()
    {
        var options = WriteBenchmarkOptions.Defaults(output: string.Empty) with
        {
            GroupSizes = [10, 60], Adds = 3, WarmupAdds = 1, Users = 12, Clients = [1, 3], Port = 0, Output = null,
        };

        var report = await WriteBenchmark.RunAsync(options, TextWriter.Null, CancellationToken.None);

        report.Groups.Select(g => g.Members).Should().Equal(10, 60);
        foreach (var group in report.Groups)
        {
            group.Variants.Select(v => v.Name).Should().Equal(MemberAdds.WithoutMembers, MemberAdds.DefaultResponse);
            group.Variants.Should().OnlyContain(v => v.Latency.Samples == 3 && v.Added == 4);
            group.Variants.SelectMany(v => v.Statuses).Should().OnlyContain(status => status == 200 || status == 204);
            // The harness counted the members through SCIM: the seeded ones, the store probe's and all 8 HTTP adds.
            group.MembersAfter.Should().Be(group.Members + StoreCostProbe.Writes + 8);
            group.Store.OneMemberWrite.Samples.Should().Be(StoreCostProbe.Writes);
            group.Memory.PeakResidentBytes.Should().BeGreaterThan(0);
        }

        report.Service.Should().Contain("own process");
        report.Creates.Select(c => (c.Clients, c.Users, c.Latency.Samples)).Should().Equal((1, 12, 12), (3, 12, 12));
        report.Creates.Should().OnlyContain(c => c.Memory.PeakResidentBytes > 0 && c.UsersPerSecond > 0);

        var markdown = WriteReportMarkdown.Render(report);
        markdown.Should().Contain("| 10 median | 10 p99 | 60 median | 60 p99 |");
        markdown.Should().Contain($"| {MemberAdds.WithoutMembers} |").And.Contain($"| {MemberAdds.DefaultResponse} |");
        markdown.Should().Contain("| member adds, group of 60 |").And.Contain("| 12 creates, 3 client(s) |");
    }
}
