using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Resources;
using MongoDB.Bson;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

public sealed class CreationOrderKeysetRenderingTests
{
    [Fact]
    public void A_position_is_the_creation_time_in_milliseconds_and_the_id()
    {
        var resource = new BsonDocument { { "created", new BsonDateTime(new DateTime(2026, 3, 2, 9, 30, 1, 250, DateTimeKind.Utc)) }, { "resourceId", "u-1" } };

        CreationOrderKeyset.PositionOf(resource).Should().Be(new ScimSortPosition("2026-03-02T09:30:01.250Z", "u-1"));
    }

    [Fact]
    public void Forward_reads_later_creations_and_later_ids_of_the_same_time()
    {
        CreationOrderKeyset.After(new ScimSortPosition("2026-03-02T09:30:01.250Z", "u-1"), forward: true).Render().ShouldRenderAs("""
            { $or: [ { created: { $gt: ISODate('2026-03-02T09:30:01.250Z') } },
                     { created: ISODate('2026-03-02T09:30:01.250Z'), resourceId: { $gt: 'u-1' } } ] }
            """);
        CreationOrderKeyset.Order(forward: true).Render().ShouldRenderAs("{ created: 1, resourceId: 1 }");
    }

    [Fact]
    public void Backward_reads_earlier_ones_in_reverse_order()
    {
        CreationOrderKeyset.After(new ScimSortPosition("2026-03-02T09:30:01.250Z", "u-1"), forward: false).Render().ShouldRenderAs("""
            { $or: [ { created: { $lt: ISODate('2026-03-02T09:30:01.250Z') } },
                     { created: ISODate('2026-03-02T09:30:01.250Z'), resourceId: { $lt: 'u-1' } } ] }
            """);
        CreationOrderKeyset.Order(forward: false).Render().ShouldRenderAs("{ created: -1, resourceId: -1 }");
    }

    public static TheoryData<object?> ForgedKeys => new() { null, 42.0, true, "", "zzz", "\u0000" };

    [Theory]
    [MemberData(nameof(ForgedKeys))]
    public void A_forged_key_sorts_before_every_resource(object? key)
    {
        CreationOrderKeyset.After(new ScimSortPosition(key, "x"), forward: true).Render().ShouldRenderAs("{ }");
        CreationOrderKeyset.After(new ScimSortPosition(key, "x"), forward: false).Render().ShouldRenderAs("{ _id: { $exists: false } }");
    }
}
