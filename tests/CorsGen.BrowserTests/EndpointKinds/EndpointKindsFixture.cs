using System.Net;
using CorsGen.EndpointKinds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests.EndpointKinds;

/// <summary>The page's origin is compiled into the policies below, so its port is fixed.</summary>
public static class EndpointKindOrigins
{
    /// <summary>Not the matrix's 47391, the migration suite's 47421 or the sample's 9000/9010.</summary>
    public const int PagePort = 47431;

    public const string Page = "http://127.0.0.1:47431";

    /// <summary>The same page server under another host name: an origin no policy lists.</summary>
    public const string ForeignPage = "http://localhost:47431";
}

/// <summary>The hub's policy: credentials, and the headers @microsoft/signalr sends.</summary>
[CorsPolicy]
[AllowOrigins(EndpointKindOrigins.Page)]
[AllowCredentials]
[AllowHeaders("X-Requested-With", "X-SignalR-User-Agent")]
public static partial class BrowserChatPolicy;

/// <summary>The Razor Pages' policy: fragments fetched with htmx's <c>HX-Request</c>.</summary>
[CorsPolicy]
[AllowOrigins(EndpointKindOrigins.Page)]
[AllowHeaders("HX-Request")]
public static partial class BrowserSitePolicy;

/// <summary>One request as the API saw it; <see cref="Upgrade"/> when it asked to become a WebSocket.</summary>
public sealed record KindRequest(string Method, string Path, string? Origin, bool Upgrade, bool Preflight, int Status)
{
    public override string ToString() => $"{Method} {Path} Origin={Origin ?? "-"}{(Upgrade ? " Upgrade" : "")}{(Preflight ? " preflight" : "")} -> {Status}";
}

/// <summary>
/// The API (hub and Razor Pages in <c>WithCors</c> groups) on a free 127.0.0.1 port, the page server on
/// <see cref="EndpointKindOrigins.PagePort"/> (it serves @microsoft/signalr's browser bundle), one Chromium.
/// </summary>
public sealed class EndpointKindsFixture : IAsyncLifetime
{
    private const string PageHtml = $"""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>CorsGen endpoint kinds</title>
        <script src="{EndpointKindAssets.SignalRScriptPath}"></script></head><body></body></html>
        """;

    private readonly RequestLog<KindRequest> _log = new(Describe);
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

        var api = WebApplication.CreateBuilder();
        api.Logging.SetMinimumLevel(LogLevel.Warning);
        api.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        api.Services.AddEndpointKinds();
        _api = api.Build();
        _api.Use(_log.Record);
        _api.WithCors(BrowserChatPolicy.Policy).MapHub<ChatHub>(EndpointKindAssets.HubPath);
        _api.WithCors(BrowserSitePolicy.Policy).MapRazorPages();
        await _api.StartAsync();
        ApiUrl = _api.Urls.First().TrimEnd('/');

        _page = await PageServer.StartAsync(EndpointKindOrigins.PagePort, PageHtml, "The endpoint-kind browser tests", page =>
            page.MapGet(EndpointKindAssets.SignalRScriptPath, () => Results.Bytes(EndpointKindAssets.SignalRScript, "text/javascript")));

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

    /// <summary>The page from <paramref name="origin"/> in a new browser context, with the hub's user cookie set for the API.</summary>
    public async Task<IPage> OpenPageAsync(string origin, string user)
    {
        var page = await Browser.NewPageAsync(_browser, origin);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ChatHub.UserCookie, Value = user, Url = ApiUrl }]);
        return page;
    }

    public int Mark() => _log.Mark();

    public IReadOnlyList<KindRequest> SeenSince(int mark) => _log.SeenSince(mark);

    // A refused upgrade's 403, an accepted one's 101.
    private static KindRequest Describe(HttpContext context)
    {
        var headers = context.Request.Headers;
        return new KindRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            headers.Origin.Count == 0 ? null : headers.Origin.ToString(),
            headers.Upgrade.Count != 0,
            HttpMethods.IsOptions(context.Request.Method) && headers.AccessControlRequestMethod.Count != 0,
            context.Response.StatusCode);
    }
}

[CollectionDefinition(Name)]
public sealed class EndpointKindsCollection : ICollectionFixture<EndpointKindsFixture>
{
    public const string Name = "EndpointKinds";
}
