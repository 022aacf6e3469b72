using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Tests;

/// <summary>
/// The metadata references a net10.0 ASP.NET Core app compiles against: the SDK's reference packs
/// (Microsoft.NETCore.App.Ref and Microsoft.AspNetCore.App.Ref, highest 10.x installed) plus the
/// built CorsGen.dll.
/// </summary>
internal static class ReferenceAssemblies
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Lazy = new(Load);

    public static ImmutableArray<MetadataReference> Net10AspNetCore => Lazy.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // typeof(object) lives in <root>/shared/Microsoft.NETCore.App/10.0.x/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));

        var files = RefDlls(dotnetRoot, "Microsoft.NETCore.App.Ref")
            .Concat(RefDlls(dotnetRoot, "Microsoft.AspNetCore.App.Ref"))
            .Append(typeof(AllowOriginsAttribute).Assembly.Location);

        return [.. files.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    private static IEnumerable<string> RefDlls(string dotnetRoot, string pack)
    {
        var packDir = Path.Combine(dotnetRoot, "packs", pack);
        var version = Directory.Exists(packDir)
            ? Directory.GetDirectories(packDir)
                .Select(Path.GetFileName)
                .Where(name => name!.StartsWith("10.", StringComparison.Ordinal))
                .OrderBy(name => Version.Parse(name!.Split('-')[0]))
                .ThenBy(name => !name!.Contains('-')) // a release sorts after its previews
                .LastOrDefault()
            : null;
        if (version is null)
        {
            throw new InvalidOperationException($"No 10.x reference pack under {packDir} (dotnet root from {typeof(object).Assembly.Location}).");
        }

        var refDir = Path.Combine(packDir, version, "ref", "net10.0");
        var dlls = Directory.GetFiles(refDir, "*.dll");
        if (dlls.Length == 0)
        {
            throw new InvalidOperationException($"No reference assemblies in {refDir}.");
        }

        return dlls;
    }
}
