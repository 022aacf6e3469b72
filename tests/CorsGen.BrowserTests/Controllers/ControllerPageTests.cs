using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests.Controllers;

/// <summary>
/// Chromium against MVC controllers compiled by CorsGen: an API on a free 127.0.0.1 port mapped with
/// MapCorsGenControllers(), and a page on <see cref="ControllerPageOrigins.PagePort"/>, reachable as the
/// allowed origin (127.0.0.1) and as a foreign one (localhost).
/// </summary>
public sealed class ControllerPageFixture : IAsyncLifetime
{
    private readonly RequestLog<string> _log = new(Describe);
    private WebApplication? _api;
    private WebApplication? _page;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ApiUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return;
        }

        var api = WebApplication.CreateBuilder();
        api.Logging.SetMinimumLevel(LogLevel.Warning);
        api.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        api.Services.AddControllers().AddApplicationPart(typeof(CartController).Assembly);
        _api = api.Build();
        _api.Use(_log.Record);
        _api.MapCorsGenControllers();
        await _api.StartAsync();
        ApiUrl = _api.Urls.First().TrimEnd('/');

        var page = WebApplication.CreateSlimBuilder();
        page.Logging.SetMinimumLevel(LogLevel.Warning);
        page.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, ControllerPageOrigins.PagePort));
        _page = page.Build();
        _page.MapGet("/", () => Results.Content("<!doctype html><title>controllers</title><p>page</p>", "text/html; charset=utf-8"));
        await _page.StartAsync();

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

    public Task<IPage> OpenPageAsync(string origin) => Browser.NewPageAsync(_browser, origin);

    public int Mark() => _log.Mark();

    public List<string> SeenSince(int mark) => _log.SeenSince(mark);

    // "METHOD path -> status [cookie]".
    private static string Describe(HttpContext context)
    {
        var cookie = context.Request.Cookies.TryGetValue(CartController.Cookie, out var value) ? " cookie=" + value : string.Empty;
        return $"{context.Request.Method} {context.Request.Path} -> {context.Response.StatusCode}{cookie}";
    }
}

/// <summary>
/// A page on the allowed origin logs in (a cookie set on a credentialed response) and posts JSON with
/// credentials to a controller action: Chromium preflights, sends the cookie and lets the script read the
/// 201 and the [ApiController] 400; the same page from a foreign origin is refused before the POST is sent.
/// </summary>
public sealed class ControllerPageTests(ControllerPageFixture fixture) : IClassFixture<ControllerPageFixture>
{
    private const string Script = """
        async ([api, body]) => {
          const results = [];
          try {
            const login = await fetch(api + '/api/Cart/Login', { credentials: 'include' });
            results.push({ resolved: true, status: login.status, body: await login.text() });
            const add = await fetch(api + '/api/Cart', {
              method: 'POST', credentials: 'include',
              headers: { 'Content-Type': 'application/json' }, body });
            results.push({ resolved: true, status: add.status, body: await add.text(), type: add.headers.get('Content-Type') });
          } catch (e) {
            results.push({ resolved: false, error: e.name + ': ' + e.message });
          }
          return JSON.stringify(results);
        }
        """;

    [ChromiumFact]
    public async Task Allowed_page_posts_json_with_credentials_to_a_controller_action()
    {
        var page = await fixture.OpenPageAsync(ControllerPageOrigins.Page);
        var mark = fixture.Mark();

        var results = await RunAsync(page, """{"item":"apple","quantity":2}""");

        Assert.Equal(2, results.Count);
        Assert.Equal(200, results[0].GetProperty("status").GetInt32());
        Assert.Equal(201, results[1].GetProperty("status").GetInt32());
        using var created = JsonDocument.Parse(results[1].GetProperty("body").GetString()!);
        Assert.Equal("apple", created.RootElement.GetProperty("item").GetString());
        Assert.Equal("alice", created.RootElement.GetProperty("owner").GetString());
        Assert.Equal(
            ["GET /api/Cart/Login -> 200", "OPTIONS /api/Cart -> 204", "POST /api/Cart -> 201 cookie=alice"],
            fixture.SeenSince(mark));
    }

    [ChromiumFact]
    public async Task Allowed_page_reads_the_ApiController_validation_problem()
    {
        var page = await fixture.OpenPageAsync(ControllerPageOrigins.Page);

        var results = await RunAsync(page, """{"quantity":99}""");

        Assert.Equal(400, results[1].GetProperty("status").GetInt32());
        Assert.StartsWith("application/problem+json", results[1].GetProperty("type").GetString(), StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(results[1].GetProperty("body").GetString()!);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("Item", out _));
    }

    [ChromiumFact]
    public async Task Foreign_page_is_refused_and_its_post_never_sent()
    {
        var page = await fixture.OpenPageAsync(ControllerPageOrigins.ForeignPage);
        var mark = fixture.Mark();

        var results = await RunAsync(page, """{"item":"apple","quantity":2}""");

        // The simple GET reaches the server, but its response is not readable: fetch rejects at once.
        var failure = Assert.Single(results);
        Assert.False(failure.GetProperty("resolved").GetBoolean());
        Assert.StartsWith("TypeError", failure.GetProperty("error").GetString(), StringComparison.Ordinal);

        // And a preflighted POST from the same page: refused at the preflight, so the action never runs.
        var post = await page.EvaluateAsync<string>("""
            async (api) => { try { await fetch(api + '/api/Cart', { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{}' }); return 'resolved'; } catch (e) { return e.name; } }
            """, fixture.ApiUrl);
        Assert.Equal("TypeError", post);
        var seen = fixture.SeenSince(mark);
        Assert.Contains("OPTIONS /api/Cart -> 403", seen);
        Assert.DoesNotContain(seen, s => s.StartsWith("POST ", StringComparison.Ordinal));
    }

    private async Task<List<JsonElement>> RunAsync(IPage page, string body)
    {
        var json = await page.EvaluateAsync<string>(Script, new object[] { fixture.ApiUrl, body });
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
    }
}
