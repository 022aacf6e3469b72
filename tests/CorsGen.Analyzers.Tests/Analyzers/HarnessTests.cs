using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit.Sdk;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>The harness itself: if these fail, no other analyzer test means anything.</summary>
public sealed class HarnessTests
{
    private const string WildcardWithCredentials = """
        using CorsGen;

        namespace App;

        [{|CORSGEN002:AllowOrigins("*")|}, AllowCredentials]
        public static partial class AccountEndpoints
        {
            [MapGet("/me")]
            public static string Me() => "me";
        }
        """;

    [Fact]
    public void Markup_is_stripped_and_nested_spans_are_recorded()
    {
        var (source, expected) = AnalyzerHarness.ParseMarkup("a{|X1:b[|c|]d|}e", defaultId: "D2");

        Assert.Equal("abcde", source);
        Assert.Equal([new ExpectedDiagnostic("D2", new TextSpan(2, 1)), new ExpectedDiagnostic("X1", new TextSpan(1, 3))], expected);
    }

    [Fact]
    public void Unbalanced_markup_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => AnalyzerHarness.ParseMarkup("a{|X1:b", defaultId: null));
        Assert.Throws<ArgumentException>(() => AnalyzerHarness.ParseMarkup("a|]b", defaultId: null));
        Assert.Throws<ArgumentException>(() => AnalyzerHarness.ParseMarkup("[|a|]", defaultId: null));
    }

    [Fact]
    public async Task Matching_markup_passes()
    {
        var run = await AnalyzerHarness.VerifyAsync(WildcardWithCredentials);

        Assert.Single(run.Diagnostics);
    }

    [Fact]
    public async Task A_diagnostic_that_is_not_marked_fails_the_test()
    {
        var unmarked = WildcardWithCredentials.Replace("{|CORSGEN002:", "").Replace("|}", "");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerHarness.VerifyAsync(unmarked));
        Assert.Contains("Unexpected: ", failure.Message);
        Assert.Contains("CORSGEN002", failure.Message);
    }

    [Fact]
    public async Task A_diagnostic_at_another_span_fails_the_test()
    {
        // The whole attribute list instead of the attribute: one character off on each side.
        var shifted = WildcardWithCredentials.Replace("[{|CORSGEN002:AllowOrigins(\"*\")|}, AllowCredentials]", "{|CORSGEN002:[AllowOrigins(\"*\"), AllowCredentials]|}");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerHarness.VerifyAsync(shifted));
        Assert.Contains("Missing:", failure.Message);
        Assert.Contains("Unexpected:", failure.Message);
    }

    [Fact]
    public async Task A_marked_diagnostic_that_does_not_fire_fails_the_test()
    {
        var fixedSource = WildcardWithCredentials.Replace("AllowOrigins(\"*\")", "AllowOrigins(\"https://app.example.com\")");

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerHarness.VerifyAsync(fixedSource));
        Assert.Contains("Missing:    CORSGEN002", failure.Message);
    }

    [Fact]
    public async Task A_source_the_compiler_rejects_fails_unless_broken_code_is_expected()
    {
        const string broken = """
            using CorsGen;

            namespace App;

            [{|CORSGEN019:AllowOrigins(42)|}]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """;

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerHarness.VerifyAsync(broken));
        Assert.Contains("does not compile", failure.Message);
        await AnalyzerHarness.VerifyBrokenAsync(broken);
    }

    [Fact]
    public async Task Top_level_statements_compile_as_a_console_application()
    {
        var run = await AnalyzerHarness.RunAsync("""
            var app = WebApplication.Create(args);
            app.Run();
            """, AnalyzerHarness.CorsGenAnalyzers);

        Assert.DoesNotContain(run.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public async Task An_analyzer_that_throws_is_caught()
    {
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => AnalyzerHarness.RunAsync(
            "public static class C { }", [new ThrowingAnalyzer()]));

        Assert.Contains("An analyzer threw", failure.Message);
    }

    [Fact]
    public async Task Compilation_end_diagnostics_are_included()
    {
        // CORSGEN010 is reported only from a compilation-end action.
        var run = await AnalyzerHarness.RunAsync("""
            using CorsGen;

            [AllowOrigins("https://a.example.com")]
            public static partial class A { [MapGet("/items")] public static string Get() => ""; }

            [AllowOrigins("https://b.example.com")]
            public static partial class B { [MapPost("/items")] public static string Post() => ""; }
            """, AnalyzerHarness.CorsGenAnalyzers);

        Assert.Contains(run.Diagnostics, d => d.Id == "CORSGEN010");
    }

    [Fact]
    public void Every_supported_diagnostic_has_the_documented_severity_and_a_help_link()
    {
        var supported = AnalyzerHarness.AllAnalyzers.SelectMany(a => a.SupportedDiagnostics).ToList();

        Assert.Equal(
            AnalyzerHarness.Severities.Keys.Order(StringComparer.Ordinal),
            // A rule both analyzers report (CORSGEN020 on [AllowOrigins] and on WithOrigins) is listed by each.
            supported.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
        foreach (var descriptor in supported)
        {
            Assert.Equal(AnalyzerHarness.Severities[descriptor.Id], descriptor.DefaultSeverity);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.Equal("https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/" + descriptor.Id + ".md", descriptor.HelpLinkUri);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(CultureInfo.InvariantCulture)), descriptor.Id + " has no description");
            Assert.NotEqual("{0}", descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Descriptors_are_declared_in_ID_order()
    {
        var type = AnalyzerHarness.CorsGenAnalyzers[0].GetType().Assembly.GetType("CorsGen.Generators.DiagnosticDescriptors", throwOnError: true)!;
        var ids = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)
            .ToList();

        // Every descriptor has its expected severity in the harness table, and no entry there is stale.
        Assert.Equal(AnalyzerHarness.Severities.Keys.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    // A test double, never loaded by a compiler: the analyzer-authoring rules do not apply.
#pragma warning disable RS1001, RS1036, RS1038, RS1041, RS2008
    private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1001, RS1036, RS1038, RS1041, RS2008
}
