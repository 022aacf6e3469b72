using System.Text.RegularExpressions;
using CorsGen.Sample;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample's page, opened in Chromium from its own origin (http://127.0.0.1:9000), calling the API
/// on http://127.0.0.1:9010: what a real browser lets through and what it refuses.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InfoPageTests(SampleFixture fixture)
{
    private static readonly Regex Settled = new("^(ok|error)$");

    [ChromiumFact]
    public async Task Get_on_load_shows_the_name_without_a_preflight()
    {
        var mark = fixture.ApiRequestMark();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(fixture.WebUrl + "/");

        await ExpectSettled(page, "#status", "ok");
        await Expect(page.Locator("#name")).ToHaveTextAsync(InfoEndpoints.Name);

        var requests = (await fixture.ApiRequestsSinceAsync(mark));
        Assert.Contains(requests, r => r is { Method: "GET", Path: "/info", Origin: InfoEndpoints.AllowedOrigin, StatusCode: 200 });
        Assert.DoesNotContain(requests, r => r.Method == "OPTIONS"); // a simple GET is not preflighted
    }

    [ChromiumFact]
    public async Task Json_post_is_preflighted_and_updates_the_name()
    {
        var page = await LoadedPageAsync();
        var mark = fixture.ApiRequestMark();
        var newName = $"Harry Palmer {Guid.NewGuid():N}";

        await page.Locator("#name-input").FillAsync(newName);
        await page.Locator("#save").ClickAsync();

        await ExpectSettled(page, "#status", "ok");
        await Expect(page.Locator("#status")).ToContainTextAsync(newName);
        await Expect(page.Locator("#name")).ToHaveTextAsync(newName);
        var requests = (await fixture.ApiRequestsSinceAsync(mark)).Where(r => r.Path == "/info").ToList();
        Assert.Equal(newName, await fixture.ServerNameAsync());
        var preflight = Assert.Single(requests, r => r.IsPreflight);
        Assert.Equal(InfoEndpoints.AllowedOrigin, preflight.Origin);
        Assert.Equal("POST", preflight.AccessControlRequestMethod);
        Assert.Equal(204, preflight.StatusCode);
        var post = Assert.Single(requests, r => r.Method == "POST");
        Assert.Equal(InfoEndpoints.AllowedOrigin, post.Origin);
        Assert.Equal(200, post.StatusCode);
        Assert.True(requests.IndexOf(preflight) < requests.IndexOf(post), "the preflight comes before the POST");
    }

    [ChromiumFact]
    public async Task Json_post_without_cors_is_refused_by_the_browser_before_it_is_sent()
    {
        var page = await LoadedPageAsync();
        var corsErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("CORS policy", StringComparison.Ordinal))
            {
                corsErrors.Add(message.Text);
            }
        };
        var nameBefore = await fixture.ServerNameAsync();
        var mark = fixture.ApiRequestMark();

        await page.Locator("#name-input").FillAsync($"Not saved {Guid.NewGuid():N}");
        await page.Locator("#save-nocors").ClickAsync();

        await ExpectSettled(page, "#nocors-status", "error");
        await Expect(page.Locator("#nocors-status")).ToContainTextAsync("TypeError");

        // The preflight reached the server and was refused (no OPTIONS route at a pattern without CORS
        // routes, so the framework's 405); the POST itself never left the browser.
        var requests = (await fixture.ApiRequestsSinceAsync(mark)).Where(r => r.Path == "/info-nocors").ToList();
        var preflight = Assert.Single(requests, r => r.IsPreflight);
        Assert.Equal("POST", preflight.AccessControlRequestMethod);
        Assert.Equal(405, preflight.StatusCode);
        Assert.DoesNotContain(requests, r => r.Method == "POST");
        Assert.Equal(nameBefore, await fixture.ServerNameAsync());
        Assert.Contains(corsErrors, text => text.Contains("/info-nocors", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task Simple_get_without_cors_reaches_the_server_but_is_hidden_from_the_page()
    {
        var page = await LoadedPageAsync();
        var mark = fixture.ApiRequestMark();

        var outcome = await page.EvaluateAsync<string>(
            "url => fetch(url).then(response => 'read: ' + response.status, error => error.name)",
            fixture.ApiUrl + "/info-nocors");

        Assert.Equal("TypeError", outcome);
        var request = Assert.Single((await fixture.ApiRequestsSinceAsync(mark)), r => r.Path == "/info-nocors");
        Assert.Equal(("GET", 200), (request.Method, request.StatusCode));
    }

    [ChromiumFact]
    public async Task Page_from_another_origin_is_refused()
    {
        // Same server, but the origin is http://localhost:9000, which [AllowOrigins] does not list.
        var foreignOrigin = fixture.WebUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var mark = fixture.ApiRequestMark();
        var page = await fixture.NewPageAsync();

        await page.GotoAsync(foreignOrigin + "/");

        await ExpectSettled(page, "#status", "error");
        await Expect(page.Locator("#status")).ToContainTextAsync("TypeError");
        var request = Assert.Single((await fixture.ApiRequestsSinceAsync(mark)), r => r.Path == "/info");
        Assert.Equal(("GET", foreignOrigin, 200), (request.Method, request.Origin, request.StatusCode));
    }

    private async Task<IPage> LoadedPageAsync()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl + "/");
        await ExpectSettled(page, "#status", "ok");
        return page;
    }

    // Waits until the element's request has finished, then checks how (the text says why on failure).
    private static async Task ExpectSettled(IPage page, string selector, string result)
    {
        var element = page.Locator(selector);
        await Expect(element).ToHaveAttributeAsync("data-result", Settled, new() { Timeout = 15_000 });
        var text = await element.TextContentAsync();
        Assert.True(await element.GetAttributeAsync("data-result") == result, $"{selector} should be {result}: {text}");
    }
}
