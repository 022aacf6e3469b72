using System.Collections.Immutable;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// CORSGEN045-047: the compiled CORS surface held against CorsSurface.txt. Added and changed lines are reported
/// at the attribute or WithCors call (markup spans), removed ones at their line of the file (0-based line numbers).
/// </summary>
public sealed class SurfaceAnalyzerTests
{
    internal const string SurfacePath = "/src/CorsSurface.txt";

    private const string Items = """
        using CorsGen;

        namespace App;

        {|ORIGINS:|}[AllowOrigins("https://app.example.com")]
        public static partial class Items
        {
            [MapGet("/items")]
            public static string List() => "list";

            [MapPost("/items")]
            public static string Create() => "created";
        }
        """;

    internal const string ItemsSurface = """
        # CorsGen CORS surface: which routes cross-origin scripts can call, and how. Update: dotnet build -p:CorsGenUpdateSurface=true

        route GET /items -> Items
        route POST /items -> Items

        policy Items
          origin https://app.example.com
          credentials no
          method (as mapped)
          header Accept
          header Accept-Language
          header Content-Language
          header Content-Type
          max-age (none)
          private-network no
          preflight-status 204
          preflight-continue no

        """;

    [Fact]
    public async Task A_surface_equal_to_the_file_reports_nothing()
    {
        var diagnostics = await RunAsync(Items.Replace("{|ORIGINS:|}", ""), ItemsSurface);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task Without_the_additional_file_nothing_is_compared()
    {
        var run = await AnalyzerHarness.RunAsync(Items.Replace("{|ORIGINS:|}", ""), [new CorsSurfaceAnalyzer()]);

        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task A_new_origin_is_a_warning_at_the_attribute_naming_the_origin_and_the_routes()
    {
        var (source, spans) = Markup("""
            using CorsGen;

            namespace App;

            [{|CORSGEN045:AllowOrigins("https://app.example.com", "https://evil.example")|}]
            public static partial class Items
            {
                [MapGet("/items")]
                public static string List() => "list";

                [MapPost("/items")]
                public static string Create() => "created";
            }
            """);

        var diagnostic = Assert.Single(await RunAsync(source, ItemsSurface));

        AssertAt(diagnostic, "CORSGEN045", spans[0]);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(
            "CORS exposure widened: policy Items: 'origin https://evil.example' is new (routes GET /items, POST /items); if that is intended, update CorsSurface.txt (code fix, or dotnet build -p:CorsGenUpdateSurface=true)",
            diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("[{|CORSGEN045:AllowOrigins(\"https://app.example.com\", \"https://*.example.com\")|}]", "'origin-pattern https://*.example.com' is new")]
    [InlineData("[AllowOrigins(\"https://app.example.com\")]\n[{|CORSGEN045:AllowCredentials|}]", "'credentials no' is now 'credentials yes'")]
    [InlineData("[AllowOrigins(\"https://app.example.com\")]\n[{|CORSGEN045:AllowHeaders(\"*\")|}]", "'header *' is new")]
    [InlineData("[AllowOrigins(\"https://app.example.com\")]\n[{|CORSGEN045:AllowPrivateNetwork|}]", "'private-network no' is now 'private-network yes'")]
    [InlineData("[AllowOrigins(\"https://app.example.com\")]\n[{|CORSGEN045:AllowOriginsFromConfiguration(\"Cors:Origins\")|}]", "'origin-configuration Cors:Origins' is new")]
    public async Task Widening_settings_are_warnings_at_their_attribute(string attributes, string change)
    {
        var (source, spans) = Markup(Items.Replace("{|ORIGINS:|}", "").Replace("[AllowOrigins(\"https://app.example.com\")]", attributes));

        var diagnostics = await RunAsync(source, ItemsSurface);

        var widened = Assert.Single(diagnostics, d => d.Id == "CORSGEN045");
        AssertAt(widened, "CORSGEN045", spans[0]);
        Assert.Contains(change, widened.GetMessage(), StringComparison.Ordinal);
        // An origin pattern adds to the exact origin; the others change nothing else.
        Assert.DoesNotContain(diagnostics, d => d.Id == "CORSGEN046");
    }

    [Fact]
    public async Task A_changed_max_age_is_info_at_the_attribute()
    {
        var (source, spans) = Markup(Items.Replace("{|ORIGINS:|}", "[{|CORSGEN046:MaxAge(600)|}]\n"));

        var diagnostic = Assert.Single(await RunAsync(source, ItemsSurface));

        AssertAt(diagnostic, "CORSGEN046", spans[0]);
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Contains("'max-age (none)' is now 'max-age 600'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_removed_origin_is_info_at_its_line_of_the_file()
    {
        var baseline = ItemsSurface.Replace("  origin https://app.example.com\n", "  origin https://app.example.com\n  origin https://old.example\n");

        var diagnostic = Assert.Single(await RunAsync(Items.Replace("{|ORIGINS:|}", ""), baseline));

        Assert.Equal("CORSGEN046", diagnostic.Id);
        AssertAtFileLine(diagnostic, 7, baseline);
        Assert.Contains("'origin https://old.example' is in CorsSurface.txt but no longer in the code", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_route_without_credentials_is_info_at_its_route_attribute()
    {
        var (source, spans) = Markup(Items.Replace("{|ORIGINS:|}", "").Replace(
            "    [MapPost(\"/items\")]",
            "    [{|ROUTE:MapDelete(\"/items\")|}]\n    public static string Delete() => \"deleted\";\n\n    [MapPost(\"/items\")]"));

        var diagnostic = Assert.Single(await RunAsync(source, ItemsSurface));

        AssertAt(diagnostic, "CORSGEN046", spans[0]);
        Assert.Contains("'route DELETE /items -> Items' is new;", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_route_of_a_credentialed_policy_is_a_warning()
    {
        var credentialed = Items.Replace("{|ORIGINS:|}", "[AllowCredentials]\n");
        var baseline = ItemsSurface.Replace("credentials no", "credentials yes");
        Assert.Empty(await RunAsync(credentialed, baseline));
        var (source, spans) = Markup(credentialed.Replace(
            "    [MapPost(\"/items\")]\n    public static string Create() => \"created\";",
            "    [MapPost(\"/items\")]\n    public static string Create() => \"created\";\n\n    [{|CORSGEN045:MapGet(\"/items/export\")|}]\n    public static string Export() => \"all\";"));

        var diagnostic = Assert.Single(await RunAsync(source, baseline));

        AssertAt(diagnostic, "CORSGEN045", spans[0]);
        Assert.Contains("'route GET /items/export -> Items' is new, with credentials", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_WithCors_group_is_reported_at_the_call()
    {
        var (source, spans) = Markup("""
            using CorsGen;

            namespace App;

            [CorsPolicy]
            [AllowOrigins("https://partner.example.com")]
            [AllowCredentials]
            public static partial class PartnerApi
            {
                // What the generator adds; the analyzers run without it here.
                public static CompiledCorsPolicy Policy => null!;
            }

            public static class Startup
            {
                public static void Map(WebApplication app) =>
                    {|CORSGEN045:app.MapGroup("/partners").WithCors(PartnerApi.Policy)|};
            }
            """);
        const string baseline = """
            # CorsGen CORS surface

            policy PartnerApi
              origin https://partner.example.com
              credentials yes
              method (as mapped)
              header Accept
              header Accept-Language
              header Content-Language
              header Content-Type
              max-age (none)
              private-network no
              preflight-status 204
              preflight-continue no
            """;

        var diagnostic = Assert.Single(await RunAsync(source, baseline));

        AssertAt(diagnostic, "CORSGEN045", spans[0]);
        Assert.Contains("'group app.MapGroup(\"/partners\") in Startup.Map -> PartnerApi' is new, with credentials", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_the_file_cannot_read_is_named_and_the_rest_still_compared()
    {
        var baseline = ItemsSurface.Replace("route POST /items -> Items\n", "route POST /items -> Items\nbanana split\n  origin https://stray.example\n");

        var diagnostics = await RunAsync(Items.Replace("{|ORIGINS:|}", ""), baseline);

        // The stray line has no block either (a route line closed the last one): both named, nothing else differs.
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(("CORSGEN047", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
        AssertAtFileLine(diagnostics[0], 4, baseline);
        Assert.Equal("CorsSurface.txt line 5: 'banana split' is not a 'route', 'group' or 'policy' line (policy settings are indented)", diagnostics[0].GetMessage());
        AssertAtFileLine(diagnostics[1], 5, baseline);
        Assert.Equal("CorsSurface.txt line 6: 'origin https://stray.example' is indented, but no 'policy' line opens a block before it", diagnostics[1].GetMessage());
    }

    [Fact]
    public async Task A_policy_line_outside_a_block_is_named()
    {
        var baseline = "  origin https://stray.example\n" + ItemsSurface;

        var problem = Assert.Single(await RunAsync(Items.Replace("{|ORIGINS:|}", ""), baseline));

        Assert.Equal("CORSGEN047", problem.Id);
        AssertAtFileLine(problem, 0, baseline);
        Assert.Contains("no 'policy' line opens a block before it", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# CorsGen CORS surface\n\n")]
    public async Task An_empty_file_is_one_warning_not_one_per_line(string baseline)
    {
        var problem = Assert.Single(await RunAsync(Items.Replace("{|ORIGINS:|}", ""), baseline));

        Assert.Equal("CORSGEN047", problem.Id);
        Assert.Equal(SurfacePath, problem.Location.GetLineSpan().Path);
        Assert.Contains("the file lists no route or policy", problem.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(ItemsSurface, problem.Properties[CorsSurfaceAnalyzer.SurfaceProperty]);
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_a_warning_not_a_crash()
    {
        var problem = Assert.Single(await RunAsync(Items.Replace("{|ORIGINS:|}", ""), baseline: null));

        Assert.Equal("CORSGEN047", problem.Id);
        Assert.Contains("the file cannot be read", problem.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_that_updates_the_file_compares_nothing()
    {
        var source = Items.Replace("{|ORIGINS:|}", "").Replace("\"https://app.example.com\"", "\"https://app.example.com\", \"https://evil.example\"");

        Assert.Single(await RunAsync(source, ItemsSurface));
        Assert.Empty(await RunAsync(source, ItemsSurface, ("CorsGenUpdateSurface", "true")));
    }

    [Fact]
    public async Task Every_difference_carries_the_whole_compiled_surface_for_the_fix()
    {
        var source = Items.Replace("{|ORIGINS:|}", "[MaxAge(600)]\n");

        var diagnostic = Assert.Single(await RunAsync(source, ItemsSurface));

        Assert.Equal(ItemsSurface.Replace("max-age (none)", "max-age 600"), diagnostic.Properties[CorsSurfaceAnalyzer.SurfaceProperty]);
        Assert.Equal(SurfacePath, diagnostic.Properties[CorsSurfaceAnalyzer.FileProperty]);
    }

    [Fact]
    public async Task The_analyzer_compares_the_surface_the_generator_writes()
    {
        // Endpoint classes (one with two policies), a [CorsPolicy] class in a WithCors group, an MVC controller.
        const string source = """
            using CorsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace App;

            [AllowOrigins("https://app.example.com", "https://*.example.org"), AllowCredentials, MaxAge(600)]
            public static partial class Orders
            {
                [MapGet("/orders")]
                public static string List() => "";

                [MapDelete("/orders/{id}")]
                [AllowOrigins("https://admin.example.com")]
                public static string Delete(string id) => id;
            }

            [CorsPolicy]
            [AllowOriginsFromConfiguration("Cors:Partners"), AllowHeaders("X-Api-Key"), ExposeHeaders("X-Quota")]
            public static partial class PartnerApi
            {
                // What the generator adds; the analyzers run without it here.
                public static CompiledCorsPolicy Policy => null!;
            }

            [AllowOrigins("https://app.example.com")]
            [Route("api/[controller]")]
            public sealed class ReportsController : ControllerBase
            {
                [HttpGet]
                public string List() => "";
            }

            public static class Startup
            {
                public static void Map(WebApplication app) => app.MapGroup("/partners").WithCors(PartnerApi.Policy);
            }
            """;
        // The generator as a -p:CorsGenUpdateSurface=true build runs it, on the same compilation.
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var input = CSharpCompilation.Create(
            "TestApp",
            [CSharpSyntaxTree.ParseText(source, parseOptions, AnalyzerHarness.FilePath), CSharpSyntaxTree.ParseText("global using Microsoft.AspNetCore.Builder;", parseOptions, "/src/obj/GlobalUsings.g.cs")],
            CorsGen.Generators.Tests.ReferenceAssemblies.Net10AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(
            [new CorsGen.Generators.CorsGenerator().AsSourceGenerator()],
            parseOptions: parseOptions,
            optionsProvider: new CorsGen.Generators.Tests.BuildProperties([("CorsGenUpdateSurface", "true")]));
        var generated = driver.RunGenerators(input).GetRunResult().GeneratedTrees.Single(t => t.FilePath.EndsWith("CorsSurface.g.cs", StringComparison.Ordinal)).ToString();
        var written = generated[(generated.IndexOf("/*CorsGenSurface\n", StringComparison.Ordinal) + 17)..generated.IndexOf("CorsGenSurface*/", StringComparison.Ordinal)];

        var problem = Assert.Single(await RunAsync(source, ""));

        Assert.Equal(written, problem.Properties[CorsSurfaceAnalyzer.SurfaceProperty]);
        Assert.Empty(await RunAsync(source, written));
        foreach (var line in new[] { "route GET api/Reports -> ReportsController", "group app.MapGroup(\"/partners\") in Startup.Map -> PartnerApi", "route DELETE /orders/{id} -> Orders.Delete" })
        {
            Assert.True(written.Contains("\n" + line + "\n", StringComparison.Ordinal), $"No '{line}' in\n{written}");
        }
    }

    internal static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, string? baseline, params (string Name, string Value)[] properties)
    {
        var run = await AnalyzerHarness.RunAsync(source, [new CorsSurfaceAnalyzer()], properties, additionalFiles: [new InMemoryText(SurfacePath, baseline)]);
        Assert.True(run.CompilerDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error), "The test source does not compile:\n" + string.Join("\n", run.CompilerDiagnostics));
        return run.Diagnostics;
    }

    private static (string Source, List<TextSpan> Spans) Markup(string markup)
    {
        var (source, expected) = AnalyzerHarness.ParseMarkup(markup, null);
        return (source, expected.Select(e => e.Span).ToList());
    }

    private static void AssertAt(Diagnostic diagnostic, string id, TextSpan span)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(AnalyzerHarness.FilePath, diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
    }

    private static void AssertAtFileLine(Diagnostic diagnostic, int line, string baseline)
    {
        var position = diagnostic.Location.GetLineSpan();
        Assert.Equal(SurfacePath, position.Path);
        Assert.Equal(line, position.StartLinePosition.Line);
        Assert.Equal(SourceText.From(baseline).Lines[line].Span, diagnostic.Location.SourceSpan);
    }

    /// <summary>An additional file as MSBuild hands it over; null text: listed but unreadable (a missing file).</summary>
    internal sealed class InMemoryText(string path, string? text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => text is null ? null : SourceText.From(text);
    }
}
