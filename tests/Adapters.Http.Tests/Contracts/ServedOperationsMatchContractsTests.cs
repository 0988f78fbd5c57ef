using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AutoRfpHex.TestHost;
using AutoRfpHex.TestHost.Assertions;
using AutoRfpHex.TestHost.Http;
using NSwag;

namespace AutoRfpHex.Adapters.Http.Tests.Contracts;

/// <summary>
/// The code serves exactly the operations the contracts declare, and secures every operation they secure: the
/// running app's own description (Swashbuckle, from the controllers and their [Authorize]) against contracts/*.yaml.
/// </summary>
public sealed partial class ServedOperationsMatchContractsTests(ServiceHostFixture fixture) : IClassFixture<ServiceHostFixture>
{
    private static readonly string[] Contracts = ["scim", "admin", "oauth"];

    [Fact]
    public async Task The_served_operations_are_exactly_the_contract_operations()
    {
        var contract = await ContractOperationsAsync();
        var served = await ServedOperationsAsync();

        var undeclared = served.Keys.Except(contract.Keys).Order().ToArray();
        var missing = contract.Keys.Except(served.Keys).Order().ToArray();
        undeclared.Should().BeEmpty("the app serves nothing the contracts do not declare: {0}", string.Join(", ", undeclared));
        missing.Should().BeEmpty("the app serves every operation the contracts declare: {0}", string.Join(", ", missing));
    }

    [Fact]
    public async Task Every_operation_the_contracts_secure_is_secured_in_the_served_description()
    {
        var contract = await ContractOperationsAsync();
        var served = await ServedOperationsAsync();

        var securedInContract = contract.Where(o => o.Value).Select(o => o.Key).ToArray();
        securedInContract.Should().NotBeEmpty();
        var unsecured = securedInContract.Where(o => served.TryGetValue(o, out var secured) && !secured).Order().ToArray();
        unsecured.Should().BeEmpty(
            "every operation the contract secures must require authorization in the served description, but {0} of {1} do not: {2}",
            unsecured.Length, securedInContract.Length, string.Join(", ", unsecured));
        var publicInContract = contract.Where(o => !o.Value).Select(o => o.Key).ToArray();
        publicInContract.Should().Contain(["GET /.well-known/oauth-authorization-server", "GET /oauth/jwks"]);
    }

    /// <summary>"METHOD /path/{}" of every contract operation, and whether the contract requires a credential for it.</summary>
    private static async Task<Dictionary<string, bool>> ContractOperationsAsync()
    {
        var operations = new Dictionary<string, bool>();
        foreach (var name in Contracts)
        {
            var yaml = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "contracts", name + ".yaml"));
            var document = await OpenApiYamlDocument.FromYamlAsync(yaml);
            foreach (var (path, item) in document.Paths)
            {
                foreach (var (method, operation) in item)
                {
                    var requirements = operation.Security ?? document.Security;
                    var secured = requirements is { Count: > 0 } && requirements.All(r => r.Count > 0);
                    operations.Add(Key(method, path), secured);
                }
            }
        }

        return operations;
    }

    /// <summary>The same, from the running app's Swashbuckle description.</summary>
    private async Task<Dictionary<string, bool>> ServedOperationsAsync()
    {
        using var anonymous = fixture.Host.CreateHttpClient();
        using var response = await anonymous.GetAsync("openapi/served.json");
        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
        var document = await response.ReadJsonObjectAsync();
        var operations = new Dictionary<string, bool>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(p => HttpMethods.Contains(p.Key)))
            {
                var requirements = operation!["security"] as JsonArray ?? document["security"] as JsonArray;
                var secured = requirements is { Count: > 0 } && requirements.All(r => r is JsonObject { Count: > 0 });
                operations.Add(Key(method, path), secured);
            }
        }

        return operations;
    }

    private static readonly HashSet<string> HttpMethods = new(StringComparer.OrdinalIgnoreCase) { "get", "put", "post", "delete", "patch", "head", "options", "trace" };

    private static string Key(string method, string path) => $"{method.ToUpperInvariant()} {PathParameter().Replace(path, "{}")}";

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();
}
