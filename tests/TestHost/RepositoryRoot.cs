namespace AutoRfpHex.TestHost;

/// <summary>The checkout the tests were built from: the nearest directory above the test binaries holding AutoRfpHex.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "AutoRfpHex.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AutoRfpHex.sln not found above " + AppContext.BaseDirectory);
    }
}
