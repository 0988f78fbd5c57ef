namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

/// <summary>
/// Marks a test class whose every test needs a MongoDB server: when <see cref="MongoTestServer"/> finds none, the
/// assembly's test framework (<see cref="MongoTestFramework"/>) reports each of its tests skipped with the reason,
/// including tests inherited from the abstract persistence contract (plain [Fact]s the SQLite suites also run).
/// </summary>
public interface IRequiresMongoServer;
