using System.Net;
using AutoRfpHex.Adapters.Mongo.Database;
using AutoRfpHex.Adapters.Mongo.Scim;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;

namespace AutoRfpHex.Adapters.Mongo.Tests.Rendering;

/// <summary>
/// A duplicate key error names the index in the server's message; the store maps that name to the SCIM attribute of the
/// 409 uniqueness. The names come from <see cref="MongoIndexes"/>, so a renamed index cannot silently become a 500.
/// </summary>
public sealed class DuplicateKeyMappingTests
{
    [Theory]
    [InlineData(MongoIndexes.UserNameIndex, "userName")]
    [InlineData(MongoIndexes.GroupDisplayNameIndex, "displayName")]
    [InlineData(MongoIndexes.ResourceIdIndex, "id")]
    public void A_duplicate_key_on_a_uniqueness_index_names_the_attribute_it_guards(string index, string attribute)
    {
        ScimUniqueness.ConflictOf(DuplicateKeyOn(index)).Should().Be(attribute);
    }

    [Fact]
    public void A_duplicate_key_on_another_index_or_another_error_is_no_uniqueness_conflict()
    {
        ScimUniqueness.ConflictOf(DuplicateKeyOn(MongoIndexes.UserNameIndex + "_old")).Should().BeNull();
        ScimUniqueness.ConflictOf(new TimeoutException()).Should().BeNull();
    }

    [Fact]
    public void The_index_names_used_for_the_mapping_are_the_names_the_indexes_are_created_with()
    {
        var names = MongoIndexes.All(new MongoStorageOptions("mongodb://127.0.0.1", "db")).Select(i => i.Model.Options.Name).ToList();

        names.Should().Contain([MongoIndexes.UserNameIndex, MongoIndexes.GroupDisplayNameIndex, MongoIndexes.ResourceIdIndex]);
    }

    /// <summary>The error as a server sends it for a findAndModify or a command (code 11000, the index in the message).</summary>
    private static MongoCommandException DuplicateKeyOn(string index)
    {
        var message = $"E11000 duplicate key error collection: autorfphex.scimResources index: {index} dup key: {{ org: \"a\" }}";
        var connection = new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));
        return new MongoCommandException(connection, message, new BsonDocument("insert", "scimResources"),
            new BsonDocument { { "ok", 0 }, { "code", 11000 }, { "codeName", "DuplicateKey" }, { "errmsg", message } });
    }
}
