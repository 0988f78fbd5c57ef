namespace AutoRfpHex.TestHost;

/// <summary>One host shared by the tests of a class (xunit class fixture); tests isolate themselves by organization.</summary>
public sealed class ServiceHostFixture : IDisposable
{
    public ServiceHost Host { get; } = new();

    public void Dispose() => Host.Dispose();
}
