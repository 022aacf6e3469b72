using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen.Benchmarks;

/// <summary>The validators under measurement: a synchronous one, and an asynchronous one that completes synchronously for one origin and awaits for the others.</summary>
public sealed class BenchListValidator : IOriginValidator
{
    public bool IsOriginAllowed(OriginValidationContext context) => context.Origin == ValidatorEndpoints.Tenant;
}

public sealed class BenchAsyncValidator : IAsyncOriginValidator
{
    private static readonly ValueTask<bool> Yes = new(true);

    public ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken) =>
        context.Origin == ValidatorEndpoints.Tenant ? Yes : AwaitedAsync();

    private static async ValueTask<bool> AwaitedAsync()
    {
        await Task.Yield();
        return true;
    }
}

/// <summary>A compiled origin plus each validator form, one pattern each.</summary>
[AllowOrigins(Compiled)]
public static partial class ValidatorEndpoints
{
    public const string Compiled = "https://app.example.com";
    public const string Tenant = "https://tenant-a.example.org";
    public const string Awaiting = "https://tenant-b.example.org";

    [AllowOriginValidator(typeof(BenchListValidator))]
    [MapPut("/validator/sync")]
    public static string PutSync() => "";

    [AllowOriginValidator(typeof(BenchAsyncValidator))]
    [MapPut("/validator/async")]
    public static string PutAsync() => "";

    [MapPut("/compiled-only")]
    public static string PutCompiled() => "";
}

/// <summary>
/// The origin validator's paths of a preflight (BenchmarkDotNet, one prepared DefaultHttpContext): compiled-first
/// (validator not asked), the synchronous form, the asynchronous form completing synchronously, awaiting, and
/// awaiting behind the opt-in cache. A compiled-only policy is the reference.
/// </summary>
[MemoryDiagnoser]
public class OriginValidatorBenchmarks
{
    private static readonly Lazy<WebApplication> Uncached = new(() => Build(cache: false));
    private static readonly Lazy<WebApplication> Cached = new(() => Build(cache: true));

    private DefaultHttpContext _context = null!;
    private RequestDelegate _handler = null!;

    [Params(
        "compiled-only policy",
        "compiled origin, validator policy",
        "sync validator",
        "async validator, completed synchronously",
        "async validator, awaited",
        "async validator, awaited, cached")]
    public string Scenario { get; set; } = "compiled-only policy";

    [GlobalSetup]
    public void Setup()
    {
        var (app, path, origin) = Scenario switch
        {
            "compiled-only policy" => (Uncached.Value, "/compiled-only", ValidatorEndpoints.Compiled),
            "compiled origin, validator policy" => (Uncached.Value, "/validator/async", ValidatorEndpoints.Compiled),
            "sync validator" => (Uncached.Value, "/validator/sync", ValidatorEndpoints.Tenant),
            "async validator, completed synchronously" => (Uncached.Value, "/validator/async", ValidatorEndpoints.Tenant),
            "async validator, awaited" => (Uncached.Value, "/validator/async", ValidatorEndpoints.Awaiting),
            _ => (Cached.Value, "/validator/async", ValidatorEndpoints.Awaiting),
        };
        _handler = Preflight(app, path);
        _context = new DefaultHttpContext { RequestServices = app.Services };
        _context.Request.Method = HttpMethods.Options;
        _context.Request.Path = path;
        _context.Request.Headers.Origin = origin;
        _context.Request.Headers.AccessControlRequestMethod = "PUT";
        Preflight().GetAwaiter().GetResult();
        if (_context.Response.StatusCode != 204)
        {
            throw new InvalidOperationException($"{Scenario}: {_context.Response.StatusCode}, expected 204.");
        }
    }

    [Benchmark]
    public Task Preflight()
    {
        _context.Response.Headers.Clear();
        _context.Response.StatusCode = 200;
        return _handler(_context);
    }

    private static WebApplication Build(bool cache)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<BenchListValidator>();
        builder.Services.AddSingleton<BenchAsyncValidator>();
        builder.Services.AddCorsGen(o =>
        {
            if (cache)
            {
                o.OriginValidatorCache = new OriginValidatorCacheOptions { MaxEntries = 1000, TimeToLive = TimeSpan.FromHours(1) };
            }
        });
        var app = builder.Build();
        app.MapValidatorEndpoints();
        return app;
    }

    private static RequestDelegate Preflight(WebApplication app, string path) =>
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Single(e => "/" + e.RoutePattern.RawText?.TrimStart('/') == path && e.DisplayName?.StartsWith("CORS preflight", StringComparison.Ordinal) == true)
            .RequestDelegate!;
}
