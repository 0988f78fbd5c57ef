using System.Reflection;
using AutoRfpHex.Adapters.Mongo.Tests.Server;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("AutoRfpHex.Adapters.Mongo.Tests.Server.MongoTestFramework", "AutoRfpHex.Adapters.Mongo.Tests")]

namespace AutoRfpHex.Adapters.Mongo.Tests.Server;

/// <summary>
/// xunit's own framework, except that with no MongoDB server every test of an <see cref="IRequiresMongoServer"/> class
/// is discovered as one skipped test carrying the reason. The contract's attributes stay plain [Fact]/[Theory], so the
/// SQLite suites are untouched; only this assembly uses the framework.
/// </summary>
public sealed class MongoTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new MongoTestFrameworkDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new MongoTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}

internal sealed class MongoTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
{
    /// <summary>
    /// Says once, in the run's output (xunit.runner.json turns diagnostic messages on), why the server-backed tests are
    /// skipped: the console logger lists skipped tests without their reason.
    /// </summary>
    protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        if (MongoTestServer.UnavailableReason is { } reason)
        {
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage($"MongoDB contract tests skipped: {reason}"));
        }

        base.RunTestCases(testCases, executionMessageSink, executionOptions);
    }

    protected override ITestFrameworkDiscoverer CreateDiscoverer() =>
        new MongoTestFrameworkDiscoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);
}

internal sealed class MongoTestFrameworkDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
{
    protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
    {
        var needsServer = typeof(IRequiresMongoServer).IsAssignableFrom(testMethod.TestClass.Class.ToRuntimeType());
        if (!needsServer || MongoTestServer.UnavailableReason is not { } reason
            || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
        {
            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        }

        var skipped = new SkippedForNoServerTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
        return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
    }
}

/// <summary>A test that is reported skipped with the reason no server was found (a theory counts as one test).</summary>
public sealed class SkippedForNoServerTestCase : XunitTestCase
{
    private string reason = string.Empty;

    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedForNoServerTestCase()
    {
    }

    public SkippedForNoServerTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string reason)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        this.reason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => reason;

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("NoServerReason", reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        reason = data.GetValue<string>("NoServerReason");
        base.Deserialize(data);
    }
}
