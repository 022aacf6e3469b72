using CorsGen.EndpointKinds;
using Microsoft.Extensions.DependencyInjection;

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
