using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CorsGen.Benchmarks;

/// <summary>
/// A response feature that keeps OnStarting callbacks in a reused list and fires them, as Kestrel
/// does per connection. DefaultHttpContext's own feature drops them, which would hide the work of
/// every actual-request path (CorsGen's and ASP.NET Core's alike).
/// </summary>
public sealed class ReplayingResponseFeature : HttpResponseFeature
{
    private readonly List<(Func<object, Task> Callback, object State)> _onStarting = new(4);

    public override void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

    public Task FireOnStarting()
    {
        // Kestrel runs them last-registered first.
        for (var i = _onStarting.Count - 1; i >= 0; i--)
        {
            var (callback, state) = _onStarting[i];
            var task = callback(state);
            if (!task.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("Benchmark callbacks must complete synchronously.");
            }
        }

        _onStarting.Clear();
        return Task.CompletedTask;
    }

    public void Reset()
    {
        Headers.Clear();
        StatusCode = 200;
        _onStarting.Clear();
    }
}

/// <summary>Which header collections the prepared context holds.</summary>
public enum HeaderStore
{
    /// <summary><see cref="DefaultHttpContext"/>'s own: a case-insensitive dictionary, hashed on every read and write.</summary>
    DefaultHttpContext,

    /// <summary>
    /// Kestrel's request and response header collections (the ones a real request carries), whose typed
    /// properties are a bit test and a field. Internal types, created by reflection: no socket, no parsing.
    /// </summary>
    Kestrel,
}

public static class BenchmarkContext
{
    private const string KestrelHttp = "Microsoft.AspNetCore.Server.Kestrel.Core.Internal.Http.";

    public static (DefaultHttpContext Context, ReplayingResponseFeature Response) Create(Scenario scenario, IServiceProvider services, HeaderStore store = HeaderStore.DefaultHttpContext)
    {
        var features = new FeatureCollection();
        var request = new HttpRequestFeature();
        var response = new ReplayingResponseFeature();
        if (store == HeaderStore.Kestrel)
        {
            request.Headers = CreateKestrelHeaders("HttpRequestHeaders", true, null);
            response.Headers = CreateKestrelHeaders("HttpResponseHeaders", [null]);
        }

        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        var context = new DefaultHttpContext(features) { RequestServices = services };
        context.Request.Method = scenario.Method;
        context.Request.Path = scenario.Path;
        var headers = context.Request.Headers;
        if (scenario.Origin is not null)
        {
            headers.Origin = scenario.Origin;
        }

        if (scenario.RequestMethod is not null)
        {
            headers.AccessControlRequestMethod = scenario.RequestMethod;
        }

        if (scenario.RequestHeaders is not null)
        {
            headers.AccessControlRequestHeaders = scenario.RequestHeaders;
        }

        return (context, response);
    }

    private static IHeaderDictionary CreateKestrelHeaders(string typeName, params object?[] arguments)
    {
        var type = typeof(Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions).Assembly.GetType(KestrelHttp + typeName, throwOnError: true)!;
        return (IHeaderDictionary)Activator.CreateInstance(type, System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, null, arguments, null)!;
    }
}
