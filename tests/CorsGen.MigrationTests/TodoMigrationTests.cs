using CorsGen.MigrationTests.Apps;

namespace CorsGen.MigrationTests;

/// <summary>App 1: the todo app with a global default policy (<see cref="TodoApp"/>).</summary>
[Collection(MigrationCollection.Name)]
public sealed class TodoMigrationTests(MigrationFixture fixture, ITestOutputHelper output) : MigrationCaseTests(fixture, output)
{
    private const string AllTodos = """[{"id":1,"name":"walk the dog","isComplete":false},{"id":2,"name":"water the plants","isComplete":true}]""";
    private const string NewTodo = """{"id":0,"name":"buy milk","isComplete":false}""";

    public static readonly IReadOnlyList<MigrationCase> Cases =
    [
        new("list", Allowed, "GET", "/todoitems") { Resolves = true, Status = 200, ResponseBody = AllTodos, Readable = new Dictionary<string, string?> { ["Content-Type"] = "application/json; charset=utf-8" }, Differences = [VaryOnMoreResponses] },
        new("one item", Allowed, "GET", "/todoitems/2") { Resolves = true, Status = 200, ResponseBody = """{"id":2,"name":"water the plants","isComplete":true}""", Differences = [VaryOnMoreResponses] },
        new("unknown item: the handler's 404", Allowed, "GET", "/todoitems/99") { Resolves = true, Status = 404, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("create with a JSON body: preflighted, Location not readable", Allowed, "POST", "/todoitems") { Headers = Json, Body = NewTodo, Preflighted = true, Resolves = true, Status = 201, ResponseBody = """{"id":3,"name":"buy milk","isComplete":false}""", Readable = new Dictionary<string, string?> { ["Location"] = null }, Differences = [VaryOnMoreResponses] },
        new("replace", Allowed, "PUT", "/todoitems/1") { Headers = Json, Body = """{"id":1,"name":"walk the cat","isComplete":true}""", Preflighted = true, Resolves = true, Status = 204, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("delete", Allowed, "DELETE", "/todoitems/2") { Preflighted = true, Resolves = true, Status = 204, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("any request header allowed", Allowed, "GET", "/todoitems") { Headers = Only("X-Requested-With", "fetch"), Preflighted = true, Resolves = true, Status = 200, ResponseBody = AllTodos, Differences = [VaryOnMoreResponses] },
        new("text body to a JSON route: routing's 415", Allowed, "POST", "/todoitems") { Headers = Text, Body = NewTodo, Resolves = true, Status = 415, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("unmapped path: 404", Allowed, "GET", "/nothing-here") { Resolves = true, Status = 404, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("unmapped method, simple request: routing's 405", Allowed, "POST", "/todoitems/1") { Headers = Text, Body = "x", Resolves = true, Status = 405, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("unmapped method, preflighted: any method allowed, then routing's 405", Allowed, "PATCH", "/todoitems/1") { Headers = Json, Body = "{}", Preflighted = true, Resolves = true, Status = 405, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("preflight to an unmapped path, then 404", Allowed, "PUT", "/nothing-here") { Headers = Json, Body = "{}", Preflighted = true, Resolves = true, Status = 404, ResponseBody = "", Differences = [VaryOnMoreResponses] },
        new("HEAD where only GET is mapped: routing's 405", Allowed, "HEAD", "/todoitems") { Resolves = true, Status = 405, Differences = [VaryOnMoreResponses] },
        new("credentials without AllowCredentials", Allowed, "GET", "/todoitems") { WithCredentials = true, Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin", Foreign, "GET", "/todoitems") { Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin, unmapped path", Foreign, "GET", "/nothing-here") { Resolves = false, Differences = [VaryOnMoreResponses] },
        new("foreign origin, preflighted", Foreign, "DELETE", "/todoitems/1") { Preflighted = true, Sent = false, Resolves = false, Differences = [RefusedPreflightIs403, VaryOnMoreResponses] },
    ];

    public static TheoryData<string> CaseNames => new(Cases.Select(c => c.Name));

    [ChromiumTheory]
    [MemberData(nameof(CaseNames))]
    public Task Todo_app_case(string name) => RunAsync(TodoApp.Definition, Cases, name);
}
