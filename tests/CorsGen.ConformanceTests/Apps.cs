using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using CorsGen.Generators;
using CorsGen.Generators.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen.ConformanceTests;

/// <summary>What came back: status and response headers (case-insensitive names, every line kept).</summary>
public sealed record Reply(int Status, IReadOnlyDictionary<string, StringValues> Headers)
{
    public StringValues this[string name] => Headers.TryGetValue(name, out var v) ? v : StringValues.Empty;

    public bool Has(string name) => Headers.ContainsKey(name);

    public override string ToString() =>
        $"{Status}" + string.Concat(Headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"\n  {h.Key}: {CorsRequest.Printable(h.Value)}"));
}

/// <summary>A started app on TestServer that answers <see cref="CorsRequest"/>s.</summary>
public sealed class TestApp(WebApplication app) : IAsyncDisposable
{
    public static Task<TestApp> StartAsync(Action<IServiceCollection> services, Action<WebApplication> configure) =>
        StartWithBuilderAsync(builder => services(builder.Services), configure);

    public static async Task<TestApp> StartWithBuilderAsync(Action<WebApplicationBuilder> build, Action<WebApplication> configure)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        build(builder);
        var app = builder.Build();
        configure(app);
        await app.StartAsync();
        return new TestApp(app);
    }

    public async Task<Reply> SendAsync(CorsRequest request)
    {
        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = request.Method;
            c.Request.Path = request.Path;
            foreach (var (name, value) in request.Headers())
            {
                c.Request.Headers[name] = value;
            }
        });
        return new Reply(context.Response.StatusCode, context.Response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>
/// The code under test: the endpoint classes written as C#, compiled in memory with CorsGen's
/// generator into one assembly, loaded into a collectible context.
/// </summary>
public sealed class GeneratedEndpoints : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private GeneratedEndpoints(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    public Assembly Assembly { get; }

    public static string Source(IEnumerable<EndpointClassSpec> classes)
    {
        var text = new StringBuilder("using CorsGen;\n\nnamespace Conformance;\n\n");
        foreach (var endpoints in classes)
        {
            text.AppendLine(endpoints.Source());
        }

        return text.ToString();
    }

    public static GeneratedEndpoints Compile(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Conformance",
            [CSharpSyntaxTree.ParseText(source, parseOptions, "/src/Endpoints.cs", Encoding.UTF8)],
            ReferenceAssemblies.Net10AspNetCore,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

        var driver = CSharpGeneratorDriver.Create([new CorsGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var crash = driver.GetRunResult().Results.Single().Exception;
        Assert.True(crash is null, $"the generator threw: {crash}");
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id is "CS8784" or "CS8785");

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20).ToList();
        Assert.True(emitted.Success, "the generated code does not compile:\n" + string.Join("\n", errors));

        // CorsGen.dll and ASP.NET Core resolve from the default context, where this test already loaded them.
        _ = typeof(AllowOriginsAttribute).Assembly;
        var context = new AssemblyLoadContext("CorsGen.Conformance", isCollectible: true);
        image.Position = 0;
        return new GeneratedEndpoints(context, context.LoadFromStream(image));
    }

    /// <summary>Calls every generated <c>MapXEndpoints</c> extension method on <paramref name="app"/>.</summary>
    public int MapAll(WebApplication app)
    {
        var maps = Assembly.GetTypes()
            .Where(t => t.Namespace == "Microsoft.AspNetCore.Builder" && t.Name.EndsWith("CorsGenExtensions", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.Name.StartsWith("Map", StringComparison.Ordinal))
            .ToList();
        foreach (var map in maps)
        {
            map.Invoke(null, [app]);
        }

        return maps.Count;
    }

    public void Dispose() => _context.Unload();
}

/// <summary>The same routes answered by ASP.NET Core's CORS middleware: UseCors() and RequireCors(policy) per route.</summary>
public static class AspNetCoreEndpoints
{
    public static void MapAll(WebApplication app, IEnumerable<EndpointClassSpec> classes)
    {
        foreach (var endpoints in classes)
        {
            foreach (var route in endpoints.Routes)
            {
                var builder = app.MapMethods(route.Pattern, [route.Method], () => "ok");
                if (route.Disabled)
                {
                    builder.WithMetadata(new DisableCorsAttribute());
                }
                else
                {
                    builder.RequireCors(policy => endpoints.ConfigureAspNetCorePolicy(policy, route));
                }
            }
        }
    }
}
