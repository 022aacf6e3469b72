using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using CorsGen.Sample;
using static Microsoft.Playwright.Assertions;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample served from an origin that is not compiled in, allowed through configuration
/// (<c>--allowed-origin</c>, <c>[AllowOriginsFromConfiguration("Cors:AllowedOrigins")]</c>): Chromium
/// lets the page read the API exactly as for the compiled origin.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConfiguredOriginPageTests(SampleFixture fixture)
{
    private static readonly Regex Settled = new("^(ok|error)$");

    [ChromiumFact]
    public async Task A_page_on_a_configured_origin_reads_the_api_and_posts_json()
    {
        var webPort = FreePort();
        var requests = new List<ApiRequest>();
        await using var servers = await SampleServers.StartAsync(new SampleOptions
        {
            ApiPort = 0,
            WebPort = webPort,
            AllowedOrigins = [$"http://127.0.0.1:{webPort}"],
            OnApiRequest = request => { lock (requests) { requests.Add(request); } },
        });
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(servers.WebUrl + "/");
        var status = page.Locator("#status");
        await Expect(status).ToHaveAttributeAsync("data-result", Settled, new() { Timeout = 15_000 });

        Assert.Equal("ok", await status.GetAttributeAsync("data-result"));
        lock (requests)
        {
            var get = Assert.Single(requests, r => r.Path == "/info" && r.Method == "GET");
            Assert.Equal(servers.WebUrl, get.Origin);
        }
    }

    [ChromiumFact]
    public async Task Without_the_configured_origin_the_same_page_is_refused()
    {
        var webPort = FreePort();
        await using var servers = await SampleServers.StartAsync(new SampleOptions { ApiPort = 0, WebPort = webPort });
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(servers.WebUrl + "/");
        var status = page.Locator("#status");
        await Expect(status).ToHaveAttributeAsync("data-result", Settled, new() { Timeout = 15_000 });

        Assert.Equal("error", await status.GetAttributeAsync("data-result"));
        await Expect(status).ToContainTextAsync("TypeError");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
