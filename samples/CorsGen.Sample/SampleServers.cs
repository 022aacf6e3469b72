using System.Net;
using OpenTelemetry.Metrics;

namespace CorsGen.Sample;

/// <summary>Where and how <see cref="SampleServers.StartAsync"/> starts the two servers.</summary>
public sealed record SampleOptions
{
    /// <summary>The REST API's port on 127.0.0.1; 0 picks a free one.</summary>
    public int ApiPort { get; init; } = SampleServers.DefaultApiPort;

    /// <summary>The web page's port on 127.0.0.1; 0 picks a free one.</summary>
    public int WebPort { get; init; } = SampleServers.DefaultWebPort;

    /// <summary>The API base URL the page calls; by default the API server's own address.</summary>
    public string? ApiUrl { get; init; }

    /// <summary>
    /// Origins the API allows besides <see cref="InfoEndpoints.AllowedOrigin"/>, handed to CorsGen as the
    /// configuration key <c>Cors:AllowedOrigins</c> (<c>[AllowOriginsFromConfiguration]</c>). Each must be a
    /// serialized origin, or start-up fails with <see cref="InvalidOperationException"/> naming it.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Called for every request the API server answers, as its response starts (on a server thread).</summary>
    public Action<ApiRequest>? OnApiRequest { get; init; }

    /// <summary>
    /// The servers' environment, e.g. <c>Development</c> (where CorsGen explains refused preflights);
    /// <see langword="null"/>: from <c>DOTNET_ENVIRONMENT</c>/<c>ASPNETCORE_ENVIRONMENT</c>, as usual.
    /// </summary>
    public string? EnvironmentName { get; init; }

    /// <summary>
    /// Exports the API's metrics (CorsGen's <c>corsgen.requests</c>) with OpenTelemetry's console exporter
    /// every <see cref="MetricsInterval"/>; <see langword="null"/>: no export.
    /// </summary>
    public TimeSpan? MetricsInterval { get; init; }
}

/// <summary>One request as the API server saw it.</summary>
/// <param name="Method">The request method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Origin">The <c>Origin</c> header, if any.</param>
/// <param name="AccessControlRequestMethod">The <c>Access-Control-Request-Method</c> header of a preflight, if any.</param>
/// <param name="StatusCode">The response status.</param>
/// <param name="Refusal">Why CorsGen refused the preflight (its <c>CorsGen-Refusal</c> header, Development only), if it says.</param>
public sealed record ApiRequest(string Method, string Path, string? Origin, string? AccessControlRequestMethod, int StatusCode, string? Refusal = null)
{
    /// <summary>Whether this is a CORS preflight: <c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>.</summary>
    public bool IsPreflight => Method == "OPTIONS" && Origin is not null && AccessControlRequestMethod is not null;

    /// <summary>What the sample's console output puts before each request.</summary>
    public const string OutputPrefix = "API  ";

    private const string OriginField = "  Origin: ";
    private const string RequestMethodField = "  Access-Control-Request-Method: ";
    private const string RefusalField = "  Refused: ";
    private const string StatusField = "  -> ";

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Method} {Path}"
        + (Origin is null ? "" : OriginField + Origin)
        + (AccessControlRequestMethod is null ? "" : RequestMethodField + AccessControlRequestMethod)
        + (Refusal is null ? "" : RefusalField + Refusal)
        + StatusField + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads back what <see cref="ToString"/> wrote (the sample prints it after <c>"API  "</c>), e.g. from a published binary's output.</summary>
    /// <param name="text">One request as <see cref="ToString"/> formats it.</param>
    /// <returns>The request, or <see langword="null"/> when <paramref name="text"/> is not in that format.</returns>
    public static ApiRequest? Parse(string text)
    {
        var status = text.LastIndexOf(StatusField, StringComparison.Ordinal);
        var space = text.IndexOf(' ');
        if (status < 0 || space < 0 || !int.TryParse(text.AsSpan(status + StatusField.Length), System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return null;
        }

        var rest = text[(space + 1)..status];
        var refusal = Field(ref rest, RefusalField);
        var requestMethod = Field(ref rest, RequestMethodField);
        var origin = Field(ref rest, OriginField);
        return new ApiRequest(text[..space], rest, origin, requestMethod, code, refusal);

        static string? Field(ref string rest, string field)
        {
            var at = rest.IndexOf(field, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            var value = rest[(at + field.Length)..];
            rest = rest[..at];
            return value;
        }
    }
}

/// <summary>
/// The two servers of the demo, in one process: the REST API (<see cref="InfoEndpoints"/>) and the
/// web server whose page calls it from another origin.
/// </summary>
public sealed class SampleServers : IAsyncDisposable
{
    /// <summary>The API's port in the bareASGI demo.</summary>
    public const int DefaultApiPort = 9010;

    /// <summary>The web page's port in the bareASGI demo, part of <see cref="InfoEndpoints.AllowedOrigin"/>.</summary>
    public const int DefaultWebPort = 9000;

    /// <summary>Printed by the sample once both servers listen: what a harness running the published binary waits for.</summary>
    public const string ReadyLine = "Press Ctrl+C to stop.";

    // CorsGen's explanation of a refused preflight, in the Development environment.
    private const string RefusalHeader = "CorsGen-Refusal";

    private readonly WebApplication _api;
    private readonly WebApplication _web;

    private SampleServers(WebApplication api, string apiUrl, WebApplication web, string webUrl)
    {
        _api = api;
        _web = web;
        ApiUrl = apiUrl;
        WebUrl = webUrl;

        // One Ctrl+C (or one StopApplication) stops both.
        api.Lifetime.ApplicationStopping.Register(web.Lifetime.StopApplication);
        web.Lifetime.ApplicationStopping.Register(api.Lifetime.StopApplication);
    }

    /// <summary>The API server's address, e.g. <c>http://127.0.0.1:9010</c>.</summary>
    public string ApiUrl { get; }

    /// <summary>The web page's address and origin, e.g. <c>http://127.0.0.1:9000</c>.</summary>
    public string WebUrl { get; }

    /// <summary>Starts the API server, then the web server.</summary>
    /// <param name="options">Ports and hooks; the defaults are the demo's 9010 and 9000.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running servers; dispose to stop them.</returns>
    /// <exception cref="InvalidOperationException">A port could not be bound, or an allowed origin is not a serialized origin.</exception>
    public static async Task<SampleServers> StartAsync(SampleOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SampleOptions();

        var api = CreateApi(options);
        var apiUrl = await StartOnLoopbackAsync(api, "API", cancellationToken);
        try
        {
            var web = CreateWeb(options.ApiUrl ?? apiUrl, options.WebPort);
            var webUrl = await StartOnLoopbackAsync(web, "web", cancellationToken);
            return new SampleServers(api, apiUrl, web, webUrl);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>Completes when both servers have stopped (Ctrl+C, SIGTERM or <see cref="DisposeAsync"/>).</summary>
    public Task WaitForShutdownAsync() => Task.WhenAll(_api.WaitForShutdownAsync(), _web.WaitForShutdownAsync());

    /// <summary>Stops and disposes both servers.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_web.StopAsync(), _api.StopAsync());
        await _web.DisposeAsync();
        await _api.DisposeAsync();
    }

    private static WebApplication CreateApi(SampleOptions options)
    {
        var app = CreateApplication(options.ApiPort, options.EnvironmentName, options.AllowedOrigins, options.MetricsInterval);
        if (options.OnApiRequest is { } onRequest)
        {
            // Reported when the response starts, so before the client can have seen it.
            app.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Request.Headers;
                    onRequest(new ApiRequest(
                        context.Request.Method,
                        context.Request.Path.Value ?? "",
                        headers.Origin.Count == 0 ? null : headers.Origin.ToString(),
                        headers.AccessControlRequestMethod.Count == 0 ? null : headers.AccessControlRequestMethod.ToString(),
                        context.Response.StatusCode,
                        context.Response.Headers.TryGetValue(RefusalHeader, out var refusal) ? refusal.ToString() : null));
                    return Task.CompletedTask;
                });
                return next(context);
            });
        }

        // Generated by CorsGen from InfoEndpoints: its routes and the preflight route of /info.
        app.MapInfoEndpoints();
        return app;
    }

    private static WebApplication CreateWeb(string apiUrl, int port)
    {
        var app = CreateApplication(port, environmentName: null);
        var page = LoadPage(apiUrl);
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        return app;
    }

    private static WebApplication CreateApplication(int port, string? environmentName, IReadOnlyList<string>? allowedOrigins = null, TimeSpan? metricsInterval = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        if (metricsInterval is { } interval)
        {
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter("CorsGen")
                .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)interval.TotalMilliseconds));
        }

        builder.Configuration.AddInMemoryCollection((allowedOrigins ?? [])
            .Select((origin, i) => new KeyValuePair<string, string?>($"Cors:AllowedOrigins:{i}", origin)));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleJsonContext.Default));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return builder.Build();
    }

    private static string LoadPage(string apiUrl)
    {
        using var stream = typeof(SampleServers).Assembly.GetManifestResourceStream("CorsGen.Sample.index.html")
            ?? throw new InvalidOperationException("The embedded resource CorsGen.Sample.index.html is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{API_BASE}}", WebUtility.HtmlEncode(apiUrl.TrimEnd('/')), StringComparison.Ordinal);
    }

    // Returns the bound address, so that port 0 reports the port Kestrel picked.
    private static async Task<string> StartOnLoopbackAsync(WebApplication app, string role, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new InvalidOperationException(
                $"The {role} server could not listen on 127.0.0.1: {ex.Message} Stop whatever uses the port, or choose another with --api-port/--web-port.",
                ex);
        }

        return app.Urls.First().TrimEnd('/');
    }
}
