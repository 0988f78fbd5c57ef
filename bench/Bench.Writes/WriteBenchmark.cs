using System.Text.Json.Nodes;
using AutoRfpHex.Core.Tenancy;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Provisioning;

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

    public static async Task<WriteReport> RunAsync(WriteBenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var ownsDirectory = options.DataDirectory is null;
        var dataDirectory = options.DataDirectory ?? Directory.CreateTempSubdirectory("autorfphex-bench-writes-").FullName;
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
        var host = new ServiceHost(dataDirectory, captureLog: false);
        var hostRunning = true;
        IServiceUnderTest? service = null;
        try
        {
            var organization = await host.CreateScimOrganizationAsync("bench");
            var connection = await host.ConnectAsync(organization);
            var tenant = new Tenant(organization.OrganizationId, DeploymentEnvironment.Production);
            var scimBaseUrl = new Uri(host.BaseAddress, ScimPath).ToString();

            // Seeding: the members of the largest group, then the users the adds add (HTTP adds, then the store probe's).
            var largest = options.GroupSizes[^1];
            var seeder = new DirectorySeeder(host.Services, tenant, scimBaseUrl, people, progress);
            var seedUsers = largest + options.AddsPerGroup + StoreCostProbe.Writes;
            await progress.WriteLineAsync($"Seeding {seedUsers:N0} users through the store…");
            var usersTime = await seeder.SeedUsersAsync(seedUsers, cancellationToken);
            var groups = new List<(SeededGroup Group, TimeSpan Time)>();
            foreach (var size in options.GroupSizes)
            {
                groups.Add(await seeder.SeedGroupAsync(size, cancellationToken));
            }

            var httpMembers = seeder.UserIds.Skip(largest).Take(options.AddsPerGroup).ToList();
            var probeMembers = seeder.UserIds.Skip(largest + options.AddsPerGroup).ToList();
            await progress.WriteLineAsync("Timing the steps of an add inside the service (no HTTP)…");
            var probe = new StoreCostProbe(host.Services, tenant, scimBaseUrl, cancellationToken);
            var storeCosts = new List<StoreCosts>();
            foreach (var (group, _) in groups)
            {
                storeCosts.Add(await probe.MeasureAsync(group, probeMembers));
            }

            if (options.Mode == ServiceMode.Process)
            {
                // The seeding host lets go of the database file (checkpointing the WAL); the service process takes it over.
                hostRunning = false;
                await host.DisposeAsync();
                await progress.WriteLineAsync("Starting the service process…");
                service = await ServiceProcess.StartAsync(Path.Combine(dataDirectory, "autorfphex.db"), options.Port, cancellationToken);
            }
            else
            {
                hostRunning = false; // the service owns it now
                service = new InProcessService(host);
            }

            await progress.WriteLineAsync($"Service at {service.BaseAddress}");
            service.StartPhase();
            using (var warm = await ConnectAsync(service, connection, cancellationToken))
            {
                await warm.GetAsync($"{ScimPath}/Groups/{groups[0].Group.Id}", cancellationToken);
            }

            var atStart = service.EndPhase();

            var adds = new MemberAdds(options, cancellationToken);
            var measured = new List<GroupMeasurement>();
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g].Group;
                await progress.WriteLineAsync($"Adding members to the group of {group.Members:N0}…");
                using var scim = await ConnectAsync(service, connection, cancellationToken);
                var newMembers = new Queue<string>(httpMembers);
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

            var creates = await CreateUsersAsync(service, connection, people, seedUsers, options, progress, cancellationToken);
            return new WriteReport(
                options, started, BenchMachine.Describe(typeof(WriteBenchmark).Assembly), service.Description,
                new SeedingTimes(seedUsers, usersTime, [.. groups.Select(g => (g.Group.Members, g.Time))]), atStart, measured, creates);
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
