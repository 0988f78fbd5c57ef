using AutoRfpHex.Adapters.Mongo.Filtering;
using AutoRfpHex.Adapters.Mongo.Scim;
using AutoRfpHex.Core.Scim.Filtering;
using AutoRfpHex.Core.Scim.Resources;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>The registered translation turns what it cannot send to MongoDB into the client's error.</summary>
public sealed class MongoScimQueryTranslationTests
{
    [Fact]
    public void A_filter_value_MongoDB_cannot_carry_is_a_400_invalidFilter()
    {
        // The Core parser refuses this text; a filter built otherwise (or a future parser) must still not reach MongoDB.
        var filter = new ComparisonFilter(new AttributePath(null, "userName"), ComparisonOperator.Contains, System.Text.Json.Nodes.JsonValue.Create("\uD800"));

        var translate = () => new MongoScimQueryTranslation().Filter(ScimResourceType.User, filter, new Dictionary<MongoLookup, IReadOnlyCollection<string>>());

        translate.Should().Throw<Core.Scim.ScimException>().Which.ScimType.Should().Be("invalidFilter");
    }
}
