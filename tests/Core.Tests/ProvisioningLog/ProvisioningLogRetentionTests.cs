using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Tests.Scim;

namespace AutoRfpHex.Core.Tests.ProvisioningLog;

public sealed class ProvisioningLogRetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Pruning_removes_what_happened_before_now_minus_the_retention()
    {
        var log = new CutoffRecordingLog();
        var retention = new ProvisioningLogRetention(log, new ManualClock(Now), TimeSpan.FromDays(30));

        var removed = await retention.PruneAsync(CancellationToken.None);

        log.Cutoffs.Should().Equal(Now.AddDays(-30));
        removed.Should().Be(7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_retention_that_is_not_positive_is_refused(int days)
    {
        var create = () => new ProvisioningLogRetention(new CutoffRecordingLog(), new ManualClock(Now), TimeSpan.FromDays(days));

        create.Should().Throw<ArgumentOutOfRangeException>();
    }

    private sealed class CutoffRecordingLog : IProvisioningLog
    {
        public List<DateTimeOffset> Cutoffs { get; } = [];

        public Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
        {
            Cutoffs.Add(cutoff);
            return Task.FromResult(7L);
        }

        public Task AppendAsync(ProvisioningEvent provisioningEvent, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task AppendAllAsync(IReadOnlyList<ProvisioningEvent> provisioningEvents, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ProvisioningEventPage> QueryAsync(string organizationId, ProvisioningEventQuery query, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
