using System.Net;
using System.Net.WebSockets;
using System.Text;
using CorsGen.EndpointKinds;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using static CorsGen.Tests.Infrastructure.Cors;
using static CorsGen.Tests.Infrastructure.SignalRWire;

namespace CorsGen.Tests;

/// <summary>
/// Endpoint kinds other than minimal APIs, through Kestrel: a SignalR hub, a Razor Page and a fallback in
/// <c>app.WithCors(policy)</c> groups, static files under the app-wide policy, a hub under the app-wide
/// policy alone, and, for the one wire difference, the same hub under ASP.NET Core's CORS.
/// </summary>
public sealed class EndpointKindTests(EndpointKindTests.Apps apps) : IClassFixture<EndpointKindTests.Apps>
{
    private const string Hub = EndpointKindAssets.HubPath;
    private const string UserCookie = ChatHub.UserCookie + "=ada";

    public sealed class Apps : IAsyncLifetime
    {
        public const string StaticFileName = "site.css";

        private readonly string _webRoot = Directory.CreateTempSubdirectory("corsgen-kinds-").FullName;

        /// <summary>The hub, the page and the fallback in WithCors groups; static files under UseCorsGen(AssetsPolicy.Policy).</summary>
        public CorsApp WithCors { get; private set; } = null!;

        /// <summary>The hub mapped without WithCors, under UseCorsGen(ChatPolicy.Policy).</summary>
        public CorsApp AppWide { get; private set; } = null!;

        /// <summary>The hub with ASP.NET Core's CORS: AddCors, UseCors(), RequireCors.</summary>
        public CorsApp AspNetCore { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(Path.Combine(_webRoot, StaticFileName), "body { color: teal }");
            await File.WriteAllTextAsync(Path.Combine(_webRoot, "index.html"), "<div id=\"app\"></div>");
            WithCors = await CorsApp.StartAsync(
                app =>
                {
                    app.WithCors(ChatPolicy.Policy).MapHub<ChatHub>(Hub);
                    var site = app.WithCors(SitePolicy.Policy);
                    site.MapRazorPages();
                    site.MapFallback(() => "fallback");
                    site.MapFallbackToFile("/spa/{*path:nonfile}", "index.html", new StaticFileOptions { FileProvider = new PhysicalFileProvider(_webRoot) });
                },
                kestrel: true,
                configure: builder => builder.Services.AddEndpointKinds(),
                beforeAuthentication: app =>
                {
                    app.UseCorsGen(AssetsPolicy.Policy);
                    app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(_webRoot) });
                });
            AppWide = await CorsApp.StartAsync(
                app => app.MapHub<ChatHub>(Hub),
                kestrel: true,
                configure: builder => builder.Services.AddEndpointKinds(),
                beforeAuthentication: app => app.UseCorsGen(ChatPolicy.Policy));
            AspNetCore = await CorsApp.StartAsync(
                app => app.MapHub<ChatHub>(Hub).RequireCors("chat"),
                kestrel: true,
                configure: builder =>
                {
                    builder.Services.AddEndpointKinds();
                    builder.Services.AddCors(o => o.AddPolicy("chat", p => p.WithOrigins(TestOrigins.App).AllowCredentials().AllowAnyHeader()));
                },
                beforeAuthentication: app => app.UseCors());
        }

        public async Task DisposeAsync()
        {
            await WithCors.DisposeAsync();
            await AppWide.DisposeAsync();
            await AspNetCore.DisposeAsync();
            Directory.Delete(_webRoot, recursive: true);
        }
    }

    private CorsApp App => apps.WithCors;

    // --- SignalR: negotiate ---

    [Fact]
    public async Task Hub_negotiate_preflight_with_credentials_is_allowed()
    {
        var reply = await App.PreflightAsync(Hub + "/negotiate?negotiateVersion=1", TestOrigins.App, "POST", "x-requested-with,x-signalr-user-agent");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        ListEquals(reply, AllowMethods, "POST");
        ListEquals(reply, AllowHeaders, "Accept", "Accept-Language", "Content-Language", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent");
    }

    [Fact]
    public async Task Hub_negotiate_preflight_from_a_foreign_origin_is_refused()
    {
        var reply = await App.PreflightAsync(Hub + "/negotiate?negotiateVersion=1", TestOrigins.Evil, "POST", "x-requested-with,x-signalr-user-agent");

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Hub_negotiate_answer_carries_the_headers_and_offers_every_transport()
    {
        using var response = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.App, UserCookie));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
        Assert.Equal(["true"], response.Headers.GetValues(AllowCredentials));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"WebSockets\"", body, StringComparison.Ordinal);
        Assert.Contains("\"ServerSentEvents\"", body, StringComparison.Ordinal);
        Assert.Contains("\"LongPolling\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_negotiate_from_a_foreign_origin_gets_no_cors_headers()
    {
        using var response = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.Evil));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // a CORS refusal is the browser's: the script cannot read it
        Assert.False(response.Headers.Contains(AllowOrigin));
        Assert.Contains("Origin", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
    }

    // --- SignalR: WebSockets ---

    [Fact]
    public async Task Hub_websocket_from_the_allowed_origin_sends_and_receives_with_the_cookie()
    {
        using var socket = await ConnectAsync(App, TestOrigins.App, UserCookie);

        await SendAsync(socket, Invocation("Send", "hello"));

        Assert.Equal("""{"type":1,"target":"Receive","arguments":["hello","ada","WebSockets"]}""", await ReceiveAsync(socket));
    }

    public static TheoryData<string> ForeignOrigins => new() { TestOrigins.Evil, TestOrigins.Other, "null", "https://app.example.com.evil.net", "HTTPS://APP.EXAMPLE.COM" };

    [Theory]
    [MemberData(nameof(ForeignOrigins))]
    public async Task Hub_websocket_upgrade_from_a_disallowed_origin_is_refused_403(string origin)
    {
        using var socket = Socket(origin, UserCookie);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketUri(App), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Theory]
    [InlineData("Origin: " + TestOrigins.App + "\r\nOrigin: " + TestOrigins.App + "\r\n", "403")] // two Origin lines: not a browser's
    [InlineData("Origin: " + TestOrigins.Evil + "\r\n", "403")]
    [InlineData("Origin: " + TestOrigins.App + "\r\n", "101")]
    public async Task Hub_websocket_handshake_on_the_wire(string originLines, string status)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(App.BaseAddress.Host, App.BaseAddress.Port);
        var stream = client.GetStream();
        var request = $"GET {Hub} HTTP/1.1\r\nHost: {App.BaseAddress.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n{originLines}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync();

        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestOrigins.App, HttpStatusCode.OK)]
    [InlineData(TestOrigins.Evil, HttpStatusCode.Forbidden)]
    public async Task Hub_websocket_over_http2_extended_connect_is_checked_too(string origin, HttpStatusCode status)
    {
        // RFC 8441: on HTTP/2 the handshake is a CONNECT with :protocol websocket, no Upgrade header. Kestrel
        // speaks HTTP/2 without TLS only on an HTTP/2-only endpoint (prior knowledge).
        await using var app = await CorsApp.StartAsync(
            map => map.WithCors(ChatPolicy.Policy).MapHub<ChatHub>(Hub),
            kestrel: true,
            configure: builder =>
            {
                builder.Services.AddEndpointKinds();
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
            });
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler());
        using var socket = Socket(origin, UserCookie);
        socket.Options.HttpVersion = HttpVersion.Version20;
        socket.Options.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        var uri = new Uri($"ws://{app.BaseAddress.Authority}{Hub}");

        if (status == HttpStatusCode.OK)
        {
            await socket.ConnectAsync(uri, invoker, CancellationToken.None);
            await SendAsync(socket, Handshake);
            Assert.Equal("{}", await ReceiveAsync(socket));
            await SendAsync(socket, Invocation("Send", "over HTTP/2"));
            Assert.Equal("""{"type":1,"target":"Receive","arguments":["over HTTP/2","ada","WebSockets"]}""", await ReceiveAsync(socket));
        }
        else
        {
            await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, invoker, CancellationToken.None));
        }

        Assert.Equal(status, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Hub_websocket_with_a_negotiated_token_from_a_disallowed_origin_is_refused_403()
    {
        // The cookie-carrying connection a foreign page could try: negotiate (its answer unreadable to the page), then the upgrade.
        using var negotiate = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.Evil, UserCookie));
        var token = await TokenAsync(negotiate);
        using var socket = Socket(TestOrigins.Evil, UserCookie);

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(WebSocketUri(App, token), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    [Fact]
    public async Task Hub_websocket_without_origin_or_from_the_apps_own_origin_connects()
    {
        // No Origin: not a browser, so no page to hijack the user's cookies; the app's own origin needs no policy.
        foreach (var origin in new[] { null, $"http://{App.BaseAddress.Authority}" })
        {
            using var socket = await ConnectAsync(App, origin, cookie: null);
            await SendAsync(socket, Invocation("Send", "same-site"));
            Assert.Equal("""{"type":1,"target":"Receive","arguments":["same-site","anonymous","WebSockets"]}""", await ReceiveAsync(socket));
        }
    }

    [Fact]
    public async Task Hub_under_the_app_wide_policy_checks_the_websocket_origin_too()
    {
        using (var allowed = await ConnectAsync(apps.AppWide, TestOrigins.App, UserCookie))
        {
            await SendAsync(allowed, Invocation("Send", "app-wide"));
            Assert.Equal("""{"type":1,"target":"Receive","arguments":["app-wide","ada","WebSockets"]}""", await ReceiveAsync(allowed));
        }

        using var refused = Socket(TestOrigins.Evil, UserCookie);
        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(WebSocketUri(apps.AppWide), CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, refused.HttpStatusCode);

        var preflight = await apps.AppWide.PreflightAsync(Hub + "/negotiate", TestOrigins.App, "POST", "x-requested-with");
        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowCredentials, "true");
    }

    [Fact]
    public async Task AspNetCore_cors_lets_a_disallowed_origin_open_the_websocket()
    {
        // docs/compatibility.md: CORS does not cover WebSocket handshakes and ASP.NET Core's middleware never refuses one.
        using var socket = await ConnectAsync(apps.AspNetCore, TestOrigins.Evil, UserCookie);

        await SendAsync(socket, Invocation("Send", "hijacked"));

        Assert.Equal("""{"type":1,"target":"Receive","arguments":["hijacked","ada","WebSockets"]}""", await ReceiveAsync(socket));
    }

    // --- SignalR: Server-Sent Events and long polling ---

    [Fact]
    public async Task Hub_server_sent_events_with_credentials()
    {
        using var negotiate = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.App, UserCookie));
        var token = await TokenAsync(negotiate);
        var stream = Request(HttpMethod.Get, $"{Hub}?id={token}", TestOrigins.App, UserCookie);
        stream.Headers.Accept.ParseAdd("text/event-stream");
        using var events = await App.Client.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.Equal([TestOrigins.App], events.Headers.GetValues(AllowOrigin));
        Assert.Equal(["true"], events.Headers.GetValues(AllowCredentials));

        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        await PostAsync(token, TestOrigins.App, Handshake);
        Assert.Equal("{}", await NextEventAsync(reader));
        await PostAsync(token, TestOrigins.App, Invocation("Send", "over SSE"));
        Assert.Equal("""{"type":1,"target":"Receive","arguments":["over SSE","ada","ServerSentEvents"]}""", await NextEventAsync(reader));
    }

    [Fact]
    public async Task Hub_long_polling_with_credentials()
    {
        using var negotiate = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.App, UserCookie));
        var token = await TokenAsync(negotiate);
        var poll = await App.PreflightAsync($"{Hub}?id={token}", TestOrigins.App, "GET", "x-requested-with,x-signalr-user-agent");
        Assert.Equal(204, poll.Status);
        var close = await App.PreflightAsync($"{Hub}?id={token}", TestOrigins.App, "DELETE", "x-requested-with,x-signalr-user-agent");
        Assert.Equal(204, close.Status); // the hub's connection route takes any method: the client's DELETE on stop

        using (var first = await App.Client.SendAsync(Request(HttpMethod.Get, $"{Hub}?id={token}", TestOrigins.App, UserCookie)))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode); // the first poll returns at once: the transport is started
        }

        await PostAsync(token, TestOrigins.App, Handshake);
        await PostAsync(token, TestOrigins.App, Invocation("Send", "over long polling"));
        var received = new StringBuilder();
        while (!received.ToString().Contains("\"target\":\"Receive\"", StringComparison.Ordinal))
        {
            using var next = await App.Client.SendAsync(Request(HttpMethod.Get, $"{Hub}?id={token}", TestOrigins.App, UserCookie));
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
            Assert.Equal([TestOrigins.App], next.Headers.GetValues(AllowOrigin));
            Assert.Equal(["true"], next.Headers.GetValues(AllowCredentials));
            received.Append(await next.Content.ReadAsStringAsync());
        }

        Assert.Contains("""{"type":1,"target":"Receive","arguments":["over long polling","ada","LongPolling"]}""", received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_poll_from_a_foreign_origin_gets_no_cors_headers()
    {
        using var negotiate = await App.Client.SendAsync(Negotiate(Hub, TestOrigins.App));
        var token = await TokenAsync(negotiate);
        var preflight = await App.PreflightAsync($"{Hub}?id={token}", TestOrigins.Evil, "GET", "x-requested-with");
        Assert.Equal(403, preflight.Status);

        using var poll = await App.Client.SendAsync(Request(HttpMethod.Get, $"{Hub}?id={token}", TestOrigins.Evil));
        Assert.False(poll.Headers.Contains(AllowOrigin));
    }

    // --- Razor Pages, fallback, static files ---

    [Fact]
    public async Task Razor_page_fragment_preflight_and_response()
    {
        var preflight = await App.PreflightAsync(EndpointKindAssets.GreetingPath, TestOrigins.App, "GET", "hx-request");
        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowOrigin, TestOrigins.App);
        ListEquals(preflight, AllowMethods, "GET"); // the page's handlers: OnGet only

        var page = await App.ActualAsync("GET", EndpointKindAssets.GreetingPath + "?name=Ada", TestOrigins.App, ("HX-Request", "true"));
        Assert.Equal(200, page.Status);
        Assert.Equal("<p id=\"greeting\">Hello, Ada, from a Razor Page</p>", page.Body.Trim());
        Single(page, AllowOrigin, TestOrigins.App);

        var foreign = await App.ActualAsync("GET", EndpointKindAssets.GreetingPath, TestOrigins.Evil);
        Assert.Equal(200, foreign.Status);
        Absent(foreign, AllowOrigin);
        Assert.Equal(403, (await App.PreflightAsync(EndpointKindAssets.GreetingPath, TestOrigins.Evil, "GET", "hx-request")).Status);
    }

    [Fact]
    public async Task Fallback_carries_the_headers_and_its_preflights_are_answered()
    {
        var reply = await App.ActualAsync("GET", "/client/route/42", TestOrigins.App);
        Assert.True(200 == reply.Status, reply.ToString());
        Assert.Equal("fallback", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);

        // The fallback maps every method, so without [AllowMethods] a preflight may ask for any.
        var preflight = await App.PreflightAsync("/client/route/42", TestOrigins.App, "PUT", "hx-request");
        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowMethods, "PUT");
        Assert.Equal(403, (await App.PreflightAsync("/client/route/42", TestOrigins.Evil, "GET", "hx-request")).Status);

        // A single-page app's fallback file.
        var spa = await App.ActualAsync("GET", "/spa/orders/7", TestOrigins.App);
        Assert.Equal(200, spa.Status);
        Assert.Equal("<div id=\"app\"></div>", spa.Body);
        Single(spa, AllowOrigin, TestOrigins.App);
        Assert.Equal(204, (await App.PreflightAsync("/spa/orders/7", TestOrigins.App, "GET", "hx-request")).Status);
    }

    [Fact]
    public async Task Static_files_under_the_app_wide_policy_carry_headers_and_their_preflights_are_answered()
    {
        var file = await App.ActualAsync("GET", "/" + Apps.StaticFileName, TestOrigins.Other);
        Assert.Equal(200, file.Status);
        Assert.Equal("body { color: teal }", file.Body);
        Single(file, AllowOrigin, TestOrigins.Other);

        var preflight = await App.PreflightAsync("/" + Apps.StaticFileName, TestOrigins.Other, "GET", "x-asset-version");
        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowOrigin, TestOrigins.Other);
        ListEquals(preflight, AllowMethods, "GET", "HEAD", "POST");

        // The app-wide policy is not the routes' policy: the partner site gets nothing from the fallback or the hub.
        Absent(await App.ActualAsync("GET", "/client/route", TestOrigins.Other), AllowOrigin);
        Assert.Equal(403, (await App.PreflightAsync("/" + Apps.StaticFileName, TestOrigins.App, "GET", "x-asset-version")).Status);
    }

    [Fact]
    public void The_vendored_signalr_client_is_the_version_and_file_its_readme_names()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "CorsGen.EndpointKinds", "SignalR", "README.md"));
        var script = EndpointKindAssets.SignalRScript;
        var version = System.Text.RegularExpressions.Regex.Match(readme, @"`@microsoft/signalr`\]\([^)]*\) \*\*([0-9.]+)\*\*").Groups[1].Value;

        Assert.NotEmpty(version);
        Assert.Contains($"const VERSION = '{version}';", Encoding.UTF8.GetString(script), StringComparison.Ordinal);
        Assert.Contains("sha256 " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(script)) + "  signalr.js", readme, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorsGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no CorsGen.sln above {AppContext.BaseDirectory}");
    }

    private static Uri WebSocketUri(CorsApp app, string? token = null) =>
        new($"ws://{app.BaseAddress.Authority}{Hub}{(token is null ? "" : "?id=" + token)}");

    private static async Task<ClientWebSocket> ConnectAsync(CorsApp app, string? origin, string? cookie)
    {
        var socket = Socket(origin, cookie);
        await socket.ConnectAsync(WebSocketUri(app), CancellationToken.None);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, socket.HttpStatusCode);
        await SendAsync(socket, Handshake);
        Assert.Equal("{}", await ReceiveAsync(socket));
        return socket;
    }

    private async Task PostAsync(string token, string origin, string body)
    {
        using var response = await App.Client.SendAsync(Request(HttpMethod.Post, $"{Hub}?id={token}", origin, UserCookie, body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([origin], response.Headers.GetValues(AllowOrigin));
    }

    // The data of the next Server-Sent Event, record separator dropped.
    private static async Task<string> NextEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line[6..].TrimEnd(RecordSeparator) is { Length: > 0 } data && data != "{\"type\":6}")
            {
                return data;
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }
}
