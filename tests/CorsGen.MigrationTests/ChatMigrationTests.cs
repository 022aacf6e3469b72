using CorsGen.MigrationTests.Apps;

namespace CorsGen.MigrationTests;

/// <summary>App 4: a SignalR hub with the official JavaScript client, every transport, with credentials (<see cref="ChatApp"/>).</summary>
[Collection(MigrationCollection.Name)]
public sealed class ChatMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : MigrationCaseTests(fixture, output)
{
    public static readonly IReadOnlyList<HubCase> Cases =
    [
        new("WebSockets", Allowed, "WebSockets") { Connects = true, User = "ada" },
        new("WebSockets without negotiating", Allowed, "WebSockets") { SkipNegotiation = true, Connects = true, User = "ada" },
        new("Server-Sent Events", Allowed, "ServerSentEvents") { Connects = true, User = "ada" },
        // The client's DELETE on stop is preflighted and not in WithMethods("GET", "POST"): refused by both, 403 by the port.
        new("long polling", Allowed, "LongPolling") { Connects = true, User = "ada", Differences = [RefusedPreflightIs403] },
        new("foreign origin, WebSockets", Foreign, "WebSockets") { Differences = [RefusedPreflightIs403] },
        new("foreign origin, Server-Sent Events", Foreign, "ServerSentEvents") { Differences = [RefusedPreflightIs403] },
        new("foreign origin, long polling", Foreign, "LongPolling") { Differences = [RefusedPreflightIs403] },
        new("foreign origin, WebSockets without negotiating: the upgrade", Foreign, "WebSockets") { SkipNegotiation = true, Connects = true, User = "anonymous", Differences = [WebSocketOriginChecked] },
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [ChromiumTheory]
    [MemberData(nameof(CaseNames))]
    public Task Chat_app_case(string name) => RunAsync(ChatApp.Definition, Cases, name);
}
