using AutoRfpHex.Persistence.ContractTests;
using AutoRfpHex.Persistence.ContractTests.Credentials;
using AutoRfpHex.Persistence.ContractTests.Scim;
using AutoRfpHex.Persistence.ContractTests.Support;

using AutoRfpHex.Adapters.Mongo.Tests.Server;

namespace AutoRfpHex.Adapters.Mongo.Tests.Contract;

// The persistence contract, run against the MongoDB adapter: a fresh database per test on the test server
// (MONGODB_URI or Testcontainers); with no server every test here is reported skipped with the reason.

public sealed class MongoOrganizationStoreTests : OrganizationStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoUserAccountStoreTests : UserAccountStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoProvisioningLogTests : ProvisioningLogContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoOAuthClientStoreTests : OAuthClientStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoClientSecretStoreTests : ClientSecretStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoSigningKeyStoreTests : SigningKeyStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoScimResourceStoreTests : ScimResourceStoreContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoScimUniquenessTests : ScimUniquenessContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoMembershipTests : MembershipContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoScimTenancyTests : ScimTenancyContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoFilterTranslationTests : FilterTranslationContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoQueryPagingAndSortTests : QueryPagingAndSortContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoMembershipLifecycleTests : MembershipLifecycleContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoQueryKeysetTests : QueryKeysetContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoLargeGroupTests : LargeGroupContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoActiveAdminTests : ActiveAdminContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoUnchangedUpdateTests : UnchangedUpdateContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}

public sealed class MongoFilterDifferentialTests : FilterDifferentialContract, IRequiresMongoServer
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => MongoTestStore.CreateAsync(time);
}
