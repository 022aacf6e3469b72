using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests.Matrix;

/// <summary>One request as the matrix API saw it.</summary>
public sealed record SeenRequest(string Method, string Path, string? Origin, string? RequestMethod, string? RequestHeaders, int Status)
{
    public bool IsPreflight => Method == "OPTIONS" && Origin is not null && RequestMethod is not null;

    public override string ToString() =>
        $"{Method} {Path} Origin={Origin ?? "-"} ACRM={RequestMethod ?? "-"} ACRH={RequestHeaders ?? "-"} -> {Status}";
}

/// <summary>
/// The matrix's two servers and one Chromium: the API (the Matrix endpoint classes) on a free
/// 127.0.0.1 port, and the page on <see cref="MatrixOrigins.PagePort"/>, the origin compiled into
/// the attributes. The page holds a sandboxed iframe, whose origin is "null".
/// </summary>
public sealed class MatrixFixture : IAsyncLifetime
{
    private const string PageHtml = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>CorsGen browser matrix</title></head>
        <body><iframe id="sandboxed" sandbox="allow-scripts" srcdoc="<!doctype html><p>sandboxed</p>"></iframe></body></html>
        """;

    private readonly RequestLog<SeenRequest> _log = new(Describe);
    private WebApplication? _api;
    private WebApplication? _page;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ApiUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return; // every test is skipped: start nothing
        }

        _api = CreateApp(0);
        _api.Use(_log.Record);
        _api.MapMatrixEndpoints();
        _api.MapLowerCasePatchEndpoints();
        _api.MapCredentialedMatrixEndpoints();
        _api.MapAnyOriginMatrixEndpoints();
        _api.MapCachedPreflightEndpoints();
        _api.MapNullOriginMatrixEndpoints();
        await _api.StartAsync();
        ApiUrl = _api.Urls.First().TrimEnd('/');

        _page = await PageServer.StartAsync(MatrixOrigins.PagePort, PageHtml, "The browser matrix");

        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync(_playwright, _browser);
        foreach (var app in new[] { _page, _api })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>The page, loaded from <paramref name="origin"/> in a new browser context (own cookies, own preflight cache).</summary>
    public Task<IPage> OpenPageAsync(string origin = MatrixOrigins.Page) => Browser.NewPageAsync(_browser, origin);

    public int Mark() => _log.Mark();

    public IReadOnlyList<SeenRequest> SeenSince(int mark) => _log.SeenSince(mark);

    private static WebApplication CreateApp(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return builder.Build();
    }

    private static SeenRequest Describe(HttpContext context)
    {
        var headers = context.Request.Headers;
        return new SeenRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            headers.Origin.Count == 0 ? null : headers.Origin.ToString(),
            headers.AccessControlRequestMethod.Count == 0 ? null : headers.AccessControlRequestMethod.ToString(),
            headers.AccessControlRequestHeaders.Count == 0 ? null : headers.AccessControlRequestHeaders.ToString(),
            context.Response.StatusCode);
    }
}

[CollectionDefinition(Name)]
public sealed class MatrixCollection : ICollectionFixture<MatrixFixture>
{
    public const string Name = "BrowserMatrix";
}
