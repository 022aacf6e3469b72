using System.Net;
using System.Net.Sockets;
using CorsGen.Sample;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample's API in the Development environment, called by scripts that CorsGen refuses: Chromium's own
/// console error names the cause, the server's record carries CorsGen's reason, and the actual request is
/// never sent. In Production the same refusals are bare 403s, which Chromium reports as a missing
/// <c>Access-Control-Allow-Origin</c> whatever the cause.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefusalExplanationPageTests(SampleFixture fixture)
{
    private const string FetchScript = """
        async ([url, method, headers]) => {
          try {
            const response = await fetch(url, { method, headers, body: method === 'GET' ? undefined : '{}' });
            return 'resolved ' + response.status;
          } catch (e) {
            return 'rejected ' + e.name;
          }
        }
        """;

    public static TheoryData<string, string, string, string> Refusals => new()
    {
        // case, method, extra request header, what Chromium's console says
        { "header", "POST", "X-Api-Key", "Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response" },
        { "method", "PUT", "", "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response" },
        { "origin", "POST", "", "No 'Access-Control-Allow-Origin' header is present on the requested resource" },
    };

    [ChromiumTheory]
    [MemberData(nameof(Refusals))]
    public async Task In_Development_Chromium_names_the_cause_and_never_sends_the_request(string refusal, string method, string header, string console)
    {
        var result = await RunAsync("Development", refusal, method, header);

        Assert.Equal("rejected TypeError", result.Outcome);
        Assert.Contains(result.ConsoleErrors, text => text.Contains(console, StringComparison.Ordinal));
        var preflight = Assert.Single(result.Requests, r => r.IsPreflight);
        Assert.Contains(refusal == "header" ? "header \"x-api-key\" is not allowed" : refusal == "method" ? "method \"PUT\" is not allowed" : "is not allowed by policy", preflight.Refusal);
        Assert.DoesNotContain(result.Requests, r => r.Method == method);
    }

    [ChromiumTheory]
    [MemberData(nameof(Refusals))]
    public async Task In_Production_the_refusal_is_a_bare_403(string refusal, string method, string header, string console)
    {
        _ = console;
        var result = await RunAsync("Production", refusal, method, header);

        Assert.Equal("rejected TypeError", result.Outcome);
        // Chromium checks Access-Control-Allow-Origin first, so a bare 403 reads as a missing header whatever the cause.
        Assert.Contains(result.ConsoleErrors, text => text.Contains("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header", StringComparison.Ordinal));
        Assert.DoesNotContain(result.ConsoleErrors, text => text.Contains("is not allowed by Access-Control-Allow-", StringComparison.Ordinal));
        var preflight = Assert.Single(result.Requests, r => r.IsPreflight);
        Assert.Equal(403, preflight.StatusCode);
        Assert.Null(preflight.Refusal);
        Assert.DoesNotContain(result.Requests, r => r.Method == method);
    }

    /// <summary>
    /// A policy of "*" with credentials refuses every origin: in Development with a 403 and its reason (an
    /// ok answer with "*" could let a request without credentials through), which Chromium blocks.
    /// </summary>
    [ChromiumFact]
    public async Task In_Development_any_origin_with_credentials_stays_refused_with_its_reason()
    {
        var seen = new List<(string Method, int Status, string? Refusal)>();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        await using var api = builder.Build();
        api.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                lock (seen)
                {
                    seen.Add((context.Request.Method, context.Response.StatusCode, context.Response.Headers["CorsGen-Refusal"].FirstOrDefault()));
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        api.MapRefuseAllExplanationEndpoints();
        await api.StartAsync();
        var apiUrl = api.Urls.First().TrimEnd('/');

        // Any page will do: the policy refuses every origin.
        var webPort = FreePort();
        await using var servers = await SampleServers.StartAsync(new SampleOptions { ApiPort = 0, WebPort = webPort });
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(servers.WebUrl + "/");

        var outcome = await page.EvaluateAsync<string>(FetchScript, new object[] { apiUrl + "/refuse-all", "PUT", new Dictionary<string, string>() });

        Assert.Equal("rejected TypeError", outcome);
        lock (seen)
        {
            var preflight = Assert.Single(seen);
            Assert.Equal(("OPTIONS", 403), (preflight.Method, preflight.Status));
            Assert.Contains("combines \"*\" with credentials (CORSGEN002)", preflight.Refusal);
        }
    }

    private sealed record Result(string Outcome, IReadOnlyList<string> ConsoleErrors, IReadOnlyList<ApiRequest> Requests);

    // The page is served from a configured origin, or, for the origin case, from one nothing allows.
    private async Task<Result> RunAsync(string environment, string refusal, string method, string header)
    {
        var webPort = FreePort();
        var requests = new List<ApiRequest>();
        await using var servers = await SampleServers.StartAsync(new SampleOptions
        {
            ApiPort = 0,
            WebPort = webPort,
            AllowedOrigins = refusal == "origin" ? [] : [$"http://127.0.0.1:{webPort}"],
            EnvironmentName = environment,
            OnApiRequest = request => { lock (requests) { requests.Add(request); } },
        });
        var page = await fixture.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add(message.Text);
                }
            }
        };
        await page.GotoAsync(servers.WebUrl + "/");
        lock (requests)
        {
            requests.Clear(); // the page's own GET on load
        }

        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        if (header.Length > 0)
        {
            headers[header] = "1";
        }

        IConsoleMessage? blocked = null;
        var outcome = "";
        blocked = await page.RunAndWaitForConsoleMessageAsync(
            async () => outcome = await page.EvaluateAsync<string>(FetchScript, new object[] { servers.ApiUrl + "/info", method, headers }),
            new() { Predicate = m => m.Type == "error" && m.Text.Contains("CORS policy", StringComparison.Ordinal) });
        Assert.NotNull(blocked);
        lock (requests)
        lock (consoleErrors)
        {
            return new Result(outcome, consoleErrors.ToList(), requests.Where(r => r.Path == "/info").ToList());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>"*" with credentials (CORSGEN002's case): compiled to refuse every origin, explained in Development.</summary>
#pragma warning disable CORSGEN002 // the policy that refuses everything is the case under test
[AllowOrigins("*")]
[AllowCredentials]
#pragma warning restore CORSGEN002
public static partial class RefuseAllExplanationEndpoints
{
    [MapPut("/refuse-all")]
    public static string Put() => "refuse-all";
}
