namespace CorsGen.MigrationTests;

/// <summary>
/// The docs and the suites agree: each intended difference a case declares has its row in
/// docs/compatibility.md, and each ASP.NET Core row of docs/coming-from.md is backed by migration
/// cases, by what the differential suite (tests/CorsGen.ConformanceTests) generates, or by the
/// endpoint-kind tests (Kestrel and Chromium).
/// </summary>
public sealed class DocumentationTests
{
    /// <summary>A row's backing: migration cases ("app: case name") and test sources (the differential suite, the endpoint-kind tests) that must contain a text.</summary>
    private sealed record Backing(string[] Cases, (string File, string Text)[] Differential, string? NotPortedBecause = null);

    private const string Policies = "tests/CorsGen.ConformanceTests/Policies.cs";
    private const string EndpointKindTests = "tests/CorsGen.Tests/EndpointKindTests.cs";
    private const string EndpointKindBrowserTests = "tests/CorsGen.BrowserTests/EndpointKinds/EndpointKindBrowserTests.cs";
    private const string OriginValidatorTests = "tests/CorsGen.Tests/OriginValidatorTests.cs";
    private const string TenantValidatorPageTests = "tests/CorsGen.BrowserTests/TenantValidatorPageTests.cs";

    private static Backing Cases(params string[] cases) => new(cases, []);

    private static Backing CasesAndDifferential(string text, params string[] cases) => new(cases, [(Policies, text)]);

    /// <summary>Keyed by how the row's first cell starts.</summary>
    private static readonly Dictionary<string, Backing> ComingFromRows = new()
    {
        ["`WithOrigins("] = CasesAndDifferential("builder.WithOrigins(", "destination: simple GET", "destination: foreign origin", "todo: list", "todo: foreign origin"),
        ["`AllowAnyOrigin()`"] = CasesAndDifferential("builder.AllowAnyOrigin()", "destination: any origin", "destination: any origin, preflighted", "destination: any origin with credentials"),
        ["`SetIsOriginAllowed(origin => ...)`"] = Cases("destination: origin predicate", "destination: origin predicate, preflighted", "destination: origin predicate refuses"),
        ["`SetIsOriginAllowedToAllowWildcardSubdomains()`"] = CasesAndDifferential("builder.SetIsOriginAllowedToAllowWildcardSubdomains()"),
        ["`WithMethods("] = CasesAndDifferential("builder.WithMethods(",
            "destination: DELETE not in WithMethods(PUT)", "destination: listed header and JSON on POST: a safelisted method needs no listing",
            "destination: listed header on GET: a safelisted method needs no listing", "destination: credentials allowed, method not listed", "orders: method not listed"),
        ["`AllowAnyMethod()`"] = CasesAndDifferential("builder.AllowAnyMethod()", "destination: PUT, any method", "todo: unmapped method, preflighted: any method allowed, then routing's 405"),
        ["`WithHeaders("] = CasesAndDifferential("builder.WithHeaders(", "destination: listed header and JSON on PUT", "destination: header not listed", "orders: header not listed", "orders: correlation id sent and read back"),
        ["`AllowAnyHeader()`"] = CasesAndDifferential("builder.AllowAnyHeader()", "todo: any request header allowed", "destination: any origin, preflighted"),
        ["`WithExposedHeaders("] = CasesAndDifferential("builder.WithExposedHeaders(", "destination: exposed and unexposed headers", "orders: correlation id sent and read back"),
        ["`AllowCredentials()`"] = CasesAndDifferential("builder.AllowCredentials()", "destination: credentials allowed", "destination: credentials allowed, preflighted", "orders: list with credentials"),
        ["`DisallowCredentials()`"] = Cases("destination: credentials to a policy without them, simple POST", "destination: credentials to a policy without them, preflighted", "todo: credentials without AllowCredentials"),
        ["`SetPreflightMaxAge("] = CasesAndDifferential("builder.SetPreflightMaxAge("),
        ["`AddPolicy(\"partner\""] = Cases("destination: simple GET", "destination: credentials allowed", "destination: exposed and unexposed headers", "orders: create"),
        ["`AddDefaultPolicy(...)` + `UseCors()`"] = Cases(
            "todo: list", "todo: unmapped path: 404", "todo: text body to a JSON route: routing's 415", "todo: unmapped method, simple request: routing's 405",
            "todo: preflight to an unmapped path, then 404", "todo: foreign origin, unmapped path"),
        // With UseCors() and a default policy, a nameless [EnableCors] changes nothing: the todo app's routes all have the default policy.
        ["`[EnableCors]` without a name"] = Cases("todo: one item", "todo: create with a JSON body: preflighted, Location not readable"),
        ["`UseCors()` without a default policy"] = Cases("destination: unmapped path: the terminal middleware, no CORS", "destination: preflight to an unmapped path: the terminal middleware, no CORS", "orders: outside the group: no CORS"),
        ["`endpoints.Map(pattern, handler).RequireCors(...)`"] = Cases("destination: Map: OPTIONS reaches the handler", "destination: Map: a custom method reaches the handler", "destination: no methods listed: the mapped method is offered"),
        ["`.RequireCors(...)` after `MapPost(...)`"] = Cases("orders: create", "orders: delete", "destination: MapMethods: PATCH", "destination: MapMethods: DELETE not mapped"),
        ["`[EnableCors]` on an MVC controller or action"] = Cases(
            "catalog: list with credentials, exposed count", "catalog: create: preflighted JSON POST", "catalog: create an invalid product: [ApiController]'s 400",
            "catalog: delete: [DisableCors] on the action", "catalog: action-level [EnableCors]", "catalog: action without CORS", "catalog: foreign origin, preflighted create"),
        ["`MapHub<T>(...).RequireCors(...)`"] = Cases(
            "chat: WebSockets", "chat: WebSockets without negotiating", "chat: Server-Sent Events", "chat: long polling",
            "chat: foreign origin, WebSockets", "chat: foreign origin, long polling", "chat: foreign origin, WebSockets without negotiating: the upgrade",
            "catalog: hub over WebSockets", "catalog: hub from a foreign origin without negotiating: the upgrade"),
        ["`MapRazorPages().RequireCors(...)`"] = new([], [(EndpointKindTests, "site.MapRazorPages()"), (EndpointKindBrowserTests, "The_allowed_page_loads_a_razor_page_fragment")]),
        ["`MapFallback(...).RequireCors(...)`"] = new([], [(EndpointKindTests, "site.MapFallback(")]),
        ["Static files behind `UseCors()`"] = new([], [(EndpointKindTests, "Static_files_under_the_app_wide_policy_carry_headers_and_their_preflights_are_answered")]),
        ["`[DisableCors]` (`Microsoft.AspNetCore.Cors`)"] = new([], [("tests/CorsGen.ConformanceTests/Apps.cs", "builder.WithMetadata(new DisableCorsAttribute())")]),
        ["`SetIsOriginAllowed(origin => db.IsTenant(origin))`"] = new([], [
            (OriginValidatorTests, "An_asynchronous_scoped_validator_reads_the_tenants_from_SQLite_per_request"),
            (TenantValidatorPageTests, "A_page_on_a_tenant_origin_stored_in_SQLite_reads_the_api_and_posts_json")]),
        ["A custom `ICorsPolicyProvider`"] = new([], [
            (OriginValidatorTests, "A_synchronous_singleton_validator_decides_what_the_compiled_origins_refuse"),
            (TenantValidatorPageTests, "Removing_the_tenant_refuses_its_page_from_the_next_request")]),
        ["Origins from configuration"] = Cases("orders: list with credentials", "orders: foreign origin, error response", "orders: foreign origin, preflighted"),
        ["No Private Network Access"] = new([], [], "ASP.NET Core has no Private Network Access to port from"),
    };

    public static TheoryData<string> Differences => new(IntendedDifference.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Differences))]
    public void An_intended_difference_has_its_rows_in_the_compatibility_table(string name)
    {
        var difference = IntendedDifference.All.Single(d => d.Name == name);
        var table = ReadRepositoryFile("docs/compatibility.md");
        Assert.NotEmpty(difference.CompatibilityRows);
        foreach (var row in difference.CompatibilityRows)
        {
            Assert.True(table.Contains("| " + row, StringComparison.Ordinal), $"{name}: docs/compatibility.md has no row starting \"{row}\"");
        }
    }

    [Fact]
    public void Every_AspNetCore_row_of_coming_from_is_backed_by_tests()
    {
        var rows = AspNetCoreRows();
        Assert.NotEmpty(rows);
        var unbacked = rows.Where(row => !ComingFromRows.Keys.Any(row.StartsWith)).ToList();
        Assert.True(unbacked.Count == 0, "rows of coming-from.md's ASP.NET Core table without backing tests:\n" + string.Join("\n", unbacked));
        var stale = ComingFromRows.Keys.Where(key => !rows.Any(row => row.StartsWith(key, StringComparison.Ordinal))).ToList();
        Assert.True(stale.Count == 0, "backing for rows coming-from.md no longer has:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_backing_of_coming_from_names_cases_and_sources_that_exist()
    {
        var cases = new Dictionary<string, IEnumerable<string>>
        {
            ["todo"] = TodoMigrationTests.Cases.Select(c => c.Name),
            ["destination"] = DestinationMigrationTests.Cases.Select(c => c.Name),
            ["orders"] = OrdersMigrationTests.Cases.Select(c => c.Name),
            ["chat"] = ChatMigrationTests.Cases.Select(c => c.Name),
            ["catalog"] = CatalogMigrationTests.Cases.Select(c => c.Name).Concat(CatalogMigrationTests.HubCases.Select(c => c.Name)),
        };
        foreach (var (row, backing) in ComingFromRows)
        {
            Assert.True(backing.Cases.Length + backing.Differential.Length > 0 || backing.NotPortedBecause is not null, $"{row}: no backing and no reason");
            foreach (var reference in backing.Cases)
            {
                var (app, name) = (reference[..reference.IndexOf(": ", StringComparison.Ordinal)], reference[(reference.IndexOf(": ", StringComparison.Ordinal) + 2)..]);
                Assert.True(cases[app].Contains(name), $"{row}: no case \"{name}\" in the {app} app");
            }

            foreach (var (file, text) in backing.Differential)
            {
                Assert.True(ReadRepositoryFile(file).Contains(text, StringComparison.Ordinal), $"{row}: {file} no longer contains {text}");
            }
        }
    }

    // The first cells of the table under "## ASP.NET Core CORS", header and separator excluded.
    private static List<string> AspNetCoreRows()
    {
        var text = ReadRepositoryFile("docs/coming-from.md");
        var section = text[text.IndexOf("## ASP.NET Core CORS", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        return section.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| ASP.NET Core |", StringComparison.Ordinal))
            .Select(line => line[2..])
            .ToList();
    }

    private static string ReadRepositoryFile(string path)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CorsGen.sln")))
            {
                return File.ReadAllText(Path.Combine(directory.FullName, path));
            }
        }

        throw new InvalidOperationException($"no CorsGen.sln above {AppContext.BaseDirectory}");
    }
}
