using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>behaviour.md, "Preflight answers" — Allowed, and "Defaults".</summary>
public sealed class PreflightAllowedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Fact]
    public async Task Single_origin_preflight_gets_204_with_exactly_the_contract_headers()
    {
        var reply = await _app.PreflightAsync("/single", TestOrigins.App, "POST");

        Allowed(reply, TestOrigins.App);
        // [AllowMethods] absent: exactly the methods mapped at "/single" (GET, POST).
        MethodsEqual(reply, "GET", "POST");
        // No ACRH sent -> no ACAH; no [AllowCredentials], no [MaxAge] -> neither header.
        Absent(reply, AllowHeaders);
        Absent(reply, AllowCredentials);
        Absent(reply, MaxAge);
        Absent(reply, ExposeHeaders);
        Assert.Equal(
            new[] { AllowOrigin, AllowMethods }.Order(StringComparer.OrdinalIgnoreCase),
            AccessControlHeaderNames(reply).Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Default_methods_are_the_methods_mapped_at_the_pattern(string method)
    {
        var reply = await _app.PreflightAsync("/single", TestOrigins.App, method);

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "GET", "POST");
    }

    [Theory]
    [InlineData("PUT")] // mapped, but at "/single/{id:int}", another pattern
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Default_methods_do_not_include_methods_mapped_elsewhere(string method)
    {
        Refused(await _app.PreflightAsync("/single", TestOrigins.App, method));
    }

    [Fact]
    public async Task Preflight_matches_a_pattern_with_a_route_parameter()
    {
        var reply = await _app.PreflightAsync("/single/5", TestOrigins.App, "PUT");

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "PUT");
        Refused(await _app.PreflightAsync("/single/5", TestOrigins.App, "GET"));
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Other)]
    [InlineData(TestOrigins.LocalDev)]
    public async Task Each_of_several_origins_is_echoed(string origin)
    {
        var reply = await _app.PreflightAsync("/multi", origin, "DELETE");

        Allowed(reply, origin);
        MethodsEqual(reply, "GET", "POST", "DELETE");
    }

    [Fact]
    public async Task Explicit_method_list_allows_a_listed_method_that_is_not_mapped()
    {
        var reply = await _app.PreflightAsync("/multi", TestOrigins.Other, "POST");

        Allowed(reply, TestOrigins.Other);
        MethodsEqual(reply, "GET", "POST", "DELETE");
        Refused(await _app.PreflightAsync("/multi", TestOrigins.Other, "PUT"));
    }

    [Theory]
    [InlineData("/multi-route/a")]
    [InlineData("/multi-route/b")]
    public async Task A_method_with_two_route_attributes_gets_a_preflight_at_both_patterns(string path)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.LocalDev, "GET");

        Allowed(reply, TestOrigins.LocalDev);
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Evil)]
    [InlineData("http://localhost:1234")]
    [InlineData("null")]
    public async Task Any_origin_without_credentials_answers_star(string origin)
    {
        var reply = await _app.PreflightAsync("/any", origin, "PUT", "x-api-key");

        Allowed(reply, "*");
        Absent(reply, AllowCredentials);
        MethodsEqual(reply, "GET", "PUT");
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Other)]
    public async Task Credentials_echo_the_origin_and_send_allow_credentials_true(string origin)
    {
        var reply = await _app.PreflightAsync("/credentials", origin, "POST", "authorization,x-csrf-token");

        Allowed(reply, origin);
        Single(reply, AllowCredentials, "true");
        AllowHeadersCover(reply, ["Authorization", "X-Csrf-Token"], ["authorization", "x-csrf-token"]);
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("x-api-key,x-request-id,x-trace")]
    [InlineData("X-API-KEY,X-Trace")] // ASCII case-insensitive
    [InlineData("x-Request-Id")]
    [InlineData(" x-api-key ,\tx-trace\t")] // optional whitespace trimmed
    [InlineData("x-api-key,x-api-key")]
    [InlineData("content-type,x-api-key")] // safelisted names are always allowed
    [InlineData("accept,accept-language,content-language,content-type,x-trace")]
    public async Task Allowed_request_headers_pass(string acrh)
    {
        var reply = await _app.PreflightAsync("/headers", TestOrigins.App, "POST", acrh);

        Allowed(reply, TestOrigins.App);
        AllowHeadersCover(reply, ["X-Api-Key", "X-Request-Id", "X-Trace"], Tokens(acrh));
    }

    [Fact]
    public async Task Request_headers_split_over_two_lines_pass_when_all_are_allowed()
    {
        var reply = await _app.PreflightAsync("/headers", TestOrigins.App, "POST", new(["x-api-key", "x-trace,x-request-id"]));

        Allowed(reply, TestOrigins.App);
        AllowHeadersCover(reply, ["X-Api-Key", "X-Request-Id", "X-Trace"], ["x-api-key", "x-trace", "x-request-id"]);
    }

    [Fact]
    public async Task Allow_headers_is_absent_when_no_request_headers_were_sent()
    {
        var reply = await _app.PreflightAsync("/headers", TestOrigins.App, "POST");

        Allowed(reply, TestOrigins.App);
        Absent(reply, AllowHeaders);
    }

    [Theory]
    [InlineData("content-type")]
    [InlineData("Content-Type")]
    [InlineData("accept,accept-language,content-language,content-type")]
    public async Task Without_allow_headers_the_safelisted_names_are_allowed(string acrh)
    {
        var reply = await _app.PreflightAsync("/single", TestOrigins.App, "POST", acrh);

        Allowed(reply, TestOrigins.App);
        AllowHeadersCover(reply, [], Tokens(acrh));
    }

    [Theory]
    [InlineData("x-foo")]
    [InlineData("x-foo,x-bar")]
    [InlineData("authorization")] // "*" allows Authorization too (AllowHeadersAttribute docs)
    [InlineData("authorization,content-type,x-anything-at-all")]
    public async Task Allow_headers_star_echoes_the_requested_list(string acrh)
    {
        var reply = await _app.PreflightAsync("/headers/any", TestOrigins.App, "POST", acrh);

        Allowed(reply, TestOrigins.App);
        Assert.Equal(Tokens(acrh), Tokens(reply[AllowHeaders]), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    public async Task Explicit_methods_are_listed(string method)
    {
        var reply = await _app.PreflightAsync("/methods", TestOrigins.App, method);

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "GET", "PATCH");
    }

    [Theory]
    [InlineData("PURGE")]
    [InlineData("DELETE")]
    [InlineData("patch")] // "*" allows any token and echoes it as sent
    [InlineData("X-CUSTOM-METHOD")]
    public async Task Allow_methods_star_echoes_the_requested_method(string method)
    {
        var reply = await _app.PreflightAsync("/methods/any", TestOrigins.App, method);

        Allowed(reply, TestOrigins.App);
        Single(reply, AllowMethods, method);
    }

    [Fact]
    public async Task Max_age_is_sent_in_integer_seconds()
    {
        var reply = await _app.PreflightAsync("/max-age", TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Single(reply, MaxAge, "600");
    }

    [Fact]
    public async Task Max_age_zero_is_sent()
    {
        var reply = await _app.PreflightAsync("/max-age/zero", TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Single(reply, MaxAge, "0");
    }

    [Fact]
    public async Task Expose_headers_is_not_part_of_a_preflight_answer()
    {
        var reply = await _app.PreflightAsync("/expose", TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Absent(reply, ExposeHeaders);
    }

    [Fact]
    public async Task Null_origin_is_allowed_when_listed_and_echoed()
    {
        Allowed(await _app.PreflightAsync("/null-origin", "null", "GET"), "null");
        Allowed(await _app.PreflightAsync("/null-origin", TestOrigins.App, "GET"), TestOrigins.App);
    }

    [Theory]
    [InlineData("Null")]
    [InlineData("NULL")]
    [InlineData(" null")]
    [InlineData("null ")]
    public async Task Null_origin_is_a_case_sensitive_literal(string origin)
    {
        Refused(await _app.PreflightAsync("/null-origin", origin, "GET"));
    }

    // ---- method-level overrides: the method's attribute replaces the class's value ----

    [Fact]
    public async Task Override_inherit_route_uses_every_class_value()
    {
        var reply = await _app.PreflightAsync("/override/inherit", TestOrigins.App, "GET", "x-class-header");

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "GET");
        Single(reply, MaxAge, "60");
        AllowHeadersCover(reply, ["X-Class-Header"], ["x-class-header"]);
        Absent(reply, AllowCredentials);
        Refused(await _app.PreflightAsync("/override/inherit", TestOrigins.Other, "GET"));
    }

    [Fact]
    public async Task Override_origins_replaces_the_class_origins()
    {
        Allowed(await _app.PreflightAsync("/override/origins", TestOrigins.Other, "GET"), TestOrigins.Other);
        Refused(await _app.PreflightAsync("/override/origins", TestOrigins.App, "GET"));
    }

    [Fact]
    public async Task Override_methods_replaces_the_class_methods()
    {
        var reply = await _app.PreflightAsync("/override/methods", TestOrigins.App, "PUT");

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "POST", "PUT");
        Refused(await _app.PreflightAsync("/override/methods", TestOrigins.App, "GET"));
    }

    [Fact]
    public async Task Override_headers_replaces_the_class_headers()
    {
        var reply = await _app.PreflightAsync("/override/headers", TestOrigins.App, "GET", "x-method-header");

        Allowed(reply, TestOrigins.App);
        AllowHeadersCover(reply, ["X-Method-Header"], ["x-method-header"]);
        Refused(await _app.PreflightAsync("/override/headers", TestOrigins.App, "GET", "x-class-header"));
    }

    [Fact]
    public async Task Override_max_age_replaces_the_class_max_age()
    {
        var reply = await _app.PreflightAsync("/override/max-age", TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Single(reply, MaxAge, "120");
    }

    [Fact]
    public async Task Override_credentials_applies_to_that_route_only()
    {
        var reply = await _app.PreflightAsync("/override/credentials", TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        Single(reply, MaxAge, "60");
    }

    [Theory]
    [InlineData("GET", TestOrigins.App)]
    [InlineData("POST", TestOrigins.Other)]
    public async Task Preflight_applies_the_policy_of_the_requested_methods_route(string method, string origin)
    {
        // GET /per-method inherits the class origin (App); POST /per-method replaces it with Other.
        var reply = await _app.PreflightAsync("/per-method", origin, method);

        Allowed(reply, origin);
        Assert.Contains(method, reply[AllowMethods][0]!.Split(", "));
    }

    [Theory]
    [InlineData("/api/items", "POST", new[] { "GET", "POST" })]
    [InlineData("/api/items", "GET", new[] { "GET", "POST" })]
    [InlineData("/api/items/3", "GET", new[] { "GET" })]
    public async Task Preflight_works_under_a_route_group_prefix(string path, string method, string[] methods)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, method, "x-api-key");

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, methods);
        AllowHeadersCover(reply, ["X-Api-Key"], ["x-api-key"]);
    }

    /// <summary>
    /// ACAH must name every requested header (or the browser blocks), must contain the configured
    /// names (behaviour.md: "the allowed names"), and nothing outside configured + safelisted.
    /// </summary>
    private static void AllowHeadersCover(Reply reply, string[] configured, IEnumerable<string> requested)
    {
        var values = reply[AllowHeaders];
        Assert.True(values.Count >= 1, $"'{AllowHeaders}' missing although ACRH was sent\n{reply}");
        var tokens = Tokens(values);
        var cmp = StringComparer.OrdinalIgnoreCase;
        foreach (var name in requested)
        {
            Assert.True(tokens.Contains(name, cmp), $"ACAH lacks requested '{name}'\n{reply}");
        }

        foreach (var name in configured)
        {
            Assert.True(tokens.Contains(name, cmp), $"ACAH lacks configured '{name}'\n{reply}");
        }

        foreach (var token in tokens)
        {
            Assert.True(configured.Contains(token, cmp) || SafelistedHeaders.Contains(token, cmp), $"ACAH names '{token}', which is not allowed\n{reply}");
        }
    }
}
