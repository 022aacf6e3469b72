using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CorsGen.BrowserTests.Matrix;

/// <summary>Where the script that calls fetch runs.</summary>
public enum ScriptOrigin
{
    /// <summary>The page on <see cref="MatrixOrigins.Page"/>, the origin the endpoint classes allow.</summary>
    Page,

    /// <summary>A sandboxed iframe in that page: an opaque origin, sent as <c>Origin: null</c>.</summary>
    SandboxedIframe,

    /// <summary>The same page from <see cref="MatrixOrigins.ForeignPage"/>, an origin nothing allows.</summary>
    ForeignPage,
}

/// <summary>One cell of the matrix: a fetch, and what Chromium does with it.</summary>
public sealed record MatrixRow(string Name, ScriptOrigin From, string Method, string Path, bool Resolves)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The fetch's credentials mode, e.g. "include"; the default ("same-origin") when null.</summary>
    public string? Credentials { get; init; }

    public string? Body { get; init; }

    /// <summary>How many times the page fetches, one after another.</summary>
    public int Fetches { get; init; } = 1;

    /// <summary>How many preflights the server must see for the path.</summary>
    public int Preflights { get; init; }

    /// <summary>Whether the request itself (not its preflight) reaches the server.</summary>
    public bool Sent { get; init; } = true;

    public string? ResponseBody { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// Cross-origin fetches from Chromium (Debian's /usr/bin/chromium through Playwright) against the
/// generated handlers on Kestrel: the expected outcome of each row is what the browser does (fetch
/// resolves, or rejects with a TypeError), and the server's log shows which requests reached it.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class BrowserMatrixTests(MatrixFixture fixture, ITestOutputHelper output)
{
    private const string FetchScript = """
        async ([url, init, times]) => {
          let result;
          for (let i = 0; i < times; i++) {
            try {
              const response = await fetch(url, init);
              const body = init.method === 'HEAD' ? '' : await response.text();
              result = { resolved: true, status: response.status, body, exposed: response.headers.get('X-Exposed'), hidden: response.headers.get('X-Hidden') };
            } catch (e) {
              result = { resolved: false, error: e.name + ': ' + e.message };
            }
          }
          return JSON.stringify(result);
        }
        """;

    private static readonly Dictionary<string, string> CustomAllowed = new() { ["X-Allowed"] = "1" };
    private static readonly Dictionary<string, string> CustomNotAllowed = new() { ["X-Not-Allowed"] = "1" };
    private static readonly Dictionary<string, string> Json = new() { ["Content-Type"] = "application/json" };

    public static readonly IReadOnlyList<MatrixRow> Rows =
    [
        new("simple GET", ScriptOrigin.Page, "GET", "/simple", true) { ResponseBody = "simple-get" },
        new("simple HEAD", ScriptOrigin.Page, "HEAD", "/simple", true),
        new("simple POST (text/plain)", ScriptOrigin.Page, "POST", "/simple", true) { Body = "x", ResponseBody = "simple-post" },
        new("preflighted POST (application/json)", ScriptOrigin.Page, "POST", "/item", true) { Headers = Json, Body = "{}", Preflights = 1, ResponseBody = "item-post" },
        new("preflighted PUT", ScriptOrigin.Page, "PUT", "/item", true) { Preflights = 1, ResponseBody = "item-put" },
        new("preflighted PATCH", ScriptOrigin.Page, "PATCH", "/item", true) { Preflights = 1, ResponseBody = "item-patch" },
        new("preflighted DELETE", ScriptOrigin.Page, "DELETE", "/item", true) { Preflights = 1, ResponseBody = "item-delete" },
        new("lower-case patch, PATCH allowed", ScriptOrigin.Page, "patch", "/item", false) { Preflights = 1, Sent = false },
        new("lower-case patch, \"patch\" allowed", ScriptOrigin.Page, "patch", "/lower-patch", true) { Preflights = 1, ResponseBody = "lower-patch" },
        new("allowed custom header on PUT", ScriptOrigin.Page, "PUT", "/item", true) { Headers = CustomAllowed, Preflights = 1 },
        new("allowed custom header on GET", ScriptOrigin.Page, "GET", "/simple", true) { Headers = CustomAllowed, Preflights = 1, ResponseBody = "simple-get" },
        new("custom header not allowed", ScriptOrigin.Page, "PUT", "/item", false) { Headers = CustomNotAllowed, Preflights = 1, Sent = false },
        new("credentials without [AllowCredentials]", ScriptOrigin.Page, "GET", "/simple", false) { Credentials = "include" },
        new("credentials with [AllowCredentials]", ScriptOrigin.Page, "GET", "/credentials/whoami", true) { Credentials = "include" },
        new("credentials to \"*\"", ScriptOrigin.Page, "GET", "/any", false) { Credentials = "include" },
        new("\"*\" without credentials", ScriptOrigin.Page, "GET", "/any", true) { ResponseBody = "any" },
        new("Max-Age 600: second fetch not preflighted", ScriptOrigin.Page, "PUT", "/cached", true) { Headers = CustomAllowed, Fetches = 2, Preflights = 1 },
        new("Max-Age 0: every fetch preflighted", ScriptOrigin.Page, "PUT", "/uncached", true) { Headers = CustomAllowed, Fetches = 2, Preflights = 2 },
        new("null origin where \"null\" is allowed", ScriptOrigin.SandboxedIframe, "GET", "/null-allowed", true) { ResponseBody = "null-allowed" },
        new("null origin where it is not", ScriptOrigin.SandboxedIframe, "GET", "/simple", false),
        new("preflighted request from a null origin where it is not allowed", ScriptOrigin.SandboxedIframe, "PUT", "/item", false) { Preflights = 1, Sent = false },
        new("page from a foreign origin", ScriptOrigin.ForeignPage, "GET", "/simple", false),
        new("preflighted request from a foreign origin", ScriptOrigin.ForeignPage, "DELETE", "/item", false) { Preflights = 1, Sent = false },
    ];

    public static TheoryData<string> RowNames => new(Rows.Select(r => r.Name));

    [ChromiumTheory]
    [MemberData(nameof(RowNames))]
    public async Task Chromium_decides_as_the_matrix_says(string name)
    {
        var row = Rows.Single(r => r.Name == name);
        var page = await fixture.OpenPageAsync(row.From == ScriptOrigin.ForeignPage ? MatrixOrigins.ForeignPage : MatrixOrigins.Page);
        var mark = fixture.Mark();

        var outcome = await FetchAsync(page, row.From, row.Path, Init(row), row.Fetches);

        var seen = fixture.SeenSince(mark).Where(r => r.Path == row.Path).ToList();
        var log = $"{row.Name}: {outcome}\nserver saw:\n  {string.Join("\n  ", seen)}";
        output.WriteLine(log);
        Assert.True(outcome.Resolved == row.Resolves, $"expected fetch to {(row.Resolves ? "resolve" : "reject with a TypeError")}\n{log}");
        if (row.Resolves)
        {
            Assert.True(outcome.Status == 200, log);
            if (row.ResponseBody is { } body)
            {
                Assert.Equal(body, outcome.Body?.Trim('"'));
            }
        }
        else
        {
            Assert.StartsWith("TypeError", outcome.Error);
        }

        var preflights = seen.Where(r => r.IsPreflight).ToList();
        Assert.True(preflights.Count == row.Preflights, $"expected {row.Preflights} preflight(s)\n{log}");
        Assert.All(preflights, p => Assert.Equal(row.Method, p.RequestMethod)); // sent as written: "patch" stays lower case
        var sent = seen.Count(r => !r.IsPreflight && r.Method == row.Method);
        Assert.True(row.Sent ? sent == row.Fetches : sent == 0, $"expected the request {(row.Sent ? $"to reach the server {row.Fetches} time(s)" : "never to reach the server")}\n{log}");
        if (row.From == ScriptOrigin.SandboxedIframe)
        {
            Assert.All(seen, r => Assert.Equal("null", r.Origin));
        }
    }

    [ChromiumFact]
    public async Task An_exposed_response_header_is_readable_and_an_unexposed_one_is_not()
    {
        var page = await fixture.OpenPageAsync();

        var outcome = await FetchAsync(page, ScriptOrigin.Page, "/simple", new() { ["method"] = "GET" }, 1);

        Assert.True(outcome.Resolved, outcome.ToString());
        Assert.Equal("exposed", outcome.Exposed);
        Assert.Null(outcome.Hidden); // sent by the server (X-Hidden: hidden), filtered by the browser
    }

    [ChromiumFact]
    public async Task A_cookie_comes_back_only_on_credentialed_requests()
    {
        var page = await fixture.OpenPageAsync();
        var include = new Dictionary<string, object> { ["method"] = "GET", ["credentials"] = "include" };

        var login = await FetchAsync(page, ScriptOrigin.Page, "/credentials/login", include, 1);
        var withCredentials = await FetchAsync(page, ScriptOrigin.Page, "/credentials/whoami", include, 1);
        var withoutCredentials = await FetchAsync(page, ScriptOrigin.Page, "/credentials/whoami", new() { ["method"] = "GET" }, 1);

        Assert.True(login.Resolved, login.ToString());
        Assert.Equal("s3cret", withCredentials.Body?.Trim('"'));
        Assert.Equal("anonymous", withoutCredentials.Body?.Trim('"'));
    }

    private static Dictionary<string, object> Init(MatrixRow row)
    {
        var init = new Dictionary<string, object> { ["method"] = row.Method, ["mode"] = "cors" };
        if (row.Headers.Count > 0)
        {
            init["headers"] = row.Headers;
        }

        if (row.Credentials is { } credentials)
        {
            init["credentials"] = credentials;
        }

        if (row.Body is { } body)
        {
            init["body"] = body;
        }

        return init;
    }

    private async Task<FetchOutcome> FetchAsync(IPage page, ScriptOrigin from, string path, Dictionary<string, object> init, int times)
    {
        IFrame frame = page.MainFrame;
        if (from == ScriptOrigin.SandboxedIframe)
        {
            var iframe = await page.WaitForSelectorAsync("#sandboxed");
            frame = await iframe!.ContentFrameAsync() ?? throw new InvalidOperationException("the sandboxed iframe has no frame");
            await frame.WaitForLoadStateAsync();
        }

        var json = await frame.EvaluateAsync<string>(FetchScript, new object[] { fixture.ApiUrl + path, init, times });
        return JsonSerializer.Deserialize<FetchOutcome>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record FetchOutcome(bool Resolved, int Status, string? Body, string? Exposed, string? Hidden, string? Error);
}
