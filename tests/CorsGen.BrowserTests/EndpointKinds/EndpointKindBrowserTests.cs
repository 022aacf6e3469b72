using System.Text.Json;
using CorsGen.EndpointKinds;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CorsGen.BrowserTests.EndpointKinds;

/// <summary>
/// Chromium against a SignalR hub and a Razor Page in <c>app.WithCors(policy)</c> groups: the official
/// JavaScript client connects from the allowed page over WebSockets, Server-Sent Events and long
/// polling, with the user's cookie, and sends and receives a message; the same page from another origin
/// is refused every way, including a WebSocket opened without negotiating, whose upgrade the server
/// refuses with 403 (CORS does not cover it, so the browser would open it).
/// </summary>
[Collection(EndpointKindsCollection.Name)]
public sealed class EndpointKindBrowserTests(EndpointKindsFixture fixture, ITestOutputHelper output)
{
    private const string FragmentScript = """
        async (url) => {
          try {
            const response = await fetch(url, { headers: { 'HX-Request': 'true' } });
            return JSON.stringify({ resolved: true, status: response.status, body: (await response.text()).trim() });
          } catch (e) {
            return JSON.stringify({ resolved: false, error: e.name + ': ' + e.message });
          }
        }
        """;

    [ChromiumTheory]
    [InlineData("WebSockets")]
    [InlineData("ServerSentEvents")]
    [InlineData("LongPolling")]
    public async Task The_allowed_page_connects_sends_and_receives_with_its_cookie(string transport)
    {
        var (outcome, seen) = await ConnectAsync(EndpointKindOrigins.Page, transport, skipNegotiation: false);

        Assert.True(outcome.Answered, outcome.ToString());
        Assert.Equal("hello from the page", outcome.Message);
        Assert.Equal("ada", outcome.User);
        Assert.Equal(transport, outcome.Transport);
        Assert.Contains(seen, r => r.Preflight && r.Path.EndsWith("/negotiate", StringComparison.Ordinal) && r.Status == 204);
        if (transport == "WebSockets")
        {
            Assert.Contains(seen, r => r.Upgrade && r.Origin == EndpointKindOrigins.Page && r.Status == 101);
        }
    }

    [ChromiumFact]
    public async Task The_allowed_page_opens_a_websocket_without_negotiating()
    {
        var (outcome, seen) = await ConnectAsync(EndpointKindOrigins.Page, "WebSockets", skipNegotiation: true);

        Assert.True(outcome.Answered, outcome.ToString());
        Assert.Equal("ada", outcome.User);
        Assert.Contains(seen, r => r.Upgrade && r.Status == 101);
    }

    [ChromiumTheory]
    [InlineData("WebSockets")]
    [InlineData("ServerSentEvents")]
    [InlineData("LongPolling")]
    public async Task A_foreign_page_cannot_negotiate(string transport)
    {
        var (outcome, seen) = await ConnectAsync(EndpointKindOrigins.ForeignPage, transport, skipNegotiation: false);

        Assert.False(outcome.Connected, outcome.ToString());
        Assert.Contains(seen, r => r.Preflight && r.Origin == EndpointKindOrigins.ForeignPage && r.Status == 403);
        Assert.DoesNotContain(seen, r => !r.Preflight && r.Status is 101 or 200 && r.Path == EndpointKindAssets.HubPath);
    }

    [ChromiumFact]
    public async Task A_foreign_pages_websocket_upgrade_is_refused_403()
    {
        // Cross-site WebSocket hijacking: no negotiate, no preflight; CORS would let the browser open the socket.
        var (outcome, seen) = await ConnectAsync(EndpointKindOrigins.ForeignPage, "WebSockets", skipNegotiation: true);

        Assert.False(outcome.Connected, outcome.ToString());
        var upgrade = Assert.Single(seen, r => r.Upgrade);
        Assert.Equal(EndpointKindOrigins.ForeignPage, upgrade.Origin);
        Assert.Equal(403, upgrade.Status);
    }

    [ChromiumFact]
    public async Task The_allowed_page_loads_a_razor_page_fragment()
    {
        var page = await fixture.OpenPageAsync(EndpointKindOrigins.Page, "ada");
        await using var context = page.Context;
        var mark = fixture.Mark();

        var json = await page.EvaluateAsync<string>(FragmentScript, fixture.ApiUrl + EndpointKindAssets.GreetingPath + "?name=Ada");

        output.WriteLine(json);
        using var result = JsonDocument.Parse(json);
        Assert.True(result.RootElement.GetProperty("resolved").GetBoolean(), json);
        Assert.Equal(200, result.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("<p id=\"greeting\">Hello, Ada, from a Razor Page</p>", result.RootElement.GetProperty("body").GetString());
        Assert.Contains(fixture.SeenSince(mark), r => r.Preflight && r.Path == EndpointKindAssets.GreetingPath && r.Status == 204);
    }

    [ChromiumFact]
    public async Task A_foreign_page_cannot_load_the_fragment()
    {
        var page = await fixture.OpenPageAsync(EndpointKindOrigins.ForeignPage, "ada");
        await using var context = page.Context;
        var mark = fixture.Mark();

        var json = await page.EvaluateAsync<string>(FragmentScript, fixture.ApiUrl + EndpointKindAssets.GreetingPath);

        output.WriteLine(json);
        using var result = JsonDocument.Parse(json);
        Assert.False(result.RootElement.GetProperty("resolved").GetBoolean(), json);
        Assert.StartsWith("TypeError", result.RootElement.GetProperty("error").GetString());
        var preflight = Assert.Single(fixture.SeenSince(mark), r => r.Path == EndpointKindAssets.GreetingPath);
        Assert.True(preflight is { Preflight: true, Status: 403 }, preflight.ToString());
    }

    private async Task<(HubOutcome Outcome, IReadOnlyList<KindRequest> Seen)> ConnectAsync(string origin, string transport, bool skipNegotiation)
    {
        var page = await fixture.OpenPageAsync(origin, "ada");
        await using var context = page.Context;
        var mark = fixture.Mark();
        var json = await page.EvaluateAsync<string>(EndpointKindAssets.ConnectScript, new object[] { fixture.ApiUrl + EndpointKindAssets.HubPath, transport, skipNegotiation });
        var outcome = JsonSerializer.Deserialize<HubOutcome>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var seen = fixture.SeenSince(mark);
        output.WriteLine($"{origin} {transport}{(skipNegotiation ? " (no negotiate)" : "")}: {outcome}\n  server saw:{string.Concat(seen.Select(r => "\n    " + r))}");
        return (outcome, seen);
    }
}
