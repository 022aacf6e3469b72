using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// The metadata references of a net11.0 ASP.NET Core app: the 11.0.0 reference packs, restored by this
/// project's PackageDownload into the NuGet cache, plus the built CorsGen.dll.
/// </summary>
internal static class Net11References
{
    private const string Version = "11.0.0";

    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    public static ImmutableArray<MetadataReference> AspNetCore => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        var packages = typeof(Net11References).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;
        var files = new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" }
            .SelectMany(pack => Directory.GetFiles(Path.Combine(packages, pack, Version, "ref", "net11.0"), "*.dll"))
            .Append(typeof(AllowOriginsAttribute).Assembly.Location)
            .ToArray();
        if (!files.Any(f => f.EndsWith("Microsoft.AspNetCore.Http.Abstractions.dll", StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"No ASP.NET Core {Version} reference pack under {packages}.");
        }

        return [.. files.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
