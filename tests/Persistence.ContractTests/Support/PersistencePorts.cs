using AutoRfpHex.Core.Accounts;
using AutoRfpHex.Core.Credentials;
using AutoRfpHex.Core.Organizations;
using AutoRfpHex.Core.ProvisioningLog;
using AutoRfpHex.Core.Scim.Resources;
using Microsoft.Extensions.DependencyInjection;

namespace AutoRfpHex.Persistence.ContractTests.Support;

/// <summary>Every persistence port of one store, resolved from the adapter's own DI registration.</summary>
public sealed class PersistencePorts(IServiceProvider services, Func<ValueTask> release) : IAsyncDisposable
{
    /// <summary>The adapter's container, for adapter-specific tests (its start-up work, its own options).</summary>
    public IServiceProvider Services { get; } = services;

    public IOrganizationStore Organizations { get; } = services.GetRequiredService<IOrganizationStore>();

    public IScimResourceStore Resources { get; } = services.GetRequiredService<IScimResourceStore>();

    public IUserAccountStore Accounts { get; } = services.GetRequiredService<IUserAccountStore>();

    public IOAuthClientStore Clients { get; } = services.GetRequiredService<IOAuthClientStore>();

    public IClientSecretStore Secrets { get; } = services.GetRequiredService<IClientSecretStore>();

    public ISigningKeyStore SigningKeys { get; } = services.GetRequiredService<ISigningKeyStore>();

    public IProvisioningLog Log { get; } = services.GetRequiredService<IProvisioningLog>();

    public ValueTask DisposeAsync() => release();
}
