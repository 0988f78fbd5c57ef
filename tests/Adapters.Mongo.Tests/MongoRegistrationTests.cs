using AutoRfpHex.Adapters.Mongo;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Adapters.Mongo.Tests;

public sealed class MongoRegistrationTests
{
    [Fact]
    public void Choosing_mongo_before_the_adapter_exists_is_a_clear_start_up_error()
    {
        var act = () => new ServiceCollection().AddMongoStorage("mongodb://127.0.0.1:27017", "autorfphex");

        act.Should().Throw<InvalidOperationException>().WithMessage("*Storage:Provider=mongo*embedded*");
    }
}
