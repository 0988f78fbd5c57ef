using AutoRfpHex.Adapters.Mongo.Database;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>The start-up check reads the server's <c>hello</c> answer (shapes as MongoDB 7/8 send them).</summary>
public sealed class MongoDeploymentTests
{
    [Fact]
    public void A_replica_set_member_runs_transactions()
    {
        var hello = BsonDocument.Parse("{ isWritablePrimary: true, setName: 'rs0', hosts: ['127.0.0.1:27017'], maxWireVersion: 25, ok: 1 }");

        MongoDeployment.WhyNoTransactions(hello).Should().BeNull();
    }

    [Fact]
    public void A_mongos_router_runs_transactions()
    {
        var hello = BsonDocument.Parse("{ isWritablePrimary: true, msg: 'isdbgrid', maxWireVersion: 25, ok: 1 }");

        MongoDeployment.WhyNoTransactions(hello).Should().BeNull();
    }

    [Fact]
    public void A_standalone_server_is_refused_with_how_to_make_it_a_replica_set()
    {
        var hello = BsonDocument.Parse("{ isWritablePrimary: true, maxBsonObjectSize: 16777216, maxWireVersion: 25, ok: 1 }");

        MongoDeployment.WhyNoTransactions(hello).Should().Contain("standalone").And.Contain("--replSet").And.Contain("rs.initiate()");
    }
}
