using System.Collections.Immutable;
using System.Text;
using CorsGen.Generators.Analyzers;
using CorsGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>One diagnostic a test expects: its ID at a span of the (markup-free) source.</summary>
internal readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>The outcome of one analyzer run.</summary>
internal sealed record AnalyzerRun(string Source, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilerDiagnostics)
{
    /// <summary>The analyzer diagnostics with the given ID.</summary>
    public Diagnostic[] WithId(string id) => [.. Diagnostics.Where(d => d.Id == id)];
}

/// <summary>
/// Compiles a source with markup against the net10 ASP.NET Core reference packs plus CorsGen.dll, runs
/// CorsGen's two analyzers (compilation-end actions included) and compares what they report with the
/// markup, by ID and exact span. The generator is not run.
/// </summary>
/// <remarks>
/// Markup: <c>{|CORSGEN003:text|}</c> expects CORSGEN003 exactly at <c>text</c>; <c>[|text|]</c> expects the
/// run's default ID there. Markup nests, so two diagnostics at one span are <c>{|A:{|B:text|}|}</c>.
/// Every diagnostic a run reports must be expected, and every expected one reported exactly once.
/// </remarks>
internal static class AnalyzerHarness
{
    public const string FilePath = "/src/Test0.cs";

    /// <summary>The severity each CorsGen ID must have, written down independently of DiagnosticDescriptors.cs.</summary>
    public static readonly IReadOnlyDictionary<string, DiagnosticSeverity> Severities = new Dictionary<string, DiagnosticSeverity>
    {
        ["CORSGEN001"] = DiagnosticSeverity.Warning,
        ["CORSGEN002"] = DiagnosticSeverity.Error,
        ["CORSGEN003"] = DiagnosticSeverity.Error,
        ["CORSGEN004"] = DiagnosticSeverity.Warning,
        ["CORSGEN005"] = DiagnosticSeverity.Error,
        ["CORSGEN006"] = DiagnosticSeverity.Warning,
        ["CORSGEN007"] = DiagnosticSeverity.Warning,
        ["CORSGEN008"] = DiagnosticSeverity.Error,
        ["CORSGEN009"] = DiagnosticSeverity.Error,
        ["CORSGEN010"] = DiagnosticSeverity.Error,
        ["CORSGEN011"] = DiagnosticSeverity.Warning,
        ["CORSGEN012"] = DiagnosticSeverity.Error,
        ["CORSGEN013"] = DiagnosticSeverity.Error,
        ["CORSGEN014"] = DiagnosticSeverity.Warning,
        ["CORSGEN015"] = DiagnosticSeverity.Warning,
        ["CORSGEN016"] = DiagnosticSeverity.Warning,
        ["CORSGEN017"] = DiagnosticSeverity.Warning,
        ["CORSGEN018"] = DiagnosticSeverity.Error,
        ["CORSGEN019"] = DiagnosticSeverity.Error,
        ["CORSGEN020"] = DiagnosticSeverity.Error,
        ["CORSGEN021"] = DiagnosticSeverity.Warning,
        ["CORSGEN022"] = DiagnosticSeverity.Info,
        ["CORSGEN023"] = DiagnosticSeverity.Warning,
        ["CORSGEN024"] = DiagnosticSeverity.Info,
        ["CORSGEN025"] = DiagnosticSeverity.Error,
        ["CORSGEN026"] = DiagnosticSeverity.Error,
        ["CORSGEN027"] = DiagnosticSeverity.Error,
        ["CORSGEN028"] = DiagnosticSeverity.Warning,
        ["CORSGEN029"] = DiagnosticSeverity.Error,
        ["CORSGEN030"] = DiagnosticSeverity.Warning,
        ["CORSGEN031"] = DiagnosticSeverity.Warning,
        ["CORSGEN035"] = DiagnosticSeverity.Warning,
        ["CORSGEN036"] = DiagnosticSeverity.Warning,
        ["CORSGEN037"] = DiagnosticSeverity.Warning,
        ["CORSGEN038"] = DiagnosticSeverity.Warning,
        ["CORSGEN039"] = DiagnosticSeverity.Warning,
        ["CORSGEN040"] = DiagnosticSeverity.Warning,
        ["CORSGEN041"] = DiagnosticSeverity.Warning,
        ["CORSGEN042"] = DiagnosticSeverity.Info,
        ["CORSGEN043"] = DiagnosticSeverity.Info,
        ["CORSGEN045"] = DiagnosticSeverity.Warning,
        ["CORSGEN046"] = DiagnosticSeverity.Info,
        ["CORSGEN047"] = DiagnosticSeverity.Warning,
        ["CORSGEN048"] = DiagnosticSeverity.Warning,
    };

    /// <summary>The global usings of a Microsoft.NET.Sdk.Web project, in a file analyzers treat as generated.</summary>
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    public static ImmutableArray<DiagnosticAnalyzer> CorsGenAnalyzers { get; } =
        [new CorsAttributeAnalyzer(), new AspNetCoreCorsAnalyzer(), new CrossOriginProtectionAnalyzer(), new CorsSurfaceAnalyzer()];

    /// <summary>
    /// <see cref="CorsGenAnalyzers"/> and the conversion analyzer (CORSGEN042/043), which the rule tests leave out: it
    /// reports on every <c>AddPolicy</c> of their sources. Its own tests are ConvertToCorsGenPolicyTests.
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = [.. CorsGenAnalyzers, new AspNetPolicyConversionAnalyzer()];

    /// <summary>
    /// Runs the analyzers on <paramref name="markup"/> and asserts they report exactly the marked
    /// diagnostics, each with the severity in <see cref="Severities"/>. The source must compile.
    /// </summary>
    public static Task<AnalyzerRun> VerifyAsync(string markup, string? defaultId = null) =>
        VerifyAsync(markup, defaultId, allowCompilerErrors: false, CorsGenAnalyzers);

    /// <summary>As <see cref="VerifyAsync(string, string?)"/>, for sources the C# compiler rejects too.</summary>
    public static Task<AnalyzerRun> VerifyBrokenAsync(string markup, string? defaultId = null) =>
        VerifyAsync(markup, defaultId, allowCompilerErrors: true, CorsGenAnalyzers);

    /// <summary>As <see cref="VerifyAsync(string, string?)"/>, with MSBuild properties visible to the analyzers (<c>build_property.X</c>).</summary>
    public static Task<AnalyzerRun> VerifyWithPropertiesAsync(string markup, string? defaultId, params (string Name, string Value)[] properties) =>
        VerifyAsync(markup, defaultId, allowCompilerErrors: false, CorsGenAnalyzers, properties);

    /// <summary>As <see cref="VerifyAsync(string, string?)"/>, compiled against ASP.NET Core 11 (net11.0) instead of 10.</summary>
    public static Task<AnalyzerRun> VerifyNet11Async(string markup, string? defaultId = null) =>
        VerifyAsync(markup, defaultId, allowCompilerErrors: false, CorsGenAnalyzers, references: Net11References.AspNetCore);

    internal static async Task<AnalyzerRun> VerifyAsync(
        string markup,
        string? defaultId,
        bool allowCompilerErrors,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        (string Name, string Value)[]? properties = null,
        ImmutableArray<MetadataReference>? references = null)
    {
        var (source, expected) = ParseMarkup(markup, defaultId);
        var run = await RunAsync(source, analyzers, properties, references);

        if (!allowCompilerErrors)
        {
            var errors = run.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The test source does not compile:\n" + Describe(errors, source));
        }

        var crashes = run.Diagnostics.Where(d => d.Id is "AD0001" or "AD0002").ToList();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + Describe(crashes, source));

        var (missing, unexpected) = Compare(run.Diagnostics, expected);
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var message = new StringBuilder();
            foreach (var e in missing)
            {
                message.AppendLine($"Missing:    {e.Id} at {e.Span} '{Slice(source, e.Span)}'");
            }

            foreach (var d in unexpected)
            {
                message.AppendLine($"Unexpected: {Describe([d], source)}");
            }

            message.AppendLine("All reported:").AppendLine(Describe(run.Diagnostics, source));
            Assert.Fail(message.ToString());
        }

        foreach (var diagnostic in run.Diagnostics)
        {
            Assert.True(Severities.TryGetValue(diagnostic.Id, out var severity), $"{diagnostic.Id} is not a known CorsGen ID.");
            Assert.True(diagnostic.Severity == severity, $"{diagnostic.Id} has severity {diagnostic.Severity}, expected {severity}.");
            Assert.Equal(
                "https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/" + diagnostic.Id + ".md",
                diagnostic.Descriptor.HelpLinkUri);
        }

        return run;
    }

    /// <summary>Matches reported diagnostics with the expected ones by ID and exact span in the test file: what was expected and not reported, and what was reported and not expected.</summary>
    public static (List<ExpectedDiagnostic> Missing, List<Diagnostic> Unexpected) Compare(IEnumerable<Diagnostic> reported, IReadOnlyCollection<ExpectedDiagnostic> expected)
    {
        var missing = new List<ExpectedDiagnostic>(expected);
        var unexpected = new List<Diagnostic>();
        foreach (var diagnostic in reported)
        {
            var match = diagnostic.Location.IsInSource && diagnostic.Location.SourceTree!.FilePath == FilePath
                ? missing.FindIndex(e => e.Id == diagnostic.Id && e.Span == diagnostic.Location.SourceSpan)
                : -1;
            if (match < 0)
            {
                unexpected.Add(diagnostic);
            }
            else
            {
                missing.RemoveAt(match);
            }
        }

        return (missing, unexpected);
    }

    /// <summary>Compiles <paramref name="source"/> (no markup) and runs <paramref name="analyzers"/> on it.</summary>
    public static async Task<AnalyzerRun> RunAsync(
        string source,
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        (string Name, string Value)[]? properties = null,
        ImmutableArray<MetadataReference>? references = null,
        ImmutableArray<AdditionalText>? additionalFiles = null)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(source, parseOptions, FilePath, Encoding.UTF8);
        var usings = CSharpSyntaxTree.ParseText(GlobalUsings, parseOptions, "/src/obj/GlobalUsings.g.cs", Encoding.UTF8);
        var hasTopLevelStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(
            hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create("TestApp", [tree, usings], references ?? ReferenceAssemblies.Net10AspNetCore, options);

        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles ?? [], new CorsGen.Generators.Tests.BuildProperties(properties ?? [])),
                onAnalyzerException: (exception, analyzer, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add($"{analyzer.GetType().Name}: {exception}");
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        // Analyzer diagnostics only, compilation-end actions included; the compiler's own come from the compilation.
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.True(exceptions.Count == 0, "An analyzer threw:\n" + string.Join("\n", exceptions));

        var compilerDiagnostics = compilation.GetDiagnostics();
        var ordered = analyzerDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        return new AnalyzerRun(source, ordered, compilerDiagnostics);
    }

    /// <summary>Strips <c>[|...|]</c> and <c>{|ID:...|}</c> markup, returning the source and the marked spans.</summary>
    public static (string Source, List<ExpectedDiagnostic> Expected) ParseMarkup(string markup, string? defaultId)
    {
        var source = new StringBuilder(markup.Length);
        var open = new Stack<(string Id, int Start)>();
        var expected = new List<ExpectedDiagnostic>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((defaultId ?? throw new ArgumentException("[|...|] markup needs a default ID."), source.Length));
                i++;
            }
            else if (Starts(markup, i, "{|") && TryReadId(markup, i + 2, out var id, out var end))
            {
                open.Push((id, source.Length));
                i = end;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new ArgumentException($"Unbalanced markup at {i}.");
                }

                var (openId, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(openId, TextSpan.FromBounds(start, source.Length)));
                i++;
            }
            else
            {
                source.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException("Unclosed markup.");
        }

        return (source.ToString(), expected);
    }

    public static string Describe(IEnumerable<Diagnostic> diagnostics, string source)
    {
        var lines = diagnostics.Select(d =>
        {
            var span = d.Location.SourceSpan;
            var where = d.Location.IsInSource && d.Location.SourceTree!.FilePath == FilePath
                ? $"{span} '{Slice(source, span)}'"
                : d.Location.ToString();
            return $"  {d.Id} ({d.Severity}) at {where}: {d.GetMessage()}";
        }).ToList();
        return lines.Count == 0 ? "  (nothing)" : string.Join("\n", lines);
    }

    private static bool Starts(string text, int index, string value) =>
        string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    // {|CORSGEN003: -> the ID and the index of the ':'.
    private static bool TryReadId(string markup, int start, out string id, out int colon)
    {
        colon = markup.IndexOf(':', start);
        id = colon > start ? markup.Substring(start, colon - start) : string.Empty;
        return id.Length > 0 && id.All(c => char.IsAsciiLetterOrDigit(c));
    }

    private static string Slice(string text, TextSpan span) =>
        span.End <= text.Length ? text.Substring(span.Start, span.Length) : "<outside the source>";
}
