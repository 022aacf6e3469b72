using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsGen.Benchmarks;

/// <summary>
/// Each scenario as a triple on the same prepared HttpContext: the floor (baseline), CorsGen's
/// generated handler, and ASP.NET Core's CorsMiddleware with the equivalent policy. OnStarting
/// callbacks are fired inside the measured call for all three.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WideParameterColumns))]
public class CorsBenchmarks
{
    private DefaultHttpContext _context = null!;
    private ReplayingResponseFeature _response = null!;
    private RequestDelegate _floor = null!;
    private RequestDelegate _corsGen = null!;
    private CorsMiddleware _aspNetCore = null!;
    private ICorsPolicyProvider _policyProvider = null!;

    public static IEnumerable<string> ScenarioNames => ScenarioCatalog.All.Select(s => s.Name);

    [ParamsSource(nameof(ScenarioNames))]
    public string Scenario { get; set; } = ScenarioCatalog.All[0].Name;

    /// <summary>Both header stores, or the one named by CORSGEN_BENCH_HEADERS (DefaultHttpContext or Kestrel).</summary>
    public static IEnumerable<HeaderStore> HeaderStores =>
        Enum.TryParse<HeaderStore>(Environment.GetEnvironmentVariable("CORSGEN_BENCH_HEADERS"), out var only)
            ? [only]
            : [HeaderStore.DefaultHttpContext, HeaderStore.Kestrel];

    [ParamsSource(nameof(HeaderStores))]
    public HeaderStore Headers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioCatalog.Get(Scenario);
        var app = GeneratedApp.Instance;
        (_context, _response) = BenchmarkContext.Create(scenario, app.Services, Headers);
        _corsGen = GeneratedApp.FindRequestDelegate(scenario.Path, scenario.IsPreflight ? HttpMethods.Options : scenario.Method);

        var policy = scenario.AspNetPolicy(new CorsPolicyBuilder()).Build();
        var corsService = new CorsService(Options.Create(new CorsOptions()), NullLoggerFactory.Instance);
        _aspNetCore = new CorsMiddleware(static _ => Task.CompletedTask, corsService, policy, NullLoggerFactory.Instance);
        _policyProvider = new DefaultCorsPolicyProvider(Options.Create(new CorsOptions()));

        // Fail fast if CorsGen does not answer the way the scenario says; the floor then writes the same values.
        CorsGen();
        var expectedStatus = scenario.Floor switch
        {
            FloorKind.PreflightAllowed => 204,
            FloorKind.PreflightRefused => 403,
            _ => 200,
        };
        if (_context.Response.StatusCode != expectedStatus)
        {
            throw new InvalidOperationException($"{Scenario}: CorsGen answered {_context.Response.StatusCode}, expected {expectedStatus}.");
        }

        var corsGenHeaders = ResponseHeaders();
        _floor = FloorHandlers.For(scenario, _context.Response.Headers);
        Floor();
        if (_context.Response.StatusCode != expectedStatus || ResponseHeaders() != corsGenHeaders)
        {
            throw new InvalidOperationException($"{Scenario} ({Headers}): CorsGen wrote {corsGenHeaders}, the floor {_context.Response.StatusCode} {ResponseHeaders()}.");
        }
    }

    private string ResponseHeaders() =>
        string.Join("; ", _context.Response.Headers.Select(h => h.Key.ToLowerInvariant() + ": " + h.Value).Order(StringComparer.Ordinal));

    [Benchmark(Baseline = true)]
    public Task Floor()
    {
        _response.Reset();
        _floor(_context);
        return _response.FireOnStarting();
    }

    [Benchmark]
    public Task CorsGen()
    {
        _response.Reset();
        _corsGen(_context);
        return _response.FireOnStarting();
    }

    [Benchmark]
    public Task AspNetCore()
    {
        _response.Reset();
        _aspNetCore.Invoke(_context, _policyProvider);
        return _response.FireOnStarting();
    }
}

/// <summary>The benchmark endpoint classes mapped once, as an application maps them.</summary>
public static class GeneratedApp
{
    private static readonly Lazy<WebApplication> App = new(() =>
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapSingleOriginEndpoints();
        app.MapTenOriginsEndpoints();
        app.MapHundredOriginsEndpoints();
        app.MapSubdomainEndpoints();
        app.MapAnyOriginEndpoints();
        app.MapListedHeadersEndpoints();
        app.MapAnyHeadersEndpoints();
        return app;
    });

    public static WebApplication Instance => App.Value;

    public static RequestDelegate FindRequestDelegate(string path, string method)
    {
        var endpoints = ((IEndpointRouteBuilder)Instance).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            if (string.Equals("/" + endpoint.RoutePattern.RawText?.TrimStart('/'), path, StringComparison.OrdinalIgnoreCase)
                && methods is not null && methods.Contains(method, StringComparer.OrdinalIgnoreCase))
            {
                return endpoint.RequestDelegate ?? throw new InvalidOperationException($"{method} {path} has no request delegate.");
            }
        }

        throw new InvalidOperationException($"No endpoint {method} {path}.");
    }
}

/// <summary>Keeps scenario names whole in the summary table.</summary>
public sealed class WideParameterColumns : BenchmarkDotNet.Configs.ManualConfig
{
    public WideParameterColumns() =>
        SummaryStyle = BenchmarkDotNet.Reports.SummaryStyle.Default.WithMaxParameterColumnWidth(40);
}
