using CorsGen.MigrationTests.Apps;

namespace CorsGen.MigrationTests;

/// <summary>App 3: configured origins, credentials, and errors from an exception handler (<see cref="OrdersApp"/>).</summary>
[Collection(MigrationCollection.Name)]
public sealed class OrdersMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : MigrationCaseTests(fixture, output)
{
    private const string AllOrders = """[{"id":1,"item":"espresso beans","quantity":2}]""";

    private static Dictionary<string, string?> RequestId(string? value) => new() { ["X-Request-Id"] = value };

    public static readonly IReadOnlyList<MigrationCase> Cases =
    [
        new("list with credentials", Allowed, "GET", "/orders") { WithCredentials = true, Resolves = true, Status = 200, ResponseBody = AllOrders, Readable = RequestId("server-assigned") },
        new("list without credentials", Allowed, "GET", "/orders") { Resolves = true, Status = 200, ResponseBody = AllOrders },
        new("correlation id sent and read back", Allowed, "GET", "/orders/1") { WithCredentials = true, Headers = Only("X-Request-Id", "abc-123"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = """{"id":1,"item":"espresso beans","quantity":2}""", Readable = RequestId("abc-123"), Differences = [VaryOnMoreResponses] },
        new("unknown order: the exception handler's 404", Allowed, "GET", "/orders/42") { WithCredentials = true, Resolves = true, Status = 404, ResponseBody = """{"error":"order 42 does not exist"}""", Readable = RequestId("server-assigned") },
        new("invalid order: the exception handler's 400", Allowed, "POST", "/orders") { WithCredentials = true, Headers = Json, Body = """{"item":"cups","quantity":0}""", Preflighted = true, Resolves = true, Status = 400, ResponseBody = """{"error":"quantity must be positive"}""", Differences = [VaryOnMoreResponses] },
        new("create", Allowed, "POST", "/orders") { WithCredentials = true, Headers = Json, Body = """{"item":"cups","quantity":6}""", Preflighted = true, Resolves = true, Status = 201, ResponseBody = """{"id":2,"item":"cups","quantity":6}""", Differences = [VaryOnMoreResponses] },
        new("failing backend: the exception handler's 500", Allowed, "GET", "/orders/export") { WithCredentials = true, Resolves = true, Status = 500, ResponseBody = """{"error":"the export backend is down"}""", Readable = RequestId("server-assigned") },
        new("delete", Allowed, "DELETE", "/orders/1") { WithCredentials = true, Preflighted = true, Resolves = true, Status = 204, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("delete an unknown order: the exception handler's 404", Allowed, "DELETE", "/orders/42") { WithCredentials = true, Preflighted = true, Resolves = true, Status = 404, ResponseBody = """{"error":"order 42 does not exist"}""", Differences = [VaryOnMoreResponses] },
        new("method not listed", Allowed, "PUT", "/orders/1") { WithCredentials = true, Headers = Json, Body = "{}", Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("header not listed", Allowed, "GET", "/orders") { WithCredentials = true, Headers = Only("X-Debug", "1"), Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("foreign origin, error response", Foreign, "GET", "/orders/export") { WithCredentials = true, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin, preflighted", Foreign, "POST", "/orders") { WithCredentials = true, Headers = Json, Body = """{"item":"cups","quantity":6}""", Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("outside the group: no CORS", Allowed, "GET", "/health") { Resolves = false },
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [ChromiumTheory]
    [MemberData(nameof(CaseNames))]
    public Task Orders_app_case(string name) => RunAsync(OrdersApp.Definition, Cases, name);
}
