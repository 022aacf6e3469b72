using CorsGen.MigrationTests.Apps;

namespace CorsGen.MigrationTests;

/// <summary>App 5: MVC controllers with <c>[EnableCors]</c>/<c>[DisableCors]</c> and a SignalR hub, ported to CorsGen's attributes and <c>WithCors</c> (<see cref="CatalogApp"/>).</summary>
[Collection(MigrationCollection.Name)]
public sealed class CatalogMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : MigrationCaseTests(fixture, output)
{
    private const string Kettle = """{"id":1,"name":"kettle","price":39.5}""";

    private static Dictionary<string, string?> TotalCount(string? value) => new() { ["X-Total-Count"] = value };

    public static readonly IReadOnlyList<MigrationCase> Cases =
    [
        new("list with credentials, exposed count", Allowed, "GET", "/api/Products") { WithCredentials = true, Resolves = true, Status = 200, ResponseBody = $"[{Kettle}]", Readable = TotalCount("1"), Differences = [VaryOnMoreResponses] },
        new("one product", Allowed, "GET", "/api/Products/1") { WithCredentials = true, Resolves = true, Status = 200, ResponseBody = Kettle, Differences = [VaryOnMoreResponses] },
        new("unknown product: ProblemDetails 404", Allowed, "GET", "/api/Products/9") { WithCredentials = true, Resolves = true, Status = 404, Differences = [VaryOnMoreResponses] },
        new("create: preflighted JSON POST", Allowed, "POST", "/api/Products") { WithCredentials = true, Headers = Json, Body = """{"name":"mug","price":8}""", Preflighted = true, Resolves = true, Status = 201, ResponseBody = """{"id":2,"name":"mug","price":8}""", Differences = [VaryOnMoreResponses] },
        new("create an invalid product: [ApiController]'s 400", Allowed, "POST", "/api/Products") { WithCredentials = true, Headers = Json, Body = """{"price":0}""", Preflighted = true, Resolves = true, Status = 400, Differences = [VaryOnMoreResponses] },
        new("replace", Allowed, "PUT", "/api/Products/1") { WithCredentials = true, Headers = Json, Body = """{"name":"steel kettle","price":45}""", Preflighted = true, Resolves = true, Status = 204, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("listed request header", Allowed, "GET", "/api/Products/1") { WithCredentials = true, Headers = Only("X-Api-Version", "2"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = Kettle, Differences = [VaryOnMoreResponses] },
        new("header not listed", Allowed, "GET", "/api/Products/1") { WithCredentials = true, Headers = Only("X-Debug", "1"), Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("delete: [DisableCors] on the action", Allowed, "DELETE", "/api/Products/1") { WithCredentials = true, Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("action-level [EnableCors]", Allowed, "GET", "/api/Status/public") { Resolves = true, Status = 200, ResponseBody = "open", Differences = [VaryOnMoreResponses] },
        new("action without CORS", Allowed, "GET", "/api/Status/internal") { Resolves = false },
        new("foreign origin", Foreign, "GET", "/api/Products") { WithCredentials = true, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin, preflighted create", Foreign, "POST", "/api/Products") { WithCredentials = true, Headers = Json, Body = """{"name":"mug","price":8}""", Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
    ];

    /// <summary>The hub beside the controllers.</summary>
    public static readonly IReadOnlyList<HubCase> HubCases =
    [
        new("hub over WebSockets", Allowed, "WebSockets") { Connects = true, User = "ada" },
        new("hub over long polling", Allowed, "LongPolling") { Connects = true, User = "ada", Differences = [RefusedPreflightIs403] },
        new("hub from a foreign origin", Foreign, "WebSockets") { Differences = [RefusedPreflightIs403] },
        new("hub from a foreign origin without negotiating: the upgrade", Foreign, "WebSockets") { SkipNegotiation = true, Connects = true, User = "anonymous", Differences = [WebSocketOriginChecked] },
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    public static TheoryData<string> HubCaseNames => new(HubCases.Select(c => c.Name));

    [ChromiumTheory]
    [MemberData(nameof(CaseNames))]
    public Task Catalog_app_case(string name) => RunAsync(CatalogApp.Definition, Cases, name);

    [ChromiumTheory]
    [MemberData(nameof(HubCaseNames))]
    public Task Catalog_app_hub_case(string name) => RunAsync(CatalogApp.Definition, HubCases, name);
}
