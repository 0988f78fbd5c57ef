using System.Text.Json.Nodes;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Provisioning;
using Microsoft.Data.Sqlite;

namespace AutoRfpHex.Bench.Writes;

/// <summary>
/// The benchmark. The real service seeds one organization (users, then nested groups of each size) through its store
/// port, with SCIM on and a real credential (client and secret key, through the admin API). Then the service runs as
/// its own process over that database (or stays in-process), and over HTTP: single-member adds to each group, then user
/// creates with each client count, with the service's peak memory for each phase. Every write is checked.
/// </summary>
public static class WriteBenchmark
{
    private const string ScimPath = "scim/v2";
    private const string DatabaseFile = "autorfphex.db";

    public static async Task<WriteReport> RunAsync(WriteBenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var ownsDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory is { } kept
            ? Directory.CreateDirectory(kept).FullName
            : Directory.CreateTempSubdirectory("autorfphex-bench-writes-").FullName;
        try
        {
            return await RunInAsync(dataDirectory, options, progress, started, cancellationToken);
        }
        finally
        {
            if (ownsDirectory)
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private static async Task<WriteReport> RunInAsync(string dataDirectory, WriteBenchmarkOptions options, TextWriter progress, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var people = new DirectoryPeople(options.Seed);
        var seeding = await SeedAsync(dataDirectory, options, people, progress, cancellationToken);
        var host = new ServiceHost(dataDirectory, captureLog: false);
        var hostRunning = true;
        IServiceUnderTest? service = null;
        try
        {
            var scimBaseUrl = new Uri(host.BaseAddress, ScimPath).ToString();
            await progress.WriteLineAsync("Timing the steps of an add inside the service (no HTTP)…");
            var probe = new StoreCostProbe(host.Services, seeding.Tenant, scimBaseUrl, cancellationToken);
            var storeCosts = new List<StoreCosts>();
            foreach (var group in seeding.Groups)
            {
                storeCosts.Add(await probe.MeasureAsync(group, seeding.ProbeMembers));
            }

            hostRunning = false;
            if (options.Mode == ServiceMode.Process)
            {
                // The host lets go of the database file (checkpointing the WAL); the service process takes it over.
                await host.DisposeAsync();
                await progress.WriteLineAsync("Starting the service process…");
                service = await ServiceProcess.StartAsync(Path.Combine(dataDirectory, DatabaseFile), options.Port, cancellationToken);
            }
            else
            {
                service = new InProcessService(host); // it owns the host now
            }

            await progress.WriteLineAsync($"Service at {service.BaseAddress}");
            service.StartPhase();
            using (var warm = await ConnectAsync(service, seeding.Connection, cancellationToken))
            {
                await warm.GetAsync($"{ScimPath}/Groups/{seeding.Groups[0].Id}?excludedAttributes=members", cancellationToken);
            }

            var atStart = service.EndPhase();
            var adds = new MemberAdds(options, cancellationToken);
            var measured = new List<GroupMeasurement>();
            for (var g = 0; g < seeding.Groups.Count; g++)
            {
                var group = seeding.Groups[g];
                await progress.WriteLineAsync($"Adding members to the group of {group.Members:N0}…");
                using var scim = await ConnectAsync(service, seeding.Connection, cancellationToken);
                var newMembers = new Queue<string>(seeding.HttpMembers);
                var variants = new List<AddMeasurement>();
                var added = new List<string>();
                service.StartPhase();
                foreach (var variant in MemberAdds.Variants)
                {
                    var (measurement, users) = await adds.RunAsync(scim, group, variant, newMembers, progress);
                    variants.Add(measurement);
                    added.AddRange(users);
                }

                var memory = service.EndPhase();
                var membersAfter = await adds.VerifyAsync(scim, group, added, group.Members + StoreCostProbe.Writes + added.Count);
                measured.Add(new GroupMeasurement(group.Members, variants, storeCosts[g], membersAfter, memory));
            }

            var creates = await CreateUsersAsync(service, seeding.Connection, people, seeding.Times.Users, options, progress, cancellationToken);
            return new WriteReport(options, started, BenchMachine.Describe(typeof(WriteBenchmark).Assembly), service.Description, seeding.Times, atStart, measured, creates);
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }

            if (hostRunning)
            {
                await host.DisposeAsync();
            }
        }
    }

    private sealed record Seeded(
        Tenant Tenant, ScimConnection Connection, IReadOnlyList<SeededGroup> Groups, IReadOnlyList<string> HttpMembers, IReadOnlyList<string> ProbeMembers, SeedingTimes Times);

    /// <summary>
    /// Seeds the organization: the members of the largest group, then the users the adds add (HTTP adds, then the store
    /// probe's), then the nested groups. Seeding writes one transaction per user, and each fsync costs milliseconds on
    /// disk, so where there is a tmpfs (/dev/shm) the seed is written there and then copied to the data directory:
    /// the measurements run on disk.
    /// </summary>
    private static async Task<Seeded> SeedAsync(string dataDirectory, WriteBenchmarkOptions options, DirectoryPeople people, TextWriter progress, CancellationToken cancellationToken)
    {
        var scratch = Directory.Exists("/dev/shm") ? Directory.CreateDirectory(Path.Combine("/dev/shm", $"autorfphex-bench-writes-{Guid.NewGuid():N}")).FullName : dataDirectory;
        try
        {
            await using var host = new ServiceHost(scratch, captureLog: false);
            var organization = await host.CreateScimOrganizationAsync("bench");
            var connection = await host.ConnectAsync(organization);
            var tenant = new Tenant(organization.OrganizationId, DeploymentEnvironment.Production);
            var largest = options.GroupSizes[^1];
            var seeder = new DirectorySeeder(host.Services, tenant, new Uri(host.BaseAddress, ScimPath).ToString(), people, progress);
            var seedUsers = largest + options.AddsPerGroup + StoreCostProbe.Writes;
            await progress.WriteLineAsync($"Seeding {seedUsers:N0} users through the store{(scratch == dataDirectory ? string.Empty : " (on tmpfs)")}…");
            var usersTime = await seeder.SeedUsersAsync(seedUsers, cancellationToken);
            var groups = new List<(SeededGroup Group, TimeSpan Time)>();
            foreach (var size in options.GroupSizes)
            {
                groups.Add(await seeder.SeedGroupAsync(size, cancellationToken));
            }

            return new Seeded(
                tenant, connection, [.. groups.Select(g => g.Group)], [.. seeder.UserIds.Skip(largest).Take(options.AddsPerGroup)],
                [.. seeder.UserIds.Skip(largest + options.AddsPerGroup)], new SeedingTimes(seedUsers, usersTime, [.. groups.Select(g => (g.Group.Members, g.Time))]));
        }
        finally
        {
            if (scratch != dataDirectory)
            {
                CopyDatabase(Path.Combine(scratch, DatabaseFile), Path.Combine(dataDirectory, DatabaseFile));
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    /// <summary>
    /// SQLite's online backup, not a file copy: pooled connections of the disposed host may still be closing, and the
    /// last one to close checkpoints and deletes the WAL file, so copying the files could miss it or lose its pages.
    /// </summary>
    private static void CopyDatabase(string from, string to)
    {
        // The disposed host's pooled connections are idle: close them, so none still holds the file.
        SqliteConnection.ClearAllPools();
        using var source = new SqliteConnection($"Data Source={from};Pooling=False");
        using var target = new SqliteConnection($"Data Source={to};Pooling=False");
        source.Open();
        target.Open();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                source.BackupDatabase(target);
                return;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6 && attempt < 50)
            {
                Thread.Sleep(100); // SQLITE_BUSY / SQLITE_LOCKED: a closing connection is still checkpointing
            }
        }
    }

    private static async Task<List<CreateMeasurement>> CreateUsersAsync(
        IServiceUnderTest service, ScimConnection connection, DirectoryPeople people, int seeded, WriteBenchmarkOptions options, TextWriter progress,
        CancellationToken cancellationToken)
    {
        var creates = new UserCreates(cancellationToken);
        var next = seeded; // person numbers keep userNames unique
        List<JsonObject> Bodies(int count) => [.. Enumerable.Range(0, count).Select(_ => people.Next(next++).Body)];
        using var scim = await ConnectAsync(service, connection, cancellationToken);
        await creates.RunAsync(scim, Bodies(Math.Min(200, options.Users)), clients: 1); // untimed: JIT and connection warm-up
        var users = await scim.CountAsync("Users", "userName pr", cancellationToken);
        var measured = new List<CreateMeasurement>();
        foreach (var clients in options.Clients)
        {
            await progress.WriteLineAsync($"Creating {options.Users:N0} users with {clients} client(s)…");
            var bodies = Bodies(options.Users);
            service.StartPhase();
            var (time, latency) = await creates.RunAsync(scim, bodies, clients);
            var memory = service.EndPhase();
            users += options.Users;
            var counted = await scim.CountAsync("Users", "userName pr", cancellationToken);
            ScimClient.Require(counted == users, $"the service counts {counted:N0} users after the creates, not {users:N0}");
            measured.Add(new CreateMeasurement(clients, options.Users, time, latency, memory));
        }

        return measured;
    }

    private static Task<ScimClient> ConnectAsync(IServiceUnderTest service, ScimConnection connection, CancellationToken cancellationToken) =>
        ScimClient.ConnectAsync(service.BaseAddress, connection.ClientId, connection.Secret, cancellationToken);
}
