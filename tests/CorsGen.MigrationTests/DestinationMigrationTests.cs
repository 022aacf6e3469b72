using CorsGen.MigrationTests.Apps;

namespace CorsGen.MigrationTests;

/// <summary>App 2: hand-mapped routes with named policies (<see cref="DestinationApp"/>); the first cases are the functional test's own scenarios.</summary>
[Collection(MigrationCollection.Name)]
public sealed class DestinationMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : MigrationCaseTests(fixture, output)
{
    private const string Hello = "Hello world";

    private static readonly IReadOnlyDictionary<string, string> TestHeaderJson = Json.With("X-Test", "value");

    private static readonly Dictionary<string, string?> DestinationHeaders = new() { ["X-AllowedHeader"] = "Test-Value", ["X-DisallowedHeader"] = null, ["Content-Length"] = "11" };

    public static readonly IReadOnlyList<MigrationCase> Cases =
    [
        new("simple GET", Allowed, "GET", "/allow-origin") { Resolves = true, Status = 200, ResponseBody = Hello, Readable = new Dictionary<string, string?> { ["X-AllowedHeader"] = null }, Differences = [VaryOnMoreResponses] },
        new("PUT, any method", Allowed, "PUT", "/allow-origin") { Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("DELETE not in WithMethods(PUT)", Allowed, "DELETE", "/allow-header-method") { Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("listed header and JSON on PUT", Allowed, "PUT", "/allow-header-method") { Headers = TestHeaderJson, Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("listed header and JSON on POST: a safelisted method needs no listing", Allowed, "POST", "/allow-header-method") { Headers = TestHeaderJson, Body = "{}", Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("listed header on GET: a safelisted method needs no listing", Allowed, "GET", "/allow-header-method") { Headers = Only("X-Test", "value"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("header not listed", Allowed, "POST", "/allow-header-method") { Headers = Json.With("Api-Key", "some_key"), Body = "{}", Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("credentials to a policy without them, simple POST", Allowed, "POST", "/allow-origin") { WithCredentials = true, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("credentials to a policy without them, preflighted", Allowed, "PUT", "/allow-origin") { WithCredentials = true, Preflighted = true, Sent = false, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("credentials allowed", Allowed, "GET", "/allow-credentials") { WithCredentials = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("credentials allowed, preflighted", Allowed, "PUT", "/allow-credentials") { WithCredentials = true, Headers = Only("X-Test", "value"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("credentials allowed, method not listed", Allowed, "DELETE", "/allow-credentials") { WithCredentials = true, Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("exposed and unexposed headers", Allowed, "GET", "/exposed-header") { Resolves = true, Status = 200, ResponseBody = Hello, Readable = DestinationHeaders, Differences = [VaryOnMoreResponses] },
        new("no methods listed: the mapped method is offered", Allowed, "PUT", "/exposed-header") { Preflighted = true, Sent = false, Resolves = false, Differences = [MappedMethodsByDefault, VaryOnMoreResponses] },
        new("any origin", Foreign, "GET", "/allow-all") { Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("any origin, preflighted", Foreign, "DELETE", "/allow-all") { Headers = Only("X-Anything", "1"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("any origin with credentials", Allowed, "GET", "/allow-all") { WithCredentials = true, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("origin predicate", Allowed, "GET", "/trusted-origin") { Resolves = true, Status = 200, ResponseBody = Hello },
        new("origin predicate, preflighted", Allowed, "DELETE", "/trusted-origin") { Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("origin predicate refuses", Foreign, "GET", "/trusted-origin") { Resolves = false, Differences = [VaryOnMoreResponses] },
        new("Map: OPTIONS reaches the handler", Allowed, "OPTIONS", "/allow-origin") { Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("Map: a custom method reaches the handler", Allowed, "PURGE", "/allow-origin") { Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("MapMethods: GET", Allowed, "GET", "/report") { Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("MapMethods: PATCH", Allowed, "PATCH", "/report") { Preflighted = true, Resolves = true, Status = 200, ResponseBody = Hello, Differences = [VaryOnMoreResponses] },
        new("MapMethods: DELETE not mapped", Allowed, "DELETE", "/report") { Preflighted = true, Sent = false, Resolves = false, Differences = [AllowedMethodNeedsNoRoute, VaryOnMoreResponses] },
        new("foreign origin", Foreign, "GET", "/allow-origin") { Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin, preflighted", Foreign, "PUT", "/exposed-header") { Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
        new("unmapped path: the terminal middleware, no CORS", Allowed, "GET", "/unmapped") { Resolves = false },
        new("preflight to an unmapped path: the terminal middleware, no CORS", Allowed, "PUT", "/unmapped") { Preflighted = true, Sent = false, Resolves = false },
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [ChromiumTheory]
    [MemberData(nameof(CaseNames))]
    public Task Destination_app_case(string name) => RunAsync(DestinationApp.Definition, Cases, name);
}
