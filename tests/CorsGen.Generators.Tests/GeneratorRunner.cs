using SurfaceFile = CorsGen.Generators.Surface.CorsSurface;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Generators.Tests;

/// <summary>One run of the generator: the input, the updated compilation and the driver's results.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    ImmutableArray<Diagnostic> DriverDiagnostics)
{
    private readonly Lazy<ImmutableArray<Diagnostic>> _analyzerDiagnostics = new(() => GeneratorRunner.Analyze(Output));

    /// <summary>What CorsGen's analyzers report on the compilation after generation, as in a build.</summary>
    public ImmutableArray<Diagnostic> AnalyzerDiagnostics => _analyzerDiagnostics.Value;

    /// <summary>Everything CorsGen reports: the generator's diagnostics and its analyzers'.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => DriverDiagnostics.AddRange(AnalyzerDiagnostics);

    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    public ImmutableArray<GeneratedSourceResult> Sources => Result.GeneratedSources;

    public string SourceText(string hintName)
    {
        foreach (var source in Sources)
        {
            if (source.HintName == hintName)
            {
                return source.SourceText.ToString();
            }
        }

        throw new Xunit.Sdk.XunitException(
            $"No generated source '{hintName}'; generated: [{string.Join(", ", Sources.Select(s => s.HintName))}]");
    }
}

/// <summary>Builds compilations like a net10.0 web project's and runs <see cref="CorsGenerator"/> on them.</summary>
internal static class GeneratorRunner
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999)
        // The SDK's default NoWarn (assembly unification notes).
        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    public static SyntaxTree Parse(string source, string path) =>
        CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), ParseOptions, path);

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserApp",
            sources.Select((source, i) => Parse(source, $"/src/Input{i}.cs")),
            ReferenceAssemblies.Net10AspNetCore,
            CompilationOptions);

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            [new CorsGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>
    /// Runs CorsGen's analyzers (they, not the generator, report attribute problems) and fails if one
    /// throws, which a build would only show as warning AD0001.
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
    {
        var crashes = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => { lock (crashes) crashes.Add($"{analyzer}: {exception}"); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers([new CorsAttributeAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync()
            .GetAwaiter()
            .GetResult();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes));
        return diagnostics;
    }

    /// <summary>
    /// The CORS surface text of <paramref name="input"/>: what a build with -p:CorsGenUpdateSurface=true has the
    /// generator emit (CorsSurface.g.cs) and CorsGen.targets cuts out of it between the markers.
    /// </summary>
    public static string Surface(Compilation input)
    {
        var driver = CSharpGeneratorDriver.Create(
            [new CorsGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            optionsProvider: new BuildProperties([("CorsGenUpdateSurface", "true")]));
        var source = driver.RunGenerators(input).GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName == SurfaceFile.HintName).SourceText.ToString();
        var start = source.IndexOf(SurfaceFile.StartMarker, StringComparison.Ordinal) + SurfaceFile.StartMarker.Length + 1;
        var end = source.IndexOf(SurfaceFile.EndMarker, StringComparison.Ordinal);
        return source[start..end].Replace("*\\/", "*/", StringComparison.Ordinal);
    }

    /// <summary>Runs the generator; pass the previous run's driver to run incrementally.</summary>
    public static GeneratorRun Run(CSharpCompilation input, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        return new GeneratorRun(input, output, driver, diagnostics);
    }

    /// <summary>
    /// Runs the generator on code that must be clean: the input compiles without errors or warnings,
    /// the generator does not throw, and neither the generator, the whole compilation after
    /// generation nor CorsGen's analyzers report an error or a warning.
    /// </summary>
    public static GeneratorRun RunClean(params string[] sources)
    {
        var input = CreateCompilation(sources);
        AssertNoProblems("The input (before generation)", input.GetDiagnostics());

        var run = Run(input);
        AssertGeneratorDidNotThrow(run);
        AssertNoProblems("The generator's diagnostics", run.DriverDiagnostics);
        AssertNoProblems("The compilation after generation", run.Output.GetDiagnostics());
        AssertNoProblems("CorsGen's analyzers", run.AnalyzerDiagnostics);
        return run;
    }

    public static void AssertGeneratorDidNotThrow(GeneratorRun run)
    {
        // CS8784: the generator failed to initialize; CS8785: it threw while generating.
        var crashes = run.DriverDiagnostics.Where(d => d.Id is "CS8784" or "CS8785").ToList();
        if (crashes.Count > 0 || run.Result.Exception is not null)
        {
            Assert.Fail($"The generator threw: {run.Result.Exception}\n{Format(crashes)}");
        }
    }

    public static void AssertNoProblems(string what, IEnumerable<Diagnostic> diagnostics)
    {
        var problems = diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning)
            .ToList();
        if (problems.Count > 0)
        {
            Assert.Fail($"{what} has {problems.Count} error(s)/warning(s):\n{Format(problems)}");
        }
    }

    public static string Format(IEnumerable<Diagnostic> diagnostics) =>
        string.Join("\n", diagnostics.Select(Format));

    /// <summary>"path(line,col): severity ID: message" and the source lines around it.</summary>
    public static string Format(Diagnostic d)
    {
        var result = new StringBuilder(d.ToString());
        if (d.Location.IsInSource)
        {
            var lines = d.Location.SourceTree!.GetText().Lines;
            var at = d.Location.GetLineSpan().StartLinePosition.Line;
            for (var i = Math.Max(0, at - 3); i <= Math.Min(lines.Count - 1, at + 3); i++)
            {
                result.Append($"\n    {(i == at ? ">" : " ")}{i + 1,4} | {lines[i]}");
            }
        }

        return result.ToString();
    }
}
