using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Database;

/// <summary>
/// What the store needs of the server: multi-document transactions, which a standalone server refuses. Checked at start
/// from the server's <c>hello</c> answer, so a standalone server is a clear start-up error, not a failed first write.
/// </summary>
public static class MongoDeployment
{
    /// <returns>Null when the server can run transactions (a replica set member or a mongos router); else why not.</returns>
    public static string? WhyNoTransactions(BsonDocument hello) =>
        hello.Contains("setName") || hello.GetValue("msg", BsonNull.Value) == "isdbgrid"
            ? null
            : "MongoDB is a standalone server: the store needs a replica set (one node is enough) or a sharded cluster for its "
              + "multi-document transactions. Start mongod with --replSet rs0 and run rs.initiate() once, then connect with "
              + "?replicaSet=rs0 (Storage:Mongo:ConnectionString).";
}
