using System.Text;
using BenchmarkDotNet.Attributes;
using CorsGen.Generators;
using CorsGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators.Benchmarks;

/// <summary>
/// Generator cost on a synthetic project of N endpoint classes with 5 CORS routes each: a cold run
/// (first build, every class generated) and an incremental run after an edit that touches no CORS
/// attribute or route (every output cached).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warmDriver = null!;
    private CSharpCompilation _edited = null!;

    [Params(100, 1000, 5000)]
    public int EndpointClasses { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest);
        var trees = Enumerable.Range(0, EndpointClasses)
            .Select(i => CSharpSyntaxTree.ParseText(EndpointClass(i), parseOptions, path: $"Endpoints{i}.cs"))
            .ToList();
        _compilation = CSharpCompilation.Create(
            "Synthetic",
            trees,
            ReferenceAssemblies.Net10AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        _warmDriver = NewDriver().RunGenerators(_compilation);
        var first = trees[0];
        var editedText = first.GetText().ToString().Replace("=> \"a\"", "=> \"changed\"");
        _edited = _compilation.ReplaceSyntaxTree(first, CSharpSyntaxTree.ParseText(editedText, parseOptions, path: first.FilePath));

        var generated = _warmDriver.GetRunResult().GeneratedTrees.Length;
        if (generated != EndpointClasses)
        {
            throw new InvalidOperationException($"Expected {EndpointClasses} generated files, got {generated}.");
        }
    }

    [Benchmark]
    public GeneratorDriver ColdRun() => NewDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver IncrementalRunAfterHandlerEdit() => _warmDriver.RunGenerators(_edited);

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(
            [new CorsGenerator().AsSourceGenerator()],
            parseOptions: CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest));

    private static string EndpointClass(int i)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using CorsGen;");
        sb.AppendLine("namespace Synthetic;");
        sb.AppendLine($"[AllowOrigins(\"https://app{i}.example.com\", \"https://*.tenant{i}.example.com\")]");
        sb.AppendLine("[AllowHeaders(\"X-Api-Key\")]");
        sb.AppendLine($"public static partial class Endpoints{i}");
        sb.AppendLine("{");
        sb.AppendLine($"    [MapGet(\"/r{i}\")] public static string Get() => \"a\";");
        sb.AppendLine($"    [MapPost(\"/r{i}\")] public static string Post() => \"b\";");
        sb.AppendLine($"    [MapPut(\"/r{i}/{{id}}\")] public static string Put(int id) => \"c\";");
        sb.AppendLine($"    [MapDelete(\"/r{i}/{{id}}\")] public static string Delete(int id) => \"d\";");
        sb.AppendLine($"    [MapPatch(\"/r{i}/{{id}}\"), AllowCredentials] public static string Patch(int id) => \"e\";");
        sb.AppendLine("}");
        return sb.ToString();
    }
}
