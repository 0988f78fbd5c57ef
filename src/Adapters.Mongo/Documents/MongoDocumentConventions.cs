using MongoDB.Bson.Serialization.Conventions;

namespace AutoRfpHex.Adapters.Mongo.Documents;

/// <summary>
/// Conventions for this adapter's document classes only (registered once per process): enums as their names, so stored
/// documents stay readable and an enum reordering never changes meaning; unknown elements ignored, so a newer version's
/// extra fields never break an older instance during a rolling deploy.
/// </summary>
internal static class MongoDocumentConventions
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        var pack = new ConventionPack { new EnumRepresentationConvention(MongoDB.Bson.BsonType.String), new IgnoreExtraElementsConvention(true) };
        ConventionRegistry.Register("AutoRfpHex.Adapters.Mongo.Documents", pack,
            type => type.Namespace?.StartsWith("AutoRfpHex.Adapters.Mongo", StringComparison.Ordinal) == true);
        return true;
    });

    public static void EnsureRegistered() => _ = Registered.Value;
}
