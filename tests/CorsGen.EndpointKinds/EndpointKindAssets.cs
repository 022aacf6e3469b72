using CorsGen.EndpointKinds;

namespace CorsGen.EndpointKinds
{
    /// <summary>What the endpoint-kind tests share: the services of the page and the hub, and the JavaScript client.</summary>
    public static class EndpointKindAssets
    {
        /// <summary>Where the page servers serve <see cref="SignalRScript"/>.</summary>
        public const string SignalRScriptPath = "/signalr.js";

        /// <summary>The hub's path.</summary>
        public const string HubPath = "/chat";

        /// <summary>The Razor Page fragment's path.</summary>
        public const string GreetingPath = "/fragments/greeting";

        /// <summary>
        /// A page script (Playwright's <c>EvaluateAsync</c>, arguments <c>[hubUrl, transport, skipNegotiation]</c>)
        /// that connects with @microsoft/signalr (credentials included, as the client's default), sends
        /// <c>Send("hello from the page")</c>, waits up to 10 s for <see cref="ChatHub.ReceiveMethod"/>, stops,
        /// and returns a <see cref="HubOutcome"/> as JSON.
        /// </summary>
        public const string ConnectScript = """
            async ([url, transport, skipNegotiation]) => {
              const connection = new signalR.HubConnectionBuilder()
                .withUrl(url, { transport: signalR.HttpTransportType[transport], skipNegotiation, withCredentials: true })
                .configureLogging(signalR.LogLevel.None)
                .build();
              const received = new Promise(resolve => connection.on('Receive', (message, user, transport) => resolve({ message, user, transport })));
              try {
                await connection.start();
              } catch (e) {
                return JSON.stringify({ connected: false, error: String(e) });
              }
              try {
                await connection.invoke('Send', 'hello from the page');
                const answer = await Promise.race([received, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 10 s')), 10000))]);
                return JSON.stringify({ connected: true, ...answer });
              } catch (e) {
                return JSON.stringify({ connected: true, error: String(e) });
              } finally {
                await connection.stop();
              }
            }
            """;

        /// <summary>The bytes of @microsoft/signalr's browser bundle (SignalR/README.md says which version).</summary>
        public static byte[] SignalRScript { get; } = ReadScript();

        private static byte[] ReadScript()
        {
            using var stream = typeof(EndpointKindAssets).Assembly.GetManifestResourceStream("signalr.js")
                ?? throw new InvalidOperationException("signalr.js is not embedded in CorsGen.EndpointKinds.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}

namespace CorsGen.EndpointKinds
{
    /// <summary>What a page's script saw of a hub connection (<see cref="EndpointKindAssets.ConnectScript"/>).</summary>
    public sealed record HubOutcome(bool Connected, string? Message, string? User, string? Transport, string? Error)
    {
        /// <summary>Connected, and the hub's answer came back.</summary>
        public bool Answered => Connected && Error is null && Message is not null;

        /// <inheritdoc/>
        public override string ToString() => Connected
            ? $"connected: {Message ?? "(no answer)"} from {User} over {Transport}{(Error is null ? "" : ", then " + Error)}"
            : $"not connected: {Error}";
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    /// <summary>Registration of the endpoint-kind assets.</summary>
    public static class EndpointKindServiceCollectionExtensions
    {
        /// <summary>Razor Pages (with this assembly's pages: a test host's entry assembly is not the app) and SignalR.</summary>
        public static IServiceCollection AddEndpointKinds(this IServiceCollection services)
        {
            services.AddRazorPages().AddApplicationPart(typeof(ChatHub).Assembly);
            services.AddSignalR();
            return services;
        }
    }
}
