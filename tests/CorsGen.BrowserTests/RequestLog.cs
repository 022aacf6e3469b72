using Microsoft.AspNetCore.Http;

namespace CorsGen.BrowserTests;

/// <summary>
/// What a test server answered, one entry per response, recorded when the response starts (so before
/// the browser can have seen it, and after the status is final: a refused upgrade's 403 included).
/// Tests take a <see cref="Mark"/> before acting and read <see cref="SeenSince"/> after.
/// </summary>
/// <typeparam name="T">One entry, built from the request and the starting response.</typeparam>
public sealed class RequestLog<T>(Func<HttpContext, T> describe)
{
    private readonly object _gate = new();
    private readonly List<T> _seen = [];

    public int Mark()
    {
        lock (_gate)
        {
            return _seen.Count;
        }
    }

    public List<T> SeenSince(int mark)
    {
        lock (_gate)
        {
            return _seen[mark..];
        }
    }

    /// <summary>The middleware that records (<c>app.Use(log.Record)</c>).</summary>
    public Task Record(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var entry = describe(context);
            lock (_gate)
            {
                _seen.Add(entry);
            }

            return Task.CompletedTask;
        });
        return next();
    }
}
