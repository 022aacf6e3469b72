using Microsoft.AspNetCore.SignalR;

namespace CorsGen.EndpointKinds;

/// <summary>
/// The hub of the endpoint-kind tests: <see cref="Send"/> answers the caller with the message and the
/// user its <see cref="UserCookie"/> names, so a test sees that the cookie (the credentials) reached the
/// hub over the transport the client chose.
/// </summary>
public sealed class ChatHub : Hub
{
    /// <summary>The client method the answer calls.</summary>
    public const string ReceiveMethod = "Receive";

    /// <summary>The cookie naming the user; "anonymous" without it.</summary>
    public const string UserCookie = "chat-user";

    /// <summary>Sends <paramref name="message"/> back to the caller with the user, and the transport's name.</summary>
    public Task Send(string message)
    {
        var http = Context.GetHttpContext();
        var user = http?.Request.Cookies[UserCookie] ?? "anonymous";
        var transport = Context.Features.Get<Microsoft.AspNetCore.Http.Connections.Features.IHttpTransportFeature>()?.TransportType.ToString() ?? "unknown";
        return Clients.Caller.SendAsync(ReceiveMethod, message, user, transport);
    }
}
