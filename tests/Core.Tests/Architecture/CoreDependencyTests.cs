using System.Reflection;
using AutoRfpHex.Core.Tenancy;

namespace AutoRfpHex.Core.Tests.Architecture;

public sealed class CoreDependencyTests
{
    private static readonly Assembly Core = typeof(Tenant).Assembly;

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("MongoDB")]
    [InlineData("BCrypt")]
    [InlineData("Microsoft.Data.Sqlite")]
    [InlineData("Microsoft.IdentityModel")]
    [InlineData("Microsoft.Extensions")]
    public void Core_references_no_framework_assembly(string forbiddenPrefix)
    {
        Core.GetReferencedAssemblies()
            .Select(a => a.Name)
            .Should().NotContain(name => name != null && name.StartsWith(forbiddenPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Core_references_only_the_base_class_library()
    {
        var allowed = new[] { "System", "netstandard", "mscorlib" };
        Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Should().OnlyContain(name => allowed.Any(p => name == p || name.StartsWith(p + ".", StringComparison.Ordinal)));
    }

    [Fact]
    public void Core_project_file_has_no_package_or_project_references()
    {
        var csproj = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Core", "Core.csproj"));
        csproj.Should().NotContain("PackageReference").And.NotContain("ProjectReference").And.NotContain("FrameworkReference");
    }

    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AutoRfpHex.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("AutoRfpHex.sln not found above " + AppContext.BaseDirectory);
    }
}
