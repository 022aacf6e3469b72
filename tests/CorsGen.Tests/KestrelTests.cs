using System.Net;
using System.Net.Sockets;
using System.Text;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>The same rules through real Kestrel on 127.0.0.1 with a random port.</summary>
public sealed class KestrelTests : IAsyncLifetime
{
    private CorsApp _app = null!;

    public async Task InitializeAsync() => _app = await CorsApp.StartDefaultAsync(kestrel: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Server_listens_on_loopback_with_a_real_port()
    {
        Assert.Equal("127.0.0.1", _app.BaseAddress.Host);
        Assert.NotEqual(0, _app.BaseAddress.Port);
    }

    [Fact]
    public async Task Preflight_through_kestrel()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/credentials");
        request.Headers.Add("Origin", TestOrigins.App);
        request.Headers.Add(RequestMethod, "POST");
        request.Headers.Add(RequestHeaders, "authorization,x-csrf-token");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
        Assert.Equal(["true"], response.Headers.GetValues(AllowCredentials));
        var methods = Assert.Single(response.Headers.GetValues(AllowMethods)).Split(", ");
        Assert.Equal(["GET", "POST"], methods.Order(StringComparer.Ordinal));
        var headers = response.Headers.GetValues(AllowHeaders).SelectMany(v => v.Split(',')).Select(v => v.Trim()).ToList();
        Assert.Contains("authorization", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("x-csrf-token", headers, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(PreflightVary.Order(StringComparer.OrdinalIgnoreCase), response.Headers.Vary.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Refused_preflight_through_kestrel()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/credentials");
        request.Headers.Add("Origin", "https://app.example.com.evil.net");
        request.Headers.Add(RequestMethod, "POST");

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(response.Content.Headers, h => h.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Actual_request_through_kestrel()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/expose");
        request.Headers.Add("Origin", TestOrigins.App);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("expose-get", await response.Content.ReadAsStringAsync());
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
        var exposed = response.Headers.GetValues(ExposeHeaders).SelectMany(v => v.Split(',')).Select(v => v.Trim());
        Assert.Equal(["ETag", "X-Total-Count"], exposed.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase);
        Assert.Contains("Origin", response.Headers.Vary, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Exception_handler_500_through_kestrel_carries_cors_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/errors/throw");
        request.Headers.Add("Origin", TestOrigins.App);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
    }

    [Fact]
    public async Task Raw_two_origin_lines_are_refused()
    {
        var reply = await RawAsync(
            "OPTIONS /single HTTP/1.1",
            $"Origin: {TestOrigins.App}",
            $"Origin: {TestOrigins.App}",
            $"{RequestMethod}: POST");

        Assert.Equal(403, reply.Status);
        Assert.DoesNotContain(reply.Headers, h => h.Name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Raw_empty_origin_is_refused()
    {
        var reply = await RawAsync("OPTIONS /any HTTP/1.1", "Origin: ", $"{RequestMethod}: PUT");

        Assert.Equal(403, reply.Status);
        Assert.DoesNotContain(reply.Headers, h => h.Name.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Raw_request_headers_over_two_lines_are_allowed()
    {
        var reply = await RawAsync(
            "OPTIONS /headers HTTP/1.1",
            $"Origin: {TestOrigins.App}",
            $"{RequestMethod}: POST",
            $"{RequestHeaders}: x-api-key",
            $"{RequestHeaders}: x-trace,x-request-id");

        Assert.Equal(204, reply.Status);
        Assert.Equal([TestOrigins.App], reply.Values(AllowOrigin));
        var allowed = reply.Values(AllowHeaders).SelectMany(v => v.Split(',')).Select(v => v.Trim()).ToList();
        foreach (var name in new[] { "x-api-key", "x-trace", "x-request-id" })
        {
            Assert.Contains(name, allowed, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Raw_bad_request_header_on_the_second_line_is_refused()
    {
        var reply = await RawAsync(
            "OPTIONS /headers HTTP/1.1",
            $"Origin: {TestOrigins.App}",
            $"{RequestMethod}: POST",
            $"{RequestHeaders}: x-api-key",
            $"{RequestHeaders}: x-evil");

        Assert.Equal(403, reply.Status);
    }

    private sealed record RawReply(int Status, List<(string Name, string Value)> Headers)
    {
        public List<string> Values(string name) =>
            Headers.Where(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();
    }

    /// <summary>Sends header lines exactly as given (HttpClient would merge repeated headers).</summary>
    private async Task<RawReply> RawAsync(string requestLine, params string[] headerLines)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _app.BaseAddress.Port);
        await using var stream = client.GetStream();
        var text = new StringBuilder()
            .Append(requestLine).Append("\r\n")
            .Append("Host: 127.0.0.1:").Append(_app.BaseAddress.Port).Append("\r\n");
        foreach (var line in headerLines)
        {
            text.Append(line).Append("\r\n");
        }

        text.Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()));

        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync();
        var head = response[..response.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1).Select(l => (l[..l.IndexOf(':')], l[(l.IndexOf(':') + 1)..].Trim())).ToList();
        return new RawReply(status, headers);
    }
}
