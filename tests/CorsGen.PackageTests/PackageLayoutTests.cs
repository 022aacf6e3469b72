using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>The .nupkg that <c>dotnet pack src/CorsGen</c> writes, opened as the zip file it is.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests(PackageFixture package)
{
    private static readonly string[] LibraryFrameworks = ["net8.0", "net10.0", "net11.0"];
    private static readonly string[] AnalyzerAssemblies = ["CorsGen.Generators.dll", "CorsGen.CodeFixes.dll"];

    [Fact]
    public void Package_is_named_after_the_version_of_Directory_Build_props()
    {
        Assert.Equal($"{PackageFixture.PackageId}.{package.Version}.nupkg", Path.GetFileName(package.PackagePath));
        Assert.Equal(package.Version, Metadata("version").Value);
        Assert.Equal(PackageFixture.PackageId, Metadata("id").Value);
    }

    [Fact]
    public void Package_holds_the_library_per_framework_the_analyzers_and_the_readme_and_nothing_else()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(name => !IsPackagingPart(name))
            .Order(StringComparer.Ordinal)
            .ToList();

        var expected = LibraryFrameworks
            .SelectMany(tfm => new[] { $"lib/{tfm}/CorsGen.dll", $"lib/{tfm}/CorsGen.xml" })
            .Concat(AnalyzerAssemblies.Select(name => "analyzers/dotnet/cs/" + name))
            .Append("README.md")
            .Append("build/CorsGen.props")
            .Append("buildTransitive/CorsGen.props")
            .Append("build/CorsGen.targets")
            .Append("buildTransitive/CorsGen.targets")
            .Append("CorsGen.nuspec")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, files);

        // The package readme is the repository's README.
        Assert.Equal(File.ReadAllBytes(Path.Combine(PackageFixture.RepoRoot, "README.md")), ReadEntry(zip, "README.md"));

        // The build props hand the trimming/AOT switches to the generator, for direct and transitive users.
        var props = System.Text.Encoding.UTF8.GetString(ReadEntry(zip, "build/CorsGen.props"));
        foreach (var property in new[] { "CorsGenRequestDelegates", "EnableRequestDelegateGenerator", "PublishAot", "PublishTrimmed", "CorsGenUpdateSurface" })
        {
            Assert.Contains($"<CompilerVisibleProperty Include=\"{property}\" />", props);
        }

        Assert.Equal(ReadEntry(zip, "build/CorsGen.props"), ReadEntry(zip, "buildTransitive/CorsGen.props"));
        // The build targets write CorsSurface.txt for -p:CorsGenUpdateSurface=true (SurfaceConsumerTests).
        Assert.Equal(ReadEntry(zip, "build/CorsGen.targets"), ReadEntry(zip, "buildTransitive/CorsGen.targets"));
    }

    [Fact]
    public void Nuspec_has_license_readme_tags_repository_and_no_package_dependency()
    {
        Assert.Equal("expression", Metadata("license").Attribute("type")?.Value);
        Assert.Equal("MIT", Metadata("license").Value);
        Assert.Equal("README.md", Metadata("readme").Value);
        Assert.Contains("cors", Metadata("tags").Value.Split(' '));
        Assert.Contains("source-generator", Metadata("tags").Value.Split(' '));
        Assert.False(string.IsNullOrWhiteSpace(Metadata("description").Value));

        var repository = Metadata("repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value);

        // One empty dependency group per framework: nothing but the shared framework reaches consumers.
        var groups = Metadata("dependencies").Elements().ToList();
        Assert.Equal(LibraryFrameworks.Order(StringComparer.Ordinal), groups.Select(g => g.Attribute("targetFramework")?.Value).Order(StringComparer.Ordinal));
        Assert.All(groups, group => Assert.Empty(group.Elements()));
        Assert.DoesNotContain(Metadata("dependencies").Descendants(), e => e.Name.LocalName == "dependency");

        var frameworkReferences = Metadata("frameworkReferences").Descendants()
            .Where(e => e.Name.LocalName == "frameworkReference")
            .Select(e => e.Attribute("name")?.Value)
            .Distinct()
            .ToList();
        Assert.Equal(["Microsoft.AspNetCore.App"], frameworkReferences);
    }

    /// <summary>lib/net11.0 is compiled with NET11_0_OR_GREATER (SDK 10 does not define it: Directory.Build.targets does).</summary>
    [Theory]
    [InlineData("net10.0", false)]
    [InlineData("net11.0", true)]
    public void Only_the_net11_library_decorates_the_cross_origin_protection(string folder, bool decorates)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var pe = new PEReader(new MemoryStream(ReadEntry(zip, $"lib/{folder}/CorsGen.dll")));
        var reader = pe.GetMetadataReader();
        var types = reader.TypeDefinitions.Select(t => reader.GetString(reader.GetTypeDefinition(t).Name)).ToList();

        Assert.Equal(decorates, types.Contains("CorsGenCsrfProtection"));
    }

    [Theory]
    [InlineData("net8.0", ".NETCoreApp,Version=v8.0")]
    [InlineData("net10.0", ".NETCoreApp,Version=v10.0")]
    [InlineData("net11.0", ".NETCoreApp,Version=v11.0")]
    public void Library_is_built_for_its_folder_trimmable_and_documented(string folder, string targetFramework)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var pe = new PEReader(new MemoryStream(ReadEntry(zip, $"lib/{folder}/CorsGen.dll")));
        var reader = pe.GetMetadataReader();

        var attributes = AssemblyAttributes(reader);
        Assert.Contains(("System.Runtime.Versioning.TargetFrameworkAttribute", targetFramework), attributes);
        // IsTrimmable/IsAotCompatible mark the assembly so the trimmer analyzes it instead of keeping it whole.
        Assert.Contains(("System.Reflection.AssemblyMetadataAttribute", "IsTrimmable"), attributes);
        Assert.Equal(package.Version.Split('-', '+')[0], reader.GetAssemblyDefinition().Version.ToString(3));

        // The library references the framework only, never Roslyn.
        var references = AssemblyReferences(reader);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        // XML documentation for IntelliSense, matching the assembly.
        var docs = XDocument.Load(new MemoryStream(ReadEntry(zip, $"lib/{folder}/CorsGen.xml")));
        Assert.Equal("CorsGen", docs.Root?.Element("assembly")?.Element("name")?.Value);
        var members = docs.Descendants("member").Select(m => m.Attribute("name")?.Value).ToList();
        Assert.Contains("T:CorsGen.AllowOriginsAttribute", members);
        Assert.Contains("T:CorsGen.MapGetAttribute", members);
        Assert.Contains("T:CorsGen.CorsGenOptions", members);
    }

    [Fact]
    public void Generator_assembly_holds_the_generator_and_the_analyzers_and_loads_in_the_command_line_compiler()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var pe = new PEReader(new MemoryStream(ReadEntry(zip, "analyzers/dotnet/cs/CorsGen.Generators.dll")));
        var reader = pe.GetMetadataReader();

        var typeAttributes = TypeAttributes(reader);
        Assert.Contains(typeAttributes, t => t.Attribute == "Microsoft.CodeAnalysis.GeneratorAttribute");
        Assert.Contains(typeAttributes, t => t.Attribute == "Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerAttribute");

        // csc loads no Workspaces assembly: a generator or analyzer referencing it fails to load in dotnet build (RS1038).
        var references = AssemblyReferences(reader);
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.CodeAnalysis.CSharp.Workspaces", StringComparison.Ordinal));
        AssertNetStandard20(reader);
    }

    [Fact]
    public void Code_fix_assembly_holds_code_fix_providers_next_to_the_generator_assembly_it_uses()
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        using var pe = new PEReader(new MemoryStream(ReadEntry(zip, "analyzers/dotnet/cs/CorsGen.CodeFixes.dll")));
        var reader = pe.GetMetadataReader();

        var providers = TypeAttributes(reader)
            .Where(t => t.Attribute == "Microsoft.CodeAnalysis.CodeFixes.ExportCodeFixProviderAttribute")
            .Select(t => t.Type)
            .ToList();
        Assert.NotEmpty(providers);

        // The fixes reuse the generator assembly's parser and normalizer: it sits in the same folder.
        Assert.Contains("CorsGen.Generators", AssemblyReferences(reader));
        Assert.NotNull(zip.GetEntry("analyzers/dotnet/cs/CorsGen.Generators.dll"));
        AssertNetStandard20(reader);
    }

    private XElement Metadata(string name)
    {
        using var zip = ZipFile.OpenRead(package.PackagePath);
        var nuspec = XDocument.Load(new MemoryStream(ReadEntry(zip, "CorsGen.nuspec")));
        var metadata = nuspec.Root?.Elements().Single(e => e.Name.LocalName == "metadata")
            ?? throw new InvalidOperationException("The nuspec has no metadata.");
        return metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)
            ?? throw new Xunit.Sdk.XunitException($"The nuspec has no <{name}>:\n{nuspec}");
    }

    private static bool IsPackagingPart(string name) =>
        name is "[Content_Types].xml" || name.StartsWith("_rels/", StringComparison.Ordinal) || name.StartsWith("package/", StringComparison.Ordinal);

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"The package has no {name}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void AssertNetStandard20(MetadataReader reader) =>
        Assert.Contains(("System.Runtime.Versioning.TargetFrameworkAttribute", ".NETStandard,Version=v2.0"), AssemblyAttributes(reader));

    private static List<string> AssemblyReferences(MetadataReader reader) =>
        reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();

    /// <summary>Each assembly attribute's type and first string argument.</summary>
    private static List<(string Type, string? FirstArgument)> AssemblyAttributes(MetadataReader reader) =>
        reader.GetAssemblyDefinition().GetCustomAttributes()
            .Select(h => reader.GetCustomAttribute(h))
            .Select(a => (AttributeTypeName(reader, a), FirstStringArgument(reader, a)))
            .ToList();

    /// <summary>Each (type, attribute type) pair of the attributes on the assembly's type definitions.</summary>
    private static List<(string Type, string Attribute)> TypeAttributes(MetadataReader reader) =>
        reader.TypeDefinitions
            .Select(reader.GetTypeDefinition)
            .SelectMany(t => t.GetCustomAttributes().Select(h => (reader.GetString(t.Name), AttributeTypeName(reader, reader.GetCustomAttribute(h)))))
            .ToList();

    private static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => FullName(reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Namespace), reader.GetString(reader.GetTypeReference((TypeReferenceHandle)type).Name)),
            HandleKind.TypeDefinition => FullName(reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace), reader.GetString(reader.GetTypeDefinition((TypeDefinitionHandle)type).Name)),
            _ => "",
        };

        static string FullName(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>The first constructor argument when it is a string (blob: prolog 0x0001, then a SerString).</summary>
    private static string? FirstStringArgument(MetadataReader reader, CustomAttribute attribute)
    {
        var blob = reader.GetBlobReader(attribute.Value);
        if (blob.Length < 3 || blob.ReadUInt16() != 1)
        {
            return null;
        }

        try
        {
            return blob.ReadSerializedString();
        }
        catch (BadImageFormatException)
        {
            return null; // not a string argument
        }
    }
}
