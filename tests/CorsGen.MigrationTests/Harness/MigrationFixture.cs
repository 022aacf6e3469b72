using System.Text.Json;
using CorsGen.BrowserTests;
using CorsGen.EndpointKinds;
using CorsGen.MigrationTests.Apps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace CorsGen.MigrationTests.Harness;

/// <summary>
/// One Chromium, the page server (<see cref="MigrationOrigins.PagePort"/>, reached as both page
/// origins) and both versions of every migration app, shared by all cases; each case gets a new
/// browser context per version (own cookies, own preflight cache).
/// </summary>
public sealed class MigrationFixture : IAsyncLifetime
{
    // The official SignalR client, for the hub apps' cases.
    private const string PageHtml = $"""
        <!doctype html>
        <html><head><meta charset="utf-8"><title>CorsGen migration suite</title>
        <script src="{EndpointKindAssets.SignalRScriptPath}"></script></head><body></body></html>
        """;

    // Reads the listed response headers as a script can: exposed or safelisted ones, null for the rest.
    private const string FetchScript = """
        async ([url, init, names]) => {
          try {
            const response = await fetch(url, init);
            const body = init.method === 'HEAD' ? '' : await response.text();
            const headers = {};
            for (const name of names) headers[name] = response.headers.get(name);
            return JSON.stringify({ resolved: true, status: response.status, body, headers });
          } catch (e) {
            return JSON.stringify({ resolved: false, error: e.name + ': ' + e.message });
          }
        }
        """;

    private readonly Dictionary<string, (RunningApp AspNetCore, RunningApp CorsGen)> _apps = [];
    private WebApplication? _page;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static IReadOnlyList<MigrationApp> Apps { get; } = [TodoApp.Definition, DestinationApp.Definition, OrdersApp.Definition, ChatApp.Definition, CatalogApp.Definition];

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return; // every test is skipped: start nothing
        }

        foreach (var app in Apps)
        {
            _apps[app.Name] = (
                await RunningApp.StartAsync("ASP.NET Core", app.AspNetCore, app.Configuration),
                await RunningApp.StartAsync("CorsGen", app.CorsGen, app.Configuration));
        }

        _page = await PageServer.StartAsync(MigrationOrigins.PagePort, PageHtml, "The migration suite", page =>
            page.MapGet(EndpointKindAssets.SignalRScriptPath, () => Results.Bytes(EndpointKindAssets.SignalRScript, "text/javascript")));

        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync(_playwright, _browser);
        if (_page is not null)
        {
            await _page.StopAsync();
            await _page.DisposeAsync();
        }

        foreach (var (aspNetCore, corsGen) in _apps.Values)
        {
            await aspNetCore.DisposeAsync();
            await corsGen.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="c"/> against both versions of <paramref name="app"/>, the original first.</summary>
    public async Task<(CaseEvidence AspNetCore, CaseEvidence CorsGen)> RunAsync(MigrationApp app, MigrationCase c)
    {
        var (aspNetCore, corsGen) = _apps[app.Name];
        return (await RunAsync(aspNetCore, c), await RunAsync(corsGen, c));
    }

    private async Task<CaseEvidence> RunAsync(RunningApp app, MigrationCase c)
    {
        app.Reset();
        var page = await Browser.NewPageAsync(_browser, c.From == PageOrigin.Allowed ? MigrationOrigins.Page : MigrationOrigins.ForeignPage);
        await using var context = page.Context;

        var mark = app.Recorder.Mark();
        var json = await page.EvaluateAsync<string>(FetchScript, new object[] { app.Url + c.Path, Init(c), c.Readable.Keys.ToArray() });
        var outcome = JsonSerializer.Deserialize<BrowserOutcome>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var seen = app.Recorder.SeenSince(mark).Where(e => e.Path == c.Path).ToList();
        return new CaseEvidence(app.Version, outcome, seen);
    }

    /// <summary>Runs the hub case <paramref name="c"/> against both versions of <paramref name="app"/>, the original first.</summary>
    public async Task<(HubEvidence AspNetCore, HubEvidence CorsGen)> RunAsync(MigrationApp app, HubCase c)
    {
        var (aspNetCore, corsGen) = _apps[app.Name];
        return (await RunAsync(aspNetCore, c), await RunAsync(corsGen, c));
    }

    private async Task<HubEvidence> RunAsync(RunningApp app, HubCase c)
    {
        app.Reset();
        var page = await Browser.NewPageAsync(_browser, c.From == PageOrigin.Allowed ? MigrationOrigins.Page : MigrationOrigins.ForeignPage);
        await using var context = page.Context;
        // The user's cookie for the app; the page on the allowed origin is same-site with it, so it travels.
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ChatHub.UserCookie, Value = "ada", Url = app.Url }]);

        var mark = app.Recorder.Mark();
        var json = await page.EvaluateAsync<string>(EndpointKindAssets.ConnectScript, new object[] { app.Url + EndpointKindAssets.HubPath, c.Transport, c.SkipNegotiation });
        var outcome = JsonSerializer.Deserialize<HubOutcome>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var seen = app.Recorder.SeenSince(mark).Where(e => e.Path.StartsWith(EndpointKindAssets.HubPath, StringComparison.Ordinal)).ToList();
        return new HubEvidence(app.Version, outcome, seen);
    }

    private static Dictionary<string, object> Init(MigrationCase c)
    {
        var init = new Dictionary<string, object> { ["method"] = c.Method, ["mode"] = "cors" };
        if (c.Headers.Count > 0)
        {
            init["headers"] = c.Headers;
        }

        if (c.WithCredentials)
        {
            init["credentials"] = "include";
        }

        if (c.Body is { } body)
        {
            init["body"] = body;
        }

        return init;
    }
}

[CollectionDefinition(Name)]
public sealed class MigrationCollection : ICollectionFixture<MigrationFixture>
{
    public const string Name = "Migration";
}
