using AutoRfpHex.Persistence.ContractTests;
using AutoRfpHex.Persistence.ContractTests.Credentials;
using AutoRfpHex.Persistence.ContractTests.Scim;
using AutoRfpHex.Persistence.ContractTests.Support;

namespace AutoRfpHex.Adapters.Sqlite.Tests.Contract;

// The persistence contract, run against the SQLite adapter: a fresh temporary database file per test.

public sealed class SqliteOrganizationStoreTests : OrganizationStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteUserAccountStoreTests : UserAccountStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteProvisioningLogTests : ProvisioningLogContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteOAuthClientStoreTests : OAuthClientStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteClientSecretStoreTests : ClientSecretStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteSigningKeyStoreTests : SigningKeyStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteScimResourceStoreTests : ScimResourceStoreContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteScimUniquenessTests : ScimUniquenessContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteMembershipTests : MembershipContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteScimTenancyTests : ScimTenancyContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteFilterTranslationTests : FilterTranslationContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteQueryPagingAndSortTests : QueryPagingAndSortContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteMembershipLifecycleTests : MembershipLifecycleContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteQueryKeysetTests : QueryKeysetContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteLargeGroupTests : LargeGroupContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteActiveAdminTests : ActiveAdminContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteUnchangedUpdateTests : UnchangedUpdateContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}

public sealed class SqliteFilterDifferentialTests : FilterDifferentialContract
{
    protected override Task<PersistencePorts> CreateEmptyStoreAsync(TimeProvider time) => SqliteTestStore.CreateAsync(time);
}
