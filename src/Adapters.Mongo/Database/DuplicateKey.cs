using MongoDB.Driver;

namespace AutoRfpHex.Adapters.Mongo.Database;

internal static class DuplicateKey
{
    /// <summary>True for a write refused by a unique index (error 11000), single or bulk.</summary>
    public static bool Is(Exception exception) => exception switch
    {
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoBulkWriteException bulk => bulk.WriteErrors.Any(error => error.Category == ServerErrorCategory.DuplicateKey),
        MongoCommandException command => command.Code == 11000,
        _ => false,
    };
}
