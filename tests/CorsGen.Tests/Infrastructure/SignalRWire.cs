using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace CorsGen.Tests.Infrastructure;

/// <summary>
/// SignalR's wire protocol by hand (JSON hub protocol, messages ended by 0x1E), so the tests send the
/// exact requests a browser sends: negotiate, then WebSockets, Server-Sent Events or long polling,
/// each with the <c>Origin</c> and cookie a test chooses.
/// </summary>
public static class SignalRWire
{
    public const char RecordSeparator = '\u001e';

    public const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";

    public static string Invocation(string target, params string[] arguments) =>
        JsonSerializer.Serialize(new { type = 1, target, arguments }) + RecordSeparator;

    /// <summary>POST {hub}/negotiate?negotiateVersion=1, as the JavaScript client sends it.</summary>
    public static HttpRequestMessage Negotiate(string hub, string? origin, string? cookie = null) =>
        Request(HttpMethod.Post, hub + "/negotiate?negotiateVersion=1", origin, cookie);

    public static HttpRequestMessage Request(HttpMethod method, string path, string? origin, string? cookie = null, string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/plain");
        }

        return request;
    }

    /// <summary>The connection token of a negotiate answer.</summary>
    public static async Task<string> TokenAsync(HttpResponseMessage negotiate)
    {
        var json = await negotiate.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("connectionToken").GetString()!;
    }

    /// <summary>A WebSocket to the hub with <paramref name="origin"/> (none when null); the handshake's HTTP status stays readable.</summary>
    public static ClientWebSocket Socket(string? origin, string? cookie = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        if (cookie is not null)
        {
            socket.Options.SetRequestHeader("Cookie", cookie);
        }

        return socket;
    }

    public static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    /// <summary>The next hub message (up to its 0x1E), pings skipped.</summary>
    public static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        var buffer = new byte[4096];
        while (true)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var message = text.ToString().TrimEnd(RecordSeparator);
            if (message != "{\"type\":6}")
            {
                return message;
            }
        }
    }
}
