using System.Net;
using CorsGen.BrowserTests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CorsGen.Net11Tests;

/// <summary>
/// The API (a <see cref="FormApp"/> with <c>AddCorsGen()</c> on 127.0.0.1) and two pages on
/// localhost, another site: <see cref="FormOrigins.App"/>, which the credentialed class allows, and a
/// page on a free port, which nothing allows. One headless Chromium (Debian's, never downloaded).
/// </summary>
public sealed class ChromiumFormFixture : IAsyncLifetime
{
    private const string PageHtml = "<!doctype html><html><head><meta charset=\"utf-8\"><title>CorsGen form posts</title></head><body></body></html>";

    private WebApplication? _allowedPage;
    private WebApplication? _foreignPage;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public FormApp Api { get; private set; } = null!;

    public string ForeignOrigin { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return; // every test is skipped: start nothing
        }

        Api = await FormApp.StartAsync();
        _allowedPage = await StartPageAsync(FormOrigins.PagePort);
        _foreignPage = await StartPageAsync(0);
        ForeignOrigin = "http://localhost:" + new Uri(_foreignPage.Urls.First()).Port;

        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    /// <summary>An empty page loaded from <paramref name="origin"/> in a new browser context.</summary>
    public Task<IPage> OpenPageAsync(string origin) => Browser.NewPageAsync(_browser, origin);

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync(_playwright, _browser);
        foreach (var page in new[] { _allowedPage, _foreignPage })
        {
            if (page is not null)
            {
                await page.StopAsync();
                await page.DisposeAsync();
            }
        }

        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }

    private static async Task<WebApplication> StartPageAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var page = builder.Build();
        page.MapGet("/", () => Results.Content(PageHtml, "text/html; charset=utf-8"));
        try
        {
            await page.StartAsync();
        }
        catch (IOException ex) when (port != 0)
        {
            throw new InvalidOperationException($"The Chromium form tests need 127.0.0.1:{port} free: {FormOrigins.App} is compiled into their endpoint classes. {ex.Message}", ex);
        }

        return page;
    }
}

/// <summary>
/// Chromium posts forms cross-site to CorsGen routes on ASP.NET Core 11: <c>fetch(FormData)</c>,
/// <c>fetch(URLSearchParams)</c> and a classic <c>&lt;form method=post&gt;</c>. The server's record
/// says what reached it and the status it answered, also where the browser hides the response.
/// </summary>
public sealed class ChromiumFormPostTests(ChromiumFormFixture fixture) : IClassFixture<ChromiumFormFixture>
{
    private const string FetchScript = """
        async ([url, kind, credentials]) => {
          let body;
          if (kind === 'urlencoded') {
            body = new URLSearchParams({ name: 'ada' });
          } else {
            body = new FormData();
            body.append('name', 'ada');
            body.append('upload', new Blob(['lovelace'], { type: 'text/plain' }), 'note.txt');
          }
          try {
            const response = await fetch(url, { method: 'POST', body, credentials });
            return { resolved: true, status: response.status, body: await response.text() };
          } catch (e) {
            return { resolved: false, status: 0, body: String(e) };
          }
        }
        """;

    private const string FormScript = """
        ([action, enctype]) => {
          const form = document.createElement('form');
          form.method = 'post';
          form.action = action;
          form.enctype = enctype;
          const field = document.createElement('input');
          field.name = 'name';
          field.value = 'ada';
          form.appendChild(field);
          document.body.appendChild(form);
          form.submit();
        }
        """;

    [ChromiumTheory]
    [InlineData("/credentialed/field", "urlencoded", "field ada")]
    [InlineData("/credentialed/collection", "multipart", "collection ada")]
    [InlineData("/credentialed/file", "multipart", "file note.txt lovelace")]
    public async Task A_credentialed_fetch_from_the_allowed_origin_is_accepted(string path, string kind, string body)
    {
        var (result, requests) = await FetchAsync(FormOrigins.App, path, kind, "include");

        Assert.Equal(new FetchResult { Resolved = true, Status = 200, Body = body }, result);
        var seen = Assert.Single(requests);
        Assert.Equal(FormOrigins.App, seen.Origin);
        Assert.Equal("cross-site", seen.FetchSite);
        Assert.Equal(200, seen.Status);
    }

    [ChromiumTheory]
    [InlineData("/credentialed/field", "urlencoded")]
    [InlineData("/credentialed/file", "multipart")]
    public async Task A_fetch_from_an_origin_nothing_allows_is_400_and_hidden_from_the_page(string path, string kind)
    {
        var (result, requests) = await FetchAsync(fixture.ForeignOrigin, path, kind, "include");

        Assert.False(result.Resolved, result.Body);
        var seen = Assert.Single(requests);
        Assert.Equal(fixture.ForeignOrigin, seen.Origin);
        Assert.Equal(400, seen.Status);
    }

    [ChromiumTheory]
    [InlineData("/plain/field", "urlencoded")]
    [InlineData("/plain/collection", "multipart")]
    [InlineData("/any/field", "urlencoded")]
    [InlineData("/any/file", "multipart")]
    public async Task A_fetch_to_a_class_without_credentials_or_with_any_origin_is_400_as_for_ASP_NET_Core(string path, string kind)
    {
        var (result, requests) = await FetchAsync(FormOrigins.App, path, kind, "omit");

        // These classes allow the page to read the response: the 400 is visible to it.
        Assert.Equal(400, result.Status);
        Assert.Equal(400, Assert.Single(requests).Status);
    }

    [ChromiumTheory]
    [InlineData("application/x-www-form-urlencoded", true, 200)]
    [InlineData("multipart/form-data", true, 200)]
    [InlineData("application/x-www-form-urlencoded", false, 400)]
    [InlineData("multipart/form-data", false, 400)]
    public async Task A_classic_form_post_navigates_to_the_route_and_is_accepted_only_from_the_allowed_origin(string enctype, bool fromAllowedOrigin, int status)
    {
        var origin = fromAllowedOrigin ? FormOrigins.App : fixture.ForeignOrigin;
        var path = "/credentialed/collection";
        var page = await fixture.OpenPageAsync(origin);
        var before = fixture.Api.Seen.To(path).Count;

        var response = await page.RunAndWaitForResponseAsync(() => page.EvaluateAsync(FormScript, new object[] { fixture.Api.Url + path, enctype }), fixture.Api.Url + path);

        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        var seen = Assert.Single(fixture.Api.Seen.To(path).Skip(before));
        Assert.Equal(origin, seen.Origin);
        Assert.Equal("cross-site", seen.FetchSite);
        Assert.StartsWith(enctype, seen.ContentType);
        if (status == 200)
        {
            Assert.Equal("collection ada", await response.TextAsync());
        }
    }

    /// <summary>Runs the fetch in a page from <paramref name="origin"/>; returns its result and the requests to <paramref name="path"/> the server answered meanwhile.</summary>
    private async Task<(FetchResult Result, IReadOnlyList<SeenRequest> Requests)> FetchAsync(string origin, string path, string kind, string credentials)
    {
        var page = await fixture.OpenPageAsync(origin);
        var before = fixture.Api.Seen.To(path).Count;
        var result = await page.EvaluateAsync<FetchResult>(FetchScript, new object[] { fixture.Api.Url + path, kind, credentials });
        return (result, fixture.Api.Seen.To(path).Skip(before).ToArray());
    }

    /// <summary>What the page's fetch gave (Playwright fills it by property).</summary>
    public sealed record FetchResult
    {
        public bool Resolved { get; init; }

        public int Status { get; init; }

        public string Body { get; init; } = "";
    }
}
