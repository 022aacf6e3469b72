using System.Collections.Immutable;
using CorsGen.CodeFixes;
using CorsGen.Generators.Analyzers;
using CorsGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN042/043 and "Convert to a CorsGen policy": exact output, reasons, Fix All in document, project and solution.</summary>
public sealed class ConvertToCorsGenPolicyTests
{
    private const string EquivalenceKey = "CORSGEN042.ConvertToCorsGenPolicy";

    private static readonly ConvertToCorsGenPolicyCodeFixProvider Provider = new();

    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new AspNetPolicyConversionAnalyzer(), new CorsAttributeAnalyzer(), new AspNetCoreCorsAnalyzer()];

    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.Extensions.DependencyInjection;


        """;

    private static string App(string services, string pipeline) => Usings + $$"""
        namespace Shop;

        public static class Startup
        {
            public static void ConfigureServices(WebApplicationBuilder builder)
            {
        {{services}}
            }

            public static void Configure(WebApplication app)
            {
        {{pipeline}}
            }
        }
        """;

    [Fact]
    public async Task Converts_a_named_policy_on_a_route_and_removes_the_set_up()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("Frontend", policy => policy
                            .WithOrigins("https://App.example.com", "https://admin.example.com")
                            .WithMethods("GET", "PUT")
                            .WithHeaders("X-Api-Key")
                            .AllowCredentials());
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/orders", () => "ok").RequireCors("Frontend");
            """);
        var expected = """
            using System;
            using CorsGen;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Cors;
            using Microsoft.Extensions.DependencyInjection;

            namespace Shop;

            public static class Startup
            {
                public static void ConfigureServices(WebApplicationBuilder builder)
                {
                }

                public static void Configure(WebApplication app)
                {
                    app.WithCors(FrontendCors.Policy).MapGet("/orders", () => "ok");
                }
            }

            [CorsPolicy]
            [AllowOrigins("https://app.example.com", "https://admin.example.com")]
            [AllowCredentials]
            [AllowMethods("GET", "PUT")]
            [AllowHeaders("X-Api-Key")]
            internal static partial class FrontendCors
            {
            }

            """;
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CORSGEN042");
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal("AddPolicy", source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal("Frontend", diagnostic.Properties["PolicyName"]);
        Assert.Equal(expected, await FixAsync(source, diagnostic));
    }

    [Fact]
    public async Task Routes_of_one_policy_at_one_pattern_share_one_group()
    {
        var source = App(
            """
                    builder.Services.AddCors(o => o.AddPolicy("items", p => p.WithOrigins("https://shop.example").WithMethods("GET", "PUT")));
            """,
            """
                    app.UseCors();
                    app.MapGet("/hello", () => "hi");
                    app.MapGet("/items", () => "list").RequireCors("items");
                    app.MapPut("/items", [EnableCors("items")] () => "saved");
            """);
        var converted = await FixOnlyAsync(source);
        Assert.Contains("""
                    app.MapGet("/hello", () => "hi");
                    var itemsCors = app.WithCors(ItemsCors.Policy);
                    itemsCors.MapGet("/items", () => "list");
                    itemsCors.MapPut("/items", () => "saved");
            """, converted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_policies_at_one_pattern_are_not_converted()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("read", p => p.WithOrigins("https://a.example"));
                        options.AddPolicy("write", p => p.WithOrigins("https://b.example").WithMethods("PUT"));
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", () => "list").RequireCors("read");
                    app.MapPut("/items", () => "saved").RequireCors("write");
            """);
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "CORSGEN043" && d.GetMessage().Contains("another route at '/items'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_default_policy_with_UseCors_becomes_the_app_wide_policy()
    {
        var source = App(
            """
                    builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowAnyMethod().SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
            """,
            """
                    app.UseCors();
            """);
        var converted = await FixOnlyAsync(source);
        Assert.Contains("app.UseCorsGen(DefaultCors.Policy);", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("AddCors", converted, StringComparison.Ordinal);
        Assert.Contains("""
            [CorsPolicy]
            [AllowOrigins("*")]
            [AllowMethods("*")]
            [MaxAge(600)]
            internal static partial class DefaultCors
            """, converted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_gets_WithCors_and_a_route_of_a_group_a_sub_group()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("partner", p => p.WithOrigins("https://partner.example"));
                        options.AddPolicy("admin", p => p.WithOrigins("https://admin.example").WithMethods("DELETE"));
                    });
            """,
            """
                    app.UseCors();
                    var api = app.MapGroup("/api").RequireCors("partner");
                    api.MapDelete("/items/{id}", (int id) => "gone").RequireCors("admin");
            """);
        var converted = await FixAllAsync(source, FixAllScope.Document);
        Assert.Contains("""var api = app.MapGroup("/api").WithCors(PartnerCors.Policy);""", converted, StringComparison.Ordinal);
        Assert.Contains("""api.MapGroup("").WithCors(AdminCors.Policy).MapDelete("/items/{id}", (int id) => "gone");""", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("UseCors", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("AddCors", converted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_policy_of_two_converted_keeps_UseCors_and_the_other_registration()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("partner", p => p.WithOrigins("https://partner.example"));
                        options.AddPolicy("legacy", p => p.WithOrigins("https://legacy.example/"));
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/a", () => "a").RequireCors("partner");
                    app.MapGet("/b", () => "b").RequireCors("legacy");
            """);
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        var reason = Assert.Single(diagnostics, d => d.Id == "CORSGEN043");
        Assert.Contains("'https://legacy.example/' never matches", reason.GetMessage(), StringComparison.Ordinal);
        var converted = await FixAsync(source, Assert.Single(diagnostics, d => d.Id == "CORSGEN042"));
        Assert.Contains("app.UseCors();", converted, StringComparison.Ordinal);
        Assert.Contains("options.AddPolicy(\"legacy\"", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("options.AddPolicy(\"partner\"", converted, StringComparison.Ordinal);
        Assert.Contains("app.WithCors(PartnerCors.Policy).MapGet(\"/a\", () => \"a\");", converted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnableCors_on_a_lambda_and_origins_from_configuration_and_a_predicate()
    {
        var source = App(
            """
                    var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("spa", p => p.WithOrigins(origins).WithExposedHeaders("ETag"));
                        options.AddPolicy("preview", p => p.SetIsOriginAllowed(origin => origin == "https://preview.example" || origin.EndsWith(".preview.example", StringComparison.Ordinal)));
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", [EnableCors("spa")] () => "items");
                    app.MapGet("/preview", () => "p").RequireCors("preview");
            """).Replace("using Microsoft.Extensions.DependencyInjection;", "using Microsoft.Extensions.Configuration;\nusing Microsoft.Extensions.DependencyInjection;");
        var converted = await FixAllAsync(source, FixAllScope.Document);
        Assert.Contains("""app.WithCors(SpaCors.Policy).MapGet("/items", () => "items");""", converted, StringComparison.Ordinal);
        Assert.Contains("""[AllowOriginsFromConfiguration("Cors:Origins")]""", converted, StringComparison.Ordinal);
        Assert.Contains("""[AllowOriginPredicate(nameof(IsOriginAllowed))]""", converted, StringComparison.Ordinal);
        Assert.Contains("""
                private static bool IsOriginAllowed(string origin) =>
                    origin == "https://preview.example" || origin.EndsWith(".preview.example", StringComparison.Ordinal);
            """, converted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p.WithOrigins(\"https://a.example\").AllowAnyHeader().AllowCredentials()", "CORSGEN007")]
    [InlineData("p.AllowAnyOrigin().AllowCredentials()", "CORSGEN012")]
    [InlineData("p.SetIsOriginAllowed(_ => true).AllowCredentials()", "CORSGEN013")]
    [InlineData("p.WithOrigins(\"https://a.example\").WithMethods(\"put\")", "CORSGEN023")]
    [InlineData("p.WithOrigins(\"https://a.example\").WithExposedHeaders(\"Set-Cookie\")", "CORSGEN006")]
    [InlineData("p.WithOrigins(\"https://*.example.com\")", "SetIsOriginAllowedToAllowWildcardSubdomains")]
    [InlineData("p.WithOrigins(\"https://a.example\").SetPreflightMaxAge(TimeSpan.FromSeconds(7.5))", "whole, constant number of seconds")]
    [InlineData("p.WithOrigins(Environment.GetEnvironmentVariable(\"ORIGIN\")!)", "neither a constant nor a configuration key")]
    [InlineData("p.SetIsOriginAllowed(origin => origin == builder.Environment.ApplicationName)", "the parameter 'builder'")]
    [InlineData("{ Console.WriteLine(); p.WithOrigins(\"https://a.example\"); }", "does more than call the policy builder")]
    public async Task Reports_why_a_policy_cannot_be_converted(string lambdaBody, string reason)
    {
        var source = App(
            $$"""
                    builder.Services.AddCors(o => o.AddPolicy("p", p => {{lambdaBody}}));
            """,
            """
                    app.UseCors();
                    app.MapGet("/a", () => "a").RequireCors("p");
            """);
        await AssertNotConvertibleAsync(source, reason);
    }

    [Fact]
    public async Task A_custom_policy_provider_blocks_every_conversion()
    {
        var source = App(
            """
                    builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins("https://a.example")));
                    builder.Services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, TenantPolicies>();
            """,
            """
                    app.UseCors();
                    app.MapGet("/a", () => "a").RequireCors("p");
            """) + """

            public sealed class TenantPolicies : Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider
            {
                public Task<Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy?> GetPolicyAsync(Microsoft.AspNetCore.Http.HttpContext context, string? policyName) =>
                    Task.FromResult<Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy?>(null);
            }
            """;
        await AssertNotConvertibleAsync(source.Replace("using Microsoft.AspNetCore.Builder;", "using System.Threading.Tasks;\nusing Microsoft.AspNetCore.Builder;"), "ICorsPolicyProvider");
    }

    [Fact]
    public async Task EnableCors_on_a_controller_and_an_app_wide_policy_keep_every_policy()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.WithOrigins("https://www.example"));
                        options.AddPolicy("mvc", p => p.WithOrigins("https://mvc.example"));
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/", () => "home");
            """) + """

            [EnableCors("mvc")]
            public sealed class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
            }
            """;
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        var reasons = diagnostics.Where(d => d.Id == "CORSGEN043").Select(d => d.GetMessage()).ToList();
        Assert.True(reasons.Count == 2, string.Join("\n", diagnostics));
        Assert.Contains(reasons, r => r.Contains("the class 'OrdersController'", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("every policy must be converted together", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CORSGEN042");
    }

    [Fact]
    public async Task A_named_policy_next_to_an_app_wide_default_converts_together_with_it()
    {
        var source = App(
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.WithOrigins("https://www.example"));
                        options.AddPolicy("partner", p => p.WithOrigins("https://partner.example").AllowAnyMethod());
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/partner", () => "p").RequireCors("partner");
            """);
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        Assert.Equal(2, diagnostics.Count(d => d.Id == "CORSGEN042"));
        var converted = await FixAsync(source, diagnostics.Last(d => d.Id == "CORSGEN042"));
        Assert.Contains("app.UseCorsGen(DefaultCors.Policy);", converted, StringComparison.Ordinal);
        Assert.Contains("app.WithCors(PartnerCors.Policy).MapGet(\"/partner\", () => \"p\");", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("AddCors", converted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins(null!)));""", """app.UseCors(); app.MapGet("/a", () => "a").RequireCors("p");""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins(builder.Configuration["K"]!.Split())));""", """app.UseCors(); app.MapGet("/a", () => "a").RequireCors("p");""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.SetIsOriginAllowed(null!).SetPreflightMaxAge(default)));""", """app.UseCors(); app.MapGet("/a", () => "a").RequireCors("p");""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins("https://a.example").WithMethods([]).WithHeaders(new string[0])));""", """app.UseCors(); app.MapGroup("").MapGroup("/x").RequireCors("p");""")]
    [InlineData("""builder.Services.AddCors(o => { o.AddPolicy("", p => p.WithOrigins("https://a.example")); o.AddDefaultPolicy(p => { }); });""", """app.UseCors(""); app.MapGet(pattern: "/a", handler: [EnableCors] () => "a");""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins(Missing.Origins)));""", """app.UseCors(); app.MapGet(Missing.Pattern, () => "a").RequireCors("p");""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins("https://a.example")));""", """app.UseCors(); app.MapGet("/a", () => "a").RequireCors(""")]
    public async Task Broken_or_odd_code_never_makes_the_analyzer_or_the_fix_throw(string services, string pipeline)
    {
        var document = CreateDocument(App(services, pipeline));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "CORSGEN042"))
        {
            foreach (var action in await CodeFixHarness.ActionsAsync(Provider, document, diagnostic))
            {
                await action.GetOperationsAsync(CancellationToken.None);
            }
        }
    }

    [Theory]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task Fix_all_converts_across_documents_and_projects(FixAllScope scope)
    {
        var workspace = new AdhocWorkspace();
        var solution = workspace.CurrentSolution;
        var documents = new List<DocumentId>();
        foreach (var (project, policy) in new[] { ("Orders", "orders"), ("Billing", "billing") })
        {
            var projectId = ProjectId.CreateNewId();
            solution = solution.AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, project, project, LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: ReferenceAssemblies.Net10AspNetCore));
            var services = DocumentId.CreateNewId(projectId);
            var routes = DocumentId.CreateNewId(projectId);
            solution = solution
                .AddDocument(services, "Services.cs", SourceText.From(Usings + $$"""
                    namespace {{project}};

                    public static class Services
                    {
                        public static void Add(IServiceCollection services) =>
                            services.AddCors(o => o.AddPolicy("{{policy}}", p => p.WithOrigins("https://{{policy}}.example")));
                    }
                    """))
                .AddDocument(routes, "Routes.cs", SourceText.From(Usings + $$"""
                    namespace {{project}}.Http;

                    public static class Routes
                    {
                        public static void Map(WebApplication app)
                        {
                            app.UseCors();
                            app.MapGet("/{{policy}}", () => "ok").RequireCors("{{policy}}");
                        }
                    }
                    """));
            documents.Add(services);
            documents.Add(routes);
        }

        var first = solution.GetDocument(documents[0])!;
        var diagnostics = new Dictionary<ProjectId, ImmutableArray<Diagnostic>>();
        foreach (var project in solution.Projects)
        {
            diagnostics[project.Id] = [.. (await DiagnosticsAsync(project.Documents.First())).Where(d => d.Id == "CORSGEN042")];
            Assert.Single(diagnostics[project.Id]);
        }

        var context = new FixAllContext(first, Provider, scope, EquivalenceKey, ["CORSGEN042"],
            new ByProject(diagnostics), CancellationToken.None);
        var action = await Provider.GetFixAllProvider().GetFixAsync(context);
        var changed = await ApplyAsync(action!);
        var expectedProjects = scope == FixAllScope.Project ? 1 : 2;
        var converted = 0;
        foreach (var project in changed.Projects)
        {
            var routes = (await project.Documents.Single(d => d.Name == "Routes.cs").GetTextAsync()).ToString();
            var services = (await project.Documents.Single(d => d.Name == "Services.cs").GetTextAsync()).ToString();
            if (!routes.Contains("WithCors", StringComparison.Ordinal))
            {
                continue;
            }

            converted++;
            var className = project.Name + "Cors";
            Assert.Contains($"app.WithCors({className}.Policy).MapGet(", routes, StringComparison.Ordinal);
            Assert.DoesNotContain("UseCors", routes, StringComparison.Ordinal);
            Assert.Contains($"internal static partial class {className}", services, StringComparison.Ordinal);
            Assert.DoesNotContain("AddCors", services, StringComparison.Ordinal);
            var (errors, after) = await CompileAsync(project);
            Assert.True(errors.IsEmpty, string.Join("\n", errors));
            Assert.DoesNotContain(after, d => d.Severity >= DiagnosticSeverity.Warning || d.Id.StartsWith("CORSGEN04", StringComparison.Ordinal));
        }

        Assert.Equal(expectedProjects, converted);
    }

    private static async Task AssertNotConvertibleAsync(string source, string reason)
    {
        var diagnostics = await DiagnosticsAsync(CreateDocument(source));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CORSGEN042");
        var diagnostic = Assert.Single(diagnostics, d => d.Id == "CORSGEN043");
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.DoesNotContain("CORSGEN043", Provider.FixableDiagnosticIds);
    }

    private static Document CreateDocument(string source) => CodeFixHarness.CreateDocument(source);

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var (errors, diagnostics) = await CompileAsync(document.Project);
        Assert.True(errors.IsEmpty, "The test source does not compile:\n" + string.Join("\n", errors));
        return diagnostics;
    }

    private static async Task<(ImmutableArray<Diagnostic> Errors, ImmutableArray<Diagnostic> Analyzer)> CompileAsync(Project project)
    {
        // With the generator, as a build sees it: the converted code uses the generated Policy properties.
        var parsed = (await project.GetCompilationAsync())!;
        CSharpGeneratorDriver.Create([new CorsGen.Generators.CorsGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)project.ParseOptions!)
            .RunGeneratorsAndUpdateCompilation(parsed, out var compilation, out _);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var analyzer = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        return (errors, [.. analyzer.OrderBy(d => d.Location.SourceSpan.Start)]);
    }

    private static async Task<string> FixOnlyAsync(string source) =>
        await FixAsync(source, Assert.Single(await DiagnosticsAsync(CreateDocument(source)), d => d.Id == "CORSGEN042"));

    /// <summary>Applies the fix for <paramref name="diagnostic"/> and checks the result compiles and, with the generator, reports nothing at Warning or above.</summary>
    private static async Task<string> FixAsync(string source, Diagnostic diagnostic)
    {
        var document = CreateDocument(source);
        var actions = await CodeFixHarness.ActionsAsync(Provider, document, diagnostic);
        var action = Assert.Single(actions);
        Assert.Equal("Convert to a CorsGen policy", action.Title);
        var changed = await ApplyAsync(action);
        return await CheckedTextAsync(changed.GetDocument(document.Id)!, await DiagnosticsAsync(document));
    }

    private static async Task<string> FixAllAsync(string source, FixAllScope scope)
    {
        var document = CreateDocument(source);
        var diagnostics = (await DiagnosticsAsync(document)).Where(d => d.Id == "CORSGEN042").ToImmutableArray();
        Assert.True(diagnostics.Length > 1, "Fix All needs several CORSGEN042");
        var context = new FixAllContext(document, Provider, scope, EquivalenceKey, ["CORSGEN042"],
            new ByProject(new Dictionary<ProjectId, ImmutableArray<Diagnostic>> { [document.Project.Id] = diagnostics }), CancellationToken.None);
        var action = await Provider.GetFixAllProvider().GetFixAsync(context);
        var changed = await ApplyAsync(action!);
        return await CheckedTextAsync(changed.GetDocument(document.Id)!, await DiagnosticsAsync(document));
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
    }

    // The converted source compiles with the generator, and reports no warning the original did not have.
    private static async Task<string> CheckedTextAsync(Document document, ImmutableArray<Diagnostic> before)
    {
        var text = (await document.GetTextAsync()).ToString();
        var (errors, diagnostics) = await CompileAsync(CreateDocument(text).Project);
        Assert.True(errors.IsEmpty, "The converted source does not compile:\n" + string.Join("\n", errors) + "\n" + text);
        var known = before.Select(d => d.Id + d.GetMessage()).ToHashSet();
        var introduced = diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !known.Contains(d.Id + d.GetMessage())).ToList();
        Assert.True(introduced.Count == 0, "The converted source has new warnings:\n" + string.Join("\n", introduced) + "\n" + text);
        return text;
    }

    private sealed class ByProject(Dictionary<ProjectId, ImmutableArray<Diagnostic>> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.GetValueOrDefault(project.Id, []));

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.GetValueOrDefault(document.Project.Id, []).Where(d => d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree == document.GetSyntaxTreeAsync().Result));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
