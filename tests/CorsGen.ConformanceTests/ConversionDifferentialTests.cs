using System.Collections.Immutable;
using System.Reflection;
using CorsGen.CodeFixes;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using CorsGen.Generators.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Configuration;
using Xunit.Abstractions;

namespace CorsGen.ConformanceTests;

/// <summary>
/// "Convert to a CorsGen policy" on real-world-shaped ASP.NET Core set-ups: the fix (Fix All over the file) converts
/// every policy, the converted code builds with the generator and CorsGen's analyzers without a warning, and the
/// original (ASP.NET Core's middleware) and the converted app (CorsGen) answer the same random requests the same
/// way, up to the documented normalisation rules of <see cref="Differential"/>.
/// </summary>
public sealed class ConversionDifferentialTests(ITestOutputHelper output)
{
    private const int RequestsPerCase = 700;

    /// <summary>One set-up: the body of ConfigureServices and Configure, the routes, and the policy a request generator should aim at.</summary>
    public sealed record ConversionCase(
        string Name,
        string Services,
        string Pipeline,
        PolicySpec Policy,
        (string Pattern, string Method, string Path)[] Routes,
        Dictionary<string, string?>? Configuration = null)
    {
        /// <summary>An app-wide policy (UseCors): CorsGen's UseCorsGen covers every response, routing's 405 included (docs/coming-from.md).</summary>
        public bool AppWide => !Pipeline.Contains("RequireCors", StringComparison.Ordinal) && !Pipeline.Contains("EnableCors", StringComparison.Ordinal)
            || Name.StartsWith("an app-wide", StringComparison.Ordinal);

        public override string ToString() => Name;
    }

    private const string VaryOutsideCorsRoutes = "Vary: Origin on a response that is not a CORS route's";

    private static readonly (string, string, string)[] ItemRoutes = [("/items", "GET", "/items"), ("/items", "PUT", "/items"), ("/items/{id:int}", "DELETE", "/items/7")];

    public static TheoryData<ConversionCase> Cases() =>
    [
        // The ASP.NET Core docs' "named policy with WithOrigins" sample, attached per route.
        new("list of origins, RequireCors per route",
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy(name: MyAllowSpecificOrigins, policy =>
                        {
                            policy.WithOrigins("http://example.com", "http://www.contoso.com");
                        });
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", () => "ok").RequireCors(MyAllowSpecificOrigins);
                    app.MapPut("/items", () => "ok").RequireCors(MyAllowSpecificOrigins);
                    app.MapDelete("/items/{id:int}", (int id) => "ok").RequireCors(MyAllowSpecificOrigins);
            """,
            new(["http://example.com", "http://www.contoso.com"], ["GET", "HEAD", "POST"], null, null, false, null), ItemRoutes),
        new("credentials with listed headers and methods",
            """
                    builder.Services.AddCors(o => o.AddPolicy("spa", p => p
                        .WithOrigins("https://app.example.com", "http://localhost:5173")
                        .WithMethods("GET", "PUT", "DELETE")
                        .WithHeaders("Authorization", "X-Api-Key")
                        .AllowCredentials()));
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("spa");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://app.example.com", "http://localhost:5173"], ["GET", "PUT", "DELETE"], ["Authorization", "X-Api-Key"], null, true, null), ItemRoutes),
        new("exposed headers and max-age on a route group",
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("public-api", policy => policy
                            .AllowAnyOrigin()
                            .AllowAnyMethod()
                            .AllowAnyHeader()
                            .WithExposedHeaders("X-Total-Count", "ETag")
                            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
                    });
            """,
            """
                    app.UseCors();
                    var api = app.MapGroup("/api").RequireCors("public-api");
                    api.MapGet("/items", () => "ok");
                    api.MapPut("/items", () => "ok");
                    api.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["*"], ["*"], ["*"], ["X-Total-Count", "ETag"], false, 600),
            [("/api/items", "GET", "/api/items"), ("/api/items", "PUT", "/api/items"), ("/api/items/{id:int}", "DELETE", "/api/items/7")]),
        new("default policy and UseCors()",
            """
                    builder.Services.AddCors(options =>
                        options.AddDefaultPolicy(builder => builder.WithOrigins("https://www.example.org", "https://example.org").AllowAnyHeader().AllowAnyMethod()));
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", () => "ok");
                    app.MapPut("/items", () => "ok");
                    app.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://www.example.org", "https://example.org"], ["*"], ["*"], null, false, null), ItemRoutes),
        new("[EnableCors] on minimal-API lambdas",
            """
                    builder.Services.AddCors(options => options.AddPolicy("Partners", policy =>
                    {
                        policy.WithOrigins("https://partner.example");
                        policy.WithMethods("GET", "PUT", "DELETE");
                        policy.WithHeaders("Content-Type", "X-Request-Id");
                    }));
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", [EnableCors("Partners")] () => "ok");
                    app.MapPut("/items", [EnableCors("Partners")] () => "ok");
                    app.MapDelete("/items/{id:int}", [EnableCors("Partners")] (int id) => "ok");
            """,
            new(["https://partner.example"], ["GET", "PUT", "DELETE"], ["Content-Type", "X-Request-Id"], null, false, null), ItemRoutes),
        new("wildcard subdomains with credentials",
            """
                    builder.Services.AddCors(o => o.AddPolicy("tenants", p => p
                        .WithOrigins("https://*.example.com", "https://example.com")
                        .SetIsOriginAllowedToAllowWildcardSubdomains()
                        .WithHeaders("X-Tenant")
                        .WithMethods("GET", "PUT", "DELETE")
                        .AllowCredentials()));
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("tenants");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://*.example.com", "https://example.com"], ["GET", "PUT", "DELETE"], ["X-Tenant"], null, true, null), ItemRoutes),
        new("origins from a configuration array",
            """
                    var allowedOrigins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("configured", policy => policy.WithOrigins(allowedOrigins).AllowAnyHeader().AllowAnyMethod());
                    });
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("configured");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://app.example.com", "http://localhost:3000"], ["*"], ["*"], null, false, null), ItemRoutes,
            new() { ["Cors:AllowedOrigins:0"] = "https://app.example.com", ["Cors:AllowedOrigins:1"] = "http://localhost:3000" }),
        new("origins from a comma-separated configuration value",
            """
                    builder.Services.AddCors(options => options.AddPolicy("env", policy => policy
                        .WithOrigins(builder.Configuration["AllowedOrigins"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        .WithMethods("GET", "PUT", "DELETE")
                        .AllowCredentials()));
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("env");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://app.example.com", "https://admin.example.com"], ["GET", "PUT", "DELETE"], null, null, true, null), ItemRoutes,
            new() { ["AllowedOrigins"] = "https://app.example.com, https://admin.example.com" }),
        new("an origin predicate replaces the list",
            """
                    builder.Services.AddCors(options => options.AddPolicy("preview", policy => policy
                        .WithOrigins("https://ignored.example")
                        .SetIsOriginAllowed(origin => origin == "https://preview.example.com" || origin == "http://localhost:4200")
                        .AllowAnyMethod()
                        .WithHeaders("X-Api-Key")
                        .AllowCredentials()
                        .DisallowCredentials()));
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("preview");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://preview.example.com", "http://localhost:4200", "https://ignored.example"], ["*"], ["X-Api-Key"], null, false, null), ItemRoutes),
        new("RequireCors on each route of a route group",
            """
                    builder.Services.AddCors(o => o.AddPolicy("orders", p => p.WithOrigins("https://shop.example").WithMethods("GET", "PUT", "DELETE").WithExposedHeaders("Location")));
            """,
            """
                    app.UseCors();
                    var api = app.MapGroup("/api");
                    api.MapGet("/items", () => "ok").RequireCors("orders");
                    api.MapPut("/items", () => "ok").RequireCors("orders");
                    api.MapDelete("/items/{id:int}", (int id) => "ok").RequireCors("orders");
                    api.MapGet("/status", () => "up");
            """,
            new(["https://shop.example"], ["GET", "PUT", "DELETE"], null, ["Location"], false, null),
            [("/api/items", "GET", "/api/items"), ("/api/items", "PUT", "/api/items"), ("/api/items/{id:int}", "DELETE", "/api/items/7")]),
        new("Startup style: UseEndpoints with RequireCors on each endpoint",
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("AllowFrontend", b =>
                        {
                            b.WithOrigins("http://localhost:4200", "https://frontend.example.com")
                                .AllowAnyHeader()
                                .WithMethods("GET", "PUT", "DELETE")
                                .SetPreflightMaxAge(TimeSpan.FromHours(1));
                        });
                    });
            """,
            """
                    app.UseCors();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGet("/items", () => "ok").RequireCors("AllowFrontend");
                        endpoints.MapPut("/items", () => "ok").RequireCors("AllowFrontend");
                        endpoints.MapDelete("/items/{id:int}", (int id) => "ok").RequireCors("AllowFrontend");
                    });
            """,
            new(["http://localhost:4200", "https://frontend.example.com"], ["GET", "PUT", "DELETE"], ["*"], null, false, 3600), ItemRoutes),
        new("UseCors(name): a named policy for every request",
            """
                    builder.Services.AddCors(options => options.AddPolicy("AllowAll", builder => builder.AllowAnyOrigin().AllowAnyHeader().WithMethods("GET", "PUT")));
            """,
            """
                    app.UseCors("AllowAll");
                    app.MapGet("/items", () => "ok");
                    app.MapPut("/items", () => "ok");
            """,
            new(["*"], ["GET", "PUT"], ["*"], null, false, null), [("/items", "GET", "/items"), ("/items", "PUT", "/items")]),
        new("no method list: only the safelisted methods pass",
            """
                    builder.Services.AddCors(o => o.AddPolicy("readonly", p => p.WithOrigins("https://reader.example").WithHeaders("X-Api-Key")));
            """,
            """
                    app.UseCors();
                    var items = app.MapGroup("").RequireCors("readonly");
                    items.MapGet("/items", () => "ok");
                    items.MapPut("/items", () => "ok");
                    items.MapDelete("/items/{id:int}", (int id) => "ok");
            """,
            new(["https://reader.example"], ["GET", "HEAD", "POST"], ["X-Api-Key"], null, false, null), ItemRoutes),
        new("an app-wide default policy next to a named route policy",
            """
                    builder.Services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(p => p.WithOrigins("https://www.example.net").WithMethods("GET", "PUT"));
                        options.AddPolicy("admin", p => p.WithOrigins("https://admin.example.net").WithMethods("DELETE").AllowCredentials());
                    });
            """,
            """
                    app.UseCors();
                    app.MapGet("/items", () => "ok");
                    app.MapPut("/items", () => "ok");
                    app.MapDelete("/items/{id:int}", (int id) => "ok").RequireCors("admin");
            """,
            new(["https://www.example.net"], ["GET", "PUT"], null, null, false, null), [("/items", "GET", "/items"), ("/items", "PUT", "/items")]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_converted_policy_builds_cleanly_and_answers_as_the_original(ConversionCase conversion)
    {
        var original = Source(conversion);
        var converted = await ConvertAsync(original);
        output.WriteLine(converted);
        Assert.DoesNotContain("RequireCors", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("AddCors", converted, StringComparison.Ordinal);
        Assert.DoesNotContain("UseCors(", converted, StringComparison.Ordinal);
        await AssertBuildsCleanlyAsync(converted);

        using var before = GeneratedEndpoints.Compile(original);
        using var after = GeneratedEndpoints.Compile(converted);
        await using var aspNet = await StartAsync(before.Assembly, conversion.Configuration);
        await using var corsGen = await StartAsync(after.Assembly, conversion.Configuration);

        var routes = conversion.Routes.Select(r => new RouteSpec(r.Pattern, r.Method, r.Path, null, false)).ToList();
        var endpoints = new EndpointClassSpec(0, conversion.Policy, routes);
        var seed = conversion.Name.Aggregate(17, (h, c) => (h * 31) + c);
        var requests = new RequestGenerator(new Random(seed), [endpoints]);
        var failures = new List<string>();
        var bothAllowed = 0;
        for (var i = 0; i < RequestsPerCase; i++)
        {
            var c = requests.Next(i);
            if (conversion.AppWide && c.Request.Method == "OPTIONS" && c.Request.Origin is not null && c.Request.RequestMethod is { } m && Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(m))
            {
                continue; // docs/compatibility.md: an app-wide policy and an empty Access-Control-Request-Method (no browser sends one).
            }

            var middlewareReply = await aspNet.SendAsync(c.Request);
            var corsGenReply = await corsGen.SendAsync(c.Request);
            var result = Differential.Compare(c, corsGenReply, middlewareReply);
            if (conversion.AppWide)
            {
                result.Disagreements.Remove(VaryOutsideCorsRoutes);
            }

            bothAllowed += result.BothAllowed ? 1 : 0;
            if (result.Disagreements.Count > 0 && failures.Count < 5)
            {
                failures.Add($"{string.Join("; ", result.Disagreements)}\nrequest: {c.Request}\nCorsGen: {corsGenReply}\nmiddleware: {middlewareReply}");
            }
        }

        Assert.True(failures.Count == 0, $"{conversion.Name}: the conversion answers differently (seed {seed}):\n\n" + string.Join("\n\n", failures));
        Assert.True(bothAllowed > RequestsPerCase / 20, $"{conversion.Name}: too few requests both allow ({bothAllowed}); the case compares nothing");
    }

    private static string Source(ConversionCase conversion) => $$"""
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Cors;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;

        namespace Converted;

        public static class Startup
        {
            private const string MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

            public static void ConfigureServices(WebApplicationBuilder builder)
            {
        {{conversion.Services}}
            }

            public static void Configure(WebApplication app)
            {
                app.UseRouting();
        {{conversion.Pipeline}}
            }
        }
        """;

    private static async Task<TestApp> StartAsync(Assembly assembly, Dictionary<string, string?>? configuration)
    {
        var startup = assembly.GetType("Converted.Startup")!;
        return await TestApp.StartWithBuilderAsync(
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(configuration ?? []);
                startup.GetMethod("ConfigureServices")!.Invoke(null, [builder]);
            },
            app => startup.GetMethod("Configure")!.Invoke(null, [app]));
    }

    // Every policy must be convertible: Fix All (document) over the CORSGEN042s, which must cover every registration.
    private static async Task<string> ConvertAsync(string source)
    {
        var document = CreateDocument(source);
        var diagnostics = await AnalyzeAsync(document.Project);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CORSGEN043");
        var convertible = diagnostics.Where(d => d.Id == "CORSGEN042").ToImmutableArray();
        Assert.NotEmpty(convertible);
        var provider = new ConvertToCorsGenPolicyCodeFixProvider();
        CodeAction? action;
        if (convertible.Length == 1)
        {
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, convertible[0], (a, _) => actions.Add(a), CancellationToken.None));
            action = Assert.Single(actions);
        }
        else
        {
            var context = new FixAllContext(document, provider, FixAllScope.Document, "CORSGEN042.ConvertToCorsGenPolicy", ["CORSGEN042"], new Fixed(convertible), CancellationToken.None);
            action = await provider.GetFixAllProvider().GetFixAsync(context);
        }

        var apply = Assert.Single((await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        return (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    // No compiler warning, no generator diagnostic, no CorsGen analyzer diagnostic (info included) in the converted code.
    private static async Task AssertBuildsCleanlyAsync(string converted)
    {
        var project = CreateDocument(converted).Project;
        var compilation = (await project.GetCompilationAsync())!;
        CSharpGeneratorDriver.Create([new CorsGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)project.ParseOptions!)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var compiler = generated.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning);
        var analyzers = await generated.WithAnalyzers([new CorsAttributeAnalyzer(), new AspNetCoreCorsAnalyzer(), new AspNetPolicyConversionAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        var all = compiler.Concat(generatorDiagnostics).Concat(analyzers).ToList();
        Assert.True(all.Count == 0, "The converted code reports:\n" + string.Join("\n", all) + "\n" + converted);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return await compilation.WithAnalyzers([new AspNetPolicyConversionAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    private static Document CreateDocument(string source)
    {
        var projectId = ProjectId.CreateNewId();
        var documentId = DocumentId.CreateNewId(projectId);
        return new AdhocWorkspace().CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Converted", "Converted", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: ReferenceAssemblies.Net10AspNetCore))
            .AddDocument(documentId, "Program.cs", SourceText.From(source))
            .GetDocument(documentId)!;
    }

    private sealed class Fixed(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
