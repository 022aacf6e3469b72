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

public static class BenchmarkContext
{
    public static (DefaultHttpContext Context, ReplayingResponseFeature Response) Create(Scenario scenario, IServiceProvider services)
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature());
        var response = new ReplayingResponseFeature();
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
}
