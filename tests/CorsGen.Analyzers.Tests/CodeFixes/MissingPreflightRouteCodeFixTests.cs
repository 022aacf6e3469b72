using CorsGen.CodeFixes;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN001: the hand-mapped route is mapped through WithCors(Handlers.Policy).</summary>
public sealed class MissingPreflightRouteCodeFixTests
{
    private static readonly MissingPreflightRouteCodeFixProvider Provider = new();

    private const string Program = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;

        static class Routes
        {
            public static void Map(WebApplication app)
            {
                app.MapPost("/orders", OrderHandlers.Create);
            }
        }

        [AllowOrigins("https://app.example.com")]
        static class OrderHandlers
        {
            public static string Create() => "created";
        }
        """;

    [Fact]
    public async Task Maps_through_WithCors_and_makes_the_handler_class_a_policy()
    {
        var fixedSource = await ApplyAsync(Program);

        Assert.Contains("app.WithCors(OrderHandlers.Policy).MapPost(\"/orders\", OrderHandlers.Create);", fixedSource);
        Assert.Contains("[CorsPolicy]", fixedSource);
        Assert.Contains("static partial class OrderHandlers", fixedSource);
        await AssertCompilesWithGeneratorAndNoCorsGen001Async(fixedSource);
    }

    [Fact]
    public async Task Keeps_an_existing_policy_class_as_it_is()
    {
        var source = Program.Replace("[AllowOrigins(\"https://app.example.com\")]\nstatic class", "[CorsPolicy]\n[AllowOrigins(\"https://app.example.com\")]\nstatic partial class");
        Assert.Contains("[CorsPolicy]", source);

        var fixedSource = await ApplyAsync(source);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(fixedSource, @"\[CorsPolicy\]"));
        await AssertCompilesWithGeneratorAndNoCorsGen001Async(fixedSource);
    }

    [Fact]
    public async Task No_fix_when_only_the_method_carries_the_attributes()
    {
        const string source = """
            using CorsGen;
            using Microsoft.AspNetCore.Builder;

            static class Routes
            {
                public static void Map(WebApplication app)
                {
                    app.MapPost("/orders", OrderHandlers.Create);
                }
            }

            static class OrderHandlers
            {
                [AllowOrigins("https://app.example.com")]
                public static string Create() => "created";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN001");
    }

    private static async Task<string> ApplyAsync(string source)
    {
        var document = CreateDocument(source);
        var (_, diagnostics) = await DiagnosticsAsync(document);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CORSGEN001");
        var action = Assert.Single(await ActionsAsync(Provider, document, diagnostic));
        Assert.Equal("Map through WithCors(OrderHandlers.Policy)", action.Title);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        changed = await Microsoft.CodeAnalysis.Formatting.Formatter.FormatAsync(changed, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
        return (await changed.GetTextAsync()).ToString();
    }

    // The fix refers to the generated Policy property, so the check runs the generator.
    private static async Task AssertCompilesWithGeneratorAndNoCorsGen001Async(string source)
    {
        var document = CreateDocument(source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        CSharpGeneratorDriver.Create(new CorsGenerator())
            .WithUpdatedParseOptions((CSharpParseOptions)document.Project.ParseOptions!)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The fixed source does not compile:\n" + string.Join("\n", errors) + "\n" + source);
        var after = await output.WithAnalyzers([new CorsAttributeAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(after, d => d.Id == "CORSGEN001");
    }
}
