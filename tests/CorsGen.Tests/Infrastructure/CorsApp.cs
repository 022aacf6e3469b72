using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests.Infrastructure;

/// <summary>A started WebApplication on TestServer (default) or on real Kestrel.</summary>
public sealed class CorsApp : IAsyncDisposable
{
    public const string ExceptionHandlerBody = "exception-handler";

    private readonly bool _kestrel;

    private CorsApp(WebApplication app, bool kestrel)
    {
        App = app;
        _kestrel = kestrel;
        if (kestrel)
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            BaseAddress = new Uri(address);
            Client = new HttpClient { BaseAddress = BaseAddress };
        }
        else
        {
            Client = app.GetTestClient();
            BaseAddress = Client.BaseAddress!;
        }
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress { get; }

    public TestServer Server => App.GetTestServer();

    /// <summary>The app every behaviour test class uses: all endpoint classes except the shared-pattern pair.</summary>
    public static Task<CorsApp> StartDefaultAsync(bool kestrel = false) => StartAsync(MapAll, kestrel);

    public static void MapAll(WebApplication app)
    {
        app.MapSingleOriginEndpoints();
        app.MapMultiOriginEndpoints();
        app.MapOriginTreeEndpoints();
        app.MapSubdomainEndpoints();
        app.MapAnyOriginEndpoints();
        app.MapCredentialsEndpoints();
        app.MapHeaderEndpoints();
        app.MapSameLengthHeaderEndpoints();
        app.MapMethodEndpoints();
        app.MapMaxAgeEndpoints();
        app.MapExposeEndpoints();
        app.MapOverrideEndpoints();
        app.MapPerMethodEndpoints();
        app.MapDisableCorsEndpoints();
        app.MapUserOptionsEndpoints();
        app.MapErrorEndpoints();
        app.MapNullOriginEndpoints();
        app.MapGroup("/api").MapApiGroupEndpoints();
        app.MapSecureEndpoints().RequireAuthorization();
        app.MapGroup("/outer").RequireAuthorization().MapSecureEndpoints();
        app.MapGroup("/authz").RequireAuthorization().MapUserOptionsEndpoints();
        app.MapPolicyEndpoints();
        app.MapConfiguredEndpoints();
        app.MapPredicateEndpoints();
        app.MapPrivateNetworkEndpoints();
        app.MapPreflightStatusEndpoints();
        app.MapContinueEndpoints();
        app.MapSafelistedMethodEndpoints();
        CorsGen.Tests.Endpoints.MigrationRoutes.Map(app);
        CorsGen.Tests.Endpoints.HandMappedRoutes.Map(app);
    }

    public static async Task<CorsApp> StartAsync(
        Action<WebApplication> map,
        bool kestrel = false,
        Action<WebApplicationBuilder>? configure = null,
        Action<WebApplication>? beforeAuthentication = null,
        bool implicitAuthentication = false,
        string environmentName = "Production")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environmentName });
        builder.Logging.ClearProviders();
        configure?.Invoke(builder);
        if (kestrel)
        {
            builder.WebHost.UseKestrel();
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddAuthentication(TestAuthHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddEndpointsApiExplorer();

        var app = builder.Build();
        if (kestrel)
        {
            app.Urls.Add("http://127.0.0.1:0");
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = context =>
            {
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(ExceptionHandlerBody);
            },
        });
        app.UseRouting();
        beforeAuthentication?.Invoke(app);
        // Implicit: WebApplication adds both itself (where depends on the ASP.NET Core version).
        if (!implicitAuthentication)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        map(app);

        await app.StartAsync();
        return new CorsApp(app, kestrel);
    }

    /// <summary>
    /// Sends a request through TestServer with exact control over header lines: each value of a
    /// <see cref="StringValues"/> is one header line, nothing is trimmed or combined.
    /// </summary>
    public async Task<Reply> SendAsync(string method, string path, params (string Name, StringValues Value)[] headers)
    {
        if (_kestrel)
        {
            return await SendThroughKestrelAsync(method, path, headers);
        }

        var context = await Server.SendAsync(c =>
        {
            c.Request.Method = method;
            var query = path.IndexOf('?');
            c.Request.Path = query < 0 ? path : path[..query];
            if (query >= 0)
            {
                c.Request.QueryString = new QueryString(path[query..]);
            }

            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }
        });

        using var reader = new StreamReader(context.Response.Body);
        var body = await reader.ReadToEndAsync();
        var responseHeaders = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new Reply(context.Response.StatusCode, responseHeaders, body);
    }

    // Over the socket: HttpClient writes a header's values as one line, joined with ", ".
    private async Task<Reply> SendThroughKestrelAsync(string method, string path, (string Name, StringValues Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        foreach (var (name, value) in headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        using var response = await Client.SendAsync(request);
        var responseHeaders = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => new StringValues(h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, responseHeaders, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A preflight: OPTIONS with Origin, ACRM and (when given) ACRH.</summary>
    public Task<Reply> PreflightAsync(string path, StringValues origin, StringValues method, StringValues? requestHeaders = null)
    {
        var headers = new List<(string, StringValues)>
        {
            ("Origin", origin),
            ("Access-Control-Request-Method", method),
        };
        if (requestHeaders is { } acrh)
        {
            headers.Add(("Access-Control-Request-Headers", acrh));
        }

        return SendAsync(HttpMethods.Options, path, [.. headers]);
    }

    /// <summary>An actual request, with an Origin header when <paramref name="origin"/> is given.</summary>
    public Task<Reply> ActualAsync(string method, string path, StringValues? origin = null, params (string Name, StringValues Value)[] extra)
    {
        var headers = new List<(string, StringValues)>();
        if (origin is { } o)
        {
            headers.Add(("Origin", o));
        }

        headers.AddRange(extra);
        return SendAsync(method, path, [.. headers]);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>What came back: status, response headers (case-insensitive names, every line kept) and body.</summary>
public sealed record Reply(int Status, IReadOnlyDictionary<string, StringValues> Headers, string Body)
{
    public StringValues this[string name] => Headers.TryGetValue(name, out var v) ? v : StringValues.Empty;

    public bool Has(string name) => Headers.ContainsKey(name);

    public override string ToString() =>
        $"{Status} {(HttpStatusCode)Status}\n" + string.Join("\n", Headers.Select(h => $"{h.Key}: {string.Join(" | ", h.Value.ToArray())}")) + $"\n\n{Body}";
}

/// <summary>One app per test class.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public CorsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CorsApp.StartDefaultAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
