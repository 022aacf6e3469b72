using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using Xunit.Abstractions;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// The generated preflight handlers allocate nothing per request: their RequestDelegate is invoked
/// on one reused DefaultHttpContext and GC.GetAllocatedBytesForCurrentThread must not grow.
/// </summary>
public sealed class AllocationTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    private const int Iterations = 2000;
    private readonly CorsApp _app = fixture.App;

    /// <summary>ACRH lines are separated by '|'.</summary>
    public static TheoryData<string, string, string, string?, int> Preflights => new()
    {
        { "/single", TestOrigins.App, "POST", null, 204 },
        { "/single", TestOrigins.Evil, "POST", null, 403 },
        { "/single", TestOrigins.App, "DELETE", null, 403 },
        { "/single", TestOrigins.App, "POST", "content-type", 204 },
        { "/multi", TestOrigins.LocalDev, "DELETE", null, 204 },
        { "/origins/tree", "https://b2.example.com", "POST", null, 204 },
        { "/origins/tree", "https://a1.exbmple.com", "POST", null, 403 },
        { "/headers", TestOrigins.App, "POST", "x-api-key,x-request-id,x-trace", 204 },
        { "/headers", TestOrigins.App, "POST", "x-api-key|x-request-id, x-trace", 204 },
        { "/headers", TestOrigins.App, "POST", "x-api-key,x-evil,x-trace", 403 },
        { "/headers/any", TestOrigins.App, "POST", "x-a,x-b,x-c", 204 },
        { "/subdomain", "https://app.example.com", "POST", "x-api-key,x-request-id,x-trace", 204 },
        { "/subdomain", "https://a.b.example.com", "GET", null, 204 },
        { "/subdomain", "http://a.dev.test:8080", "GET", null, 204 },
        { "/subdomain", "https://a..example.com", "POST", null, 403 },
        { "/subdomain", "https://app.example.com.evil.net", "POST", null, 403 },
        { "/any", TestOrigins.Evil, "PUT", "x-api-key", 204 },
        { "/credentials", TestOrigins.Other, "POST", "authorization,x-csrf-token", 204 },
        { "/methods", TestOrigins.App, "patch", null, 403 },
        { "/methods/any", TestOrigins.App, "PURGE", null, 204 },
        { "/max-age", TestOrigins.App, "GET", null, 204 },
        { "/user-options", TestOrigins.App, "PUT", null, 204 },
        { "/secure/data", TestOrigins.App, "POST", "authorization", 204 },
        { "/policy", TestOrigins.Other, "GET", "x-partner-key", 204 },
        { "/configured", TestOrigins.App, "POST", null, 204 },
        { "/predicate", "https://tenant-a.example.org", "POST", null, 204 },
        { "/predicate", "https://tenant-a.example.org/", "POST", null, 403 },
        { "/private-network", TestOrigins.App, "POST", null, 204 },
        { "/preflight-200", TestOrigins.App, "POST", null, 200 },
        { "/group/orders", TestOrigins.Other, "POST", "x-partner-key", 204 },
        { "/group/orders/{id:int}", TestOrigins.Other, "DELETE", null, 204 },
        { "/group/orders", TestOrigins.Other, "PUT", null, 403 },
        { "/hand-mapped", TestOrigins.Evil, "POST", null, 403 },
    };

    [Theory]
    [MemberData(nameof(Preflights))]
    public void Preflight_handler_allocates_nothing(string path, string origin, string method, string? acrh, int status)
    {
        var endpoint = EndpointLookup.FindPreflight(_app.App.Services, path);
        var handler = endpoint.RequestDelegate!;

        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Request.Method = HttpMethods.Options;
        context.Request.Path = path;
        context.Request.Headers.Origin = origin;
        context.Request.Headers.AccessControlRequestMethod = method;
        if (acrh is not null)
        {
            context.Request.Headers.AccessControlRequestHeaders = new StringValues(acrh.Split('|'));
        }

        context.SetEndpoint(endpoint);
        var response = context.Response;
        void Request()
        {
            response.Headers.Clear();
            response.StatusCode = 200;
            Run(handler, context);
        }

        var bytes = Measure(Request);
        var (listenedBytes, measurements) = MeasureWithMetricsListener(Request);

        // The path under measurement is the one the contract describes.
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(status is 200 or 204, response.Headers.ContainsKey(AllowOrigin));
        Assert.True(bytes == 0, $"preflight {path} Origin={origin} ACRM={method} ACRH={acrh} -> {status}: {bytes} bytes in {Iterations} requests ({(double)bytes / Iterations:0.#} B/request)");
        Assert.True(listenedBytes == 0, $"preflight {path} with a corsgen.requests listener: {listenedBytes} bytes in {Iterations} requests");
        Assert.True(measurements >= Iterations, $"the listener saw {measurements} corsgen.requests measurements for {Iterations} requests");
    }

    /// <summary>
    /// <see cref="Measure"/> with a <see cref="System.Diagnostics.Metrics.MeterListener"/> on CorsGen's meter, as an
    /// exporter attaches one; returns the bytes and how many measurements it saw.
    /// </summary>
    private static (long Bytes, long Measurements) MeasureWithMetricsListener(Action request, string? kind = null, string? policy = null)
    {
        long measurements = 0;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "CorsGen")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        // With a kind and policy, only theirs count: other test classes' servers record on the same meter meanwhile.
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if ((kind is null || HasTag(tags, "corsgen.request.kind", kind)) && (policy is null || HasTag(tags, "corsgen.policy", policy)))
            {
                measurements += value;
            }
        });
        listener.Start();
        var bytes = Measure(request);
        return (bytes, measurements);
    }

    private static bool HasTag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name, string value)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Measurement_sees_a_single_small_allocation()
    {
        object? sink = null;
        var bytes = Measure(() => sink = new object());

        Assert.NotNull(sink);
        Assert.True(bytes >= Iterations * IntPtr.Size, $"{bytes} bytes for {Iterations} objects");
    }

    public static TheoryData<string?> ActualOrigins => new() { TestOrigins.App, TestOrigins.Evil, null };

    /// <summary>
    /// The actual-request path: CorsGen's share is isolated by comparing GET /mixed (CORS) with
    /// DELETE /mixed ([DisableCors]), whose handlers have the same shape (static string M()), so the
    /// minimal-API handler's own allocations cancel out. OnStarting callbacks are run, so the
    /// header-writing code is measured too.
    /// </summary>
    [Theory]
    [MemberData(nameof(ActualOrigins))]
    public void Actual_request_cors_part_allocates_nothing(string? origin)
    {
        var cors = MeasureActual("GET", origin, out var corsHeaders);
        var baseline = MeasureActual("DELETE", origin, out var baselineHeaders);

        output.WriteLine($"GET /mixed (CORS): {cors} B, DELETE /mixed ([DisableCors]): {baseline} B, over {Iterations} requests");
        Assert.Equal(origin == TestOrigins.App, corsHeaders.ContainsKey(AllowOrigin));
        Assert.True(corsHeaders.ContainsKey("Vary"));
        Assert.False(baselineHeaders.ContainsKey("Vary"));
        Assert.True(cors - baseline <= 0, $"actual GET /mixed Origin={origin ?? "(none)"}: {cors} bytes vs {baseline} bytes for the same handler without CORS, over {Iterations} requests ({(double)(cors - baseline) / Iterations:0.#} B/request by CorsGen)");
    }

    public static TheoryData<string, string, string?, int> AppWideRequests => new()
    {
        { "OPTIONS", "/nowhere", "PATCH", 204 },
        { "OPTIONS", "/nowhere", "PURGE", 204 },
        { "OPTIONS", "/mixed", "DELETE", 403 }, // a [DisableCors] route takes DELETE there: the pattern is matched
        { "GET", "/nowhere", null, 404 },
    };

    /// <summary>
    /// The app-wide policy's own paths, on the default app's routes ([DisableCors] ones among them), for
    /// a request no route answers: preflights answered or refused, and the headers of a 404.
    /// </summary>
    [Theory]
    [MemberData(nameof(AppWideRequests))]
    public void App_wide_policy_allocates_nothing(string method, string path, string? requestMethod, int status)
    {
        var builder = new ApplicationBuilder(_app.App.Services);
        builder.UseCorsGen(AppWidePolicy.Policy);
        builder.Run(static context =>
        {
            context.Response.StatusCode = 404;
            return Task.CompletedTask;
        });
        var pipeline = builder.Build();
        var feature = new StartingResponseFeature();
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Features.Set<IHttpResponseFeature>(feature);
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Headers.Origin = TestOrigins.Other;
        if (requestMethod is not null)
        {
            context.Request.Headers.AccessControlRequestMethod = requestMethod;
        }

        void Request()
        {
            feature.Reset();
            Run(pipeline, context);
            feature.Start();
        }

        var bytes = Measure(Request);
        var (listenedBytes, measurements) = MeasureWithMetricsListener(Request);

        Assert.True(listenedBytes == 0, $"app-wide {method} {path} with a corsgen.requests listener: {listenedBytes} bytes in {Iterations} requests");
        Assert.True(measurements >= Iterations, $"the listener saw {measurements} corsgen.requests measurements for {Iterations} requests");
        Assert.Equal(status, feature.StatusCode);
        Assert.Equal(status != 403, feature.Headers.ContainsKey(AllowOrigin));
        Assert.True(bytes == 0, $"app-wide {method} {path} ACRM={requestMethod} -> {status}: {bytes} bytes in {Iterations} requests ({(double)bytes / Iterations:0.#} B/request)");
    }

    public static TheoryData<string?, string, bool> WebSocketHandshakes => new()
    {
        { TestOrigins.Other, "websocket", true },      // allowed by the policy (counted)
        { TestOrigins.Evil, "websocket", true },       // refused 403 (counted)
        { "http://corsgen.test", "WebSocket", false },  // the app's own origin
        { null, "websocket", false },                   // no Origin: not a browser
    };

    /// <summary>The WebSocket handshake's origin check (under the app-wide policy, as on a CorsGen route): decided without allocating.</summary>
    [Theory]
    [MemberData(nameof(WebSocketHandshakes))]
    public void WebSocket_origin_check_allocates_nothing(string? origin, string upgrade, bool counted)
    {
        var builder = new ApplicationBuilder(_app.App.Services);
        builder.UseCorsGen(AppWidePolicy.Policy);
        builder.Run(static context =>
        {
            context.Response.StatusCode = 101;
            return Task.CompletedTask;
        });
        var pipeline = builder.Build();
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("corsgen.test");
        context.Request.Path = "/hub";
        context.Request.Headers.Upgrade = upgrade;
        context.Request.Headers.Connection = "Upgrade";
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        void Request()
        {
            context.Response.StatusCode = 200;
            Run(pipeline, context);
        }

        var bytes = Measure(Request);
        var (listenedBytes, measurements) = MeasureWithMetricsListener(Request, kind: "websocket", policy: AppWidePolicy.Policy.Settings.Name);

        Assert.Equal(origin == TestOrigins.Evil ? 403 : 101, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey(AllowOrigin));
        Assert.True(bytes == 0, $"WebSocket handshake Origin={origin ?? "(none)"}: {bytes} bytes in {Iterations} requests");
        Assert.True(listenedBytes == 0, $"WebSocket handshake Origin={origin ?? "(none)"} with a corsgen.requests listener: {listenedBytes} bytes in {Iterations} requests");
        Assert.True(counted ? measurements >= Iterations : measurements == 0, $"the listener saw {measurements} corsgen.requests measurements for {Iterations} handshakes");
    }

    private long MeasureActual(string method, string? origin, out IHeaderDictionary headers)
    {
        var endpoint = EndpointLookup.Find(_app.App.Services, "/mixed", method);
        var handler = endpoint.RequestDelegate!;
        var feature = new StartingResponseFeature();
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Features.Set<IHttpResponseFeature>(feature);
        context.Request.Method = method;
        context.Request.Path = "/mixed";
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        context.SetEndpoint(endpoint);
        var bytes = Measure(() =>
        {
            feature.Reset();
            Run(handler, context);
            feature.Start();
        });
        Assert.Equal(200, feature.StatusCode);
        headers = feature.Headers;
        return bytes;
    }

    internal static void Run(RequestDelegate handler, HttpContext context)
    {
        var task = handler(context);
        if (!task.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("handler did not complete synchronously", task.Exception);
        }
    }

    internal static long Measure(Action request)
    {
        for (var i = 0; i < 1000; i++)
        {
            request();
        }

        Thread.Sleep(200); // let tiered JIT finish promoting the hot methods
        for (var i = 0; i < 1000; i++)
        {
            request();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Iterations; i++)
        {
            request();
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>A response feature that keeps OnStarting callbacks in a reused array and runs them on Start().</summary>
    private sealed class StartingResponseFeature : IHttpResponseFeature
    {
        private readonly Func<object, Task>[] _callbacks = new Func<object, Task>[8];
        private readonly object[] _states = new object[8];
        private int _count;

        public int StatusCode { get; set; } = 200;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state)
        {
            _callbacks[_count] = callback;
            _states[_count] = state;
            _count++;
        }

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public void Start()
        {
            HasStarted = true;
            for (var i = _count - 1; i >= 0; i--)
            {
                var task = _callbacks[i](_states[i]);
                if (!task.IsCompletedSuccessfully)
                {
                    throw new InvalidOperationException("OnStarting callback did not complete synchronously", task.Exception);
                }
            }
        }

        public void Reset()
        {
            HasStarted = false;
            Array.Clear(_callbacks);
            Array.Clear(_states);
            _count = 0;
            Headers.Clear();
            StatusCode = 200;
        }
    }
}
