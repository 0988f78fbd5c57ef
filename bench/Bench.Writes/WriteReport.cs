namespace AutoRfpHex.Bench.Writes;

public sealed record WriteReport(
    WriteBenchmarkOptions Options,
    DateTimeOffset Started,
    string Machine,
    string Service,
    SeedingTimes Seeding,
    MemoryReading AtStart,
    IReadOnlyList<GroupMeasurement> Groups,
    IReadOnlyList<CreateMeasurement> Creates);

/// <param name="Users">Users seeded through the store (group members, then the users the adds add).</param>
public sealed record SeedingTimes(int Users, TimeSpan UsersTime, IReadOnlyList<(int Members, TimeSpan Time)> Groups);

/// <param name="Variants">One row per way of sending the PATCH (default response, excludedAttributes=members).</param>
/// <param name="Store">The same steps inside the service, without HTTP: where the time of an add goes.</param>
/// <param name="MembersAfter">Members the service counts after the adds (seeded + store probes + HTTP adds), checked.</param>
/// <param name="Memory">The service over all adds to this group.</param>
public sealed record GroupMeasurement(int Members, IReadOnlyList<AddMeasurement> Variants, StoreCosts Store, int MembersAfter, MemoryReading Memory);

/// <param name="Statuses">The status codes the service answered (200 with the group, or 204).</param>
/// <param name="MeanResponseBytes">The mean size of the response body.</param>
/// <param name="Added">Adds done (warm-up included), every one checked afterwards.</param>
public sealed record AddMeasurement(string Name, Latency Latency, IReadOnlyList<int> Statuses, double MeanResponseBytes, int Added);

/// <param name="DocumentRead">The group's row alone (what a PATCH that adds members loads first).</param>
/// <param name="MembersRead">The group with its member list (what a response with members loads).</param>
/// <param name="Presented">The service's GET use case with members: the list loaded and the response built as JSON.</param>
/// <param name="Serialized">That response written as UTF-8 JSON bytes.</param>
/// <param name="OneMemberWrite">The store's conditional update adding one member: one transaction (a PATCH's write).</param>
public sealed record StoreCosts(Latency DocumentRead, Latency MembersRead, Latency Presented, Latency Serialized, Latency OneMemberWrite, long ResponseBytes);

/// <param name="Time">Wall time for all <paramref name="Users"/> creates.</param>
public sealed record CreateMeasurement(int Clients, int Users, TimeSpan Time, Latency Latency, MemoryReading Memory)
{
    public double UsersPerSecond => Users / Time.TotalSeconds;
}
