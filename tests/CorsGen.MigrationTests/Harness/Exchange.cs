using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen.MigrationTests.Harness;

/// <summary>One request as an app's server saw it, and the status and <c>Vary</c> it answered with.</summary>
public sealed record Exchange(string Method, string Path, string? Origin, string? RequestMethod, string? RequestHeaders, int Status, string? AllowOrigin, IReadOnlySet<string> Vary)
{
    public bool IsPreflight => Method == "OPTIONS" && Origin is not null && RequestMethod is not null;

    /// <summary>A WebSocket opening handshake (<c>Upgrade</c> sent).</summary>
    public bool IsUpgrade { get; init; }

    public override string ToString() =>
        $"{Method} {Path}{(IsUpgrade ? " Upgrade" : "")} Origin={Origin ?? "-"} ACRM={RequestMethod ?? "-"} ACRH={RequestHeaders ?? "-"} -> {Status} ACAO={AllowOrigin ?? "-"} Vary=[{string.Join(", ", Vary.Order(StringComparer.OrdinalIgnoreCase))}]";

    /// <summary>The field names of every <c>Vary</c> line, as a set (ASP.NET Core and CorsGen join lists differently).</summary>
    public static IReadOnlySet<string> VaryNames(StringValues vary) =>
        vary.SelectMany(line => (line ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Records every request an app receives; installed outside the app's own pipeline.</summary>
public sealed class ExchangeRecorder : IStartupFilter
{
    private readonly object _gate = new();
    private readonly List<Exchange> _seen = [];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(Record);
        next(app);
    };

    public int Mark()
    {
        lock (_gate)
        {
            return _seen.Count;
        }
    }

    public IReadOnlyList<Exchange> SeenSince(int mark)
    {
        lock (_gate)
        {
            return _seen[mark..];
        }
    }

    // The outermost middleware registers its callback first, so it runs last: after the CORS headers
    // (the middleware's and CorsGen's are also written when the response starts), before the browser sees anything.
    private Task Record(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Request.Headers;
            var exchange = new Exchange(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                headers.Origin.Count == 0 ? null : headers.Origin.ToString(),
                headers.AccessControlRequestMethod.Count == 0 ? null : headers.AccessControlRequestMethod.ToString(),
                headers.AccessControlRequestHeaders.Count == 0 ? null : headers.AccessControlRequestHeaders.ToString(),
                context.Response.StatusCode,
                context.Response.Headers.AccessControlAllowOrigin.Count == 0 ? null : context.Response.Headers.AccessControlAllowOrigin.ToString(),
                Exchange.VaryNames(context.Response.Headers.Vary))
            {
                IsUpgrade = headers.Upgrade.Count != 0,
            };
            lock (_gate)
            {
                _seen.Add(exchange);
            }

            return Task.CompletedTask;
        });
        return next();
    }
}
