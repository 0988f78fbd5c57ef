using AutoRfpHex.Bench.Queries;
using AutoRfpHex.Bench.Writes;

namespace AutoRfpHex.EndToEnd.Tests.Benchmarks;

/// <summary>The benchmarks' command lines, as the README documents them.</summary>
public sealed class BenchmarkOptionTests
{
    [Fact]
    public void Options_parse_in_any_order_and_wrong_ones_are_named()
    {
        var writes = WriteBenchmarkOptions.Parse(["--clients", "2,3", "--group-sizes", "10,20", "--service", "in-process"], "out.md", out var error);
        error.Should().BeNull();
        writes!.Clients.Should().Equal(2, 3);
        writes.GroupSizes.Should().Equal(10, 20);
        writes.Mode.Should().Be(ServiceMode.InProcess);

        WriteBenchmarkOptions.Parse(["--group-sizes", "20,10"], "out.md", out error).Should().BeNull();
        error.Should().Contain("ascending");
        WriteBenchmarkOptions.Parse(["--service", "cloud"], "out.md", out error).Should().BeNull();
        error.Should().Contain("cloud");

        var queries = BenchmarkOptions.Parse(["--quick", "--runs", "7"], "out.md", out error);
        error.Should().BeNull();
        queries!.Runs.Should().Be(7);
        queries.Sizes.Should().Equal(1_000, 5_000);
        BenchmarkOptions.Parse(["--runs"], "out.md", out error).Should().BeNull();
        error.Should().Be("--runs needs a value.");
        BenchmarkOptions.Parse(["--frob"], "out.md", out error).Should().BeNull();
        error.Should().Be("Unknown option '--frob'.");
    }
}
