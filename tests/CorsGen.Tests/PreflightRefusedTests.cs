using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.Extensions.Primitives;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>behaviour.md, "Preflight answers" — Refused: 403, no Access-Control-*, same Vary.</summary>
public sealed class PreflightRefusedTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("/single")]
    [InlineData("/multi")]
    [InlineData("/credentials")]
    [InlineData("/headers")]
    [InlineData("/subdomain")]
    [InlineData("/api/items")]
    [InlineData("/secure/data")]
    public async Task Foreign_origin_is_refused(string path)
    {
        Refused(await _app.PreflightAsync(path, TestOrigins.Evil, "GET"));
    }

    [Fact]
    public async Task Disallowed_method_is_refused()
    {
        Refused(await _app.PreflightAsync("/methods", TestOrigins.App, "DELETE"));
        Refused(await _app.PreflightAsync("/methods", TestOrigins.App, "POST"));
    }

    [Theory]
    [InlineData("patch")]
    [InlineData("Patch")]
    [InlineData("get")]
    public async Task Method_is_compared_case_sensitively(string method)
    {
        Refused(await _app.PreflightAsync("/methods", TestOrigins.App, method));
    }

    [Theory]
    [InlineData("GET ")]
    [InlineData(" GET")]
    [InlineData("GET, PATCH")]
    [InlineData("GET,PATCH")]
    public async Task Malformed_or_padded_method_is_refused(string method)
    {
        Refused(await _app.PreflightAsync("/methods", TestOrigins.App, method));
    }

    [Theory]
    [InlineData("GE T")]
    [InlineData("GET, POST")]
    [InlineData("GET\r\n")]
    [InlineData("(GET)")]
    public async Task Allow_methods_star_refuses_a_method_that_is_not_a_token(string method)
    {
        Refused(await _app.PreflightAsync("/methods/any", TestOrigins.App, method));
    }

    [Fact]
    public async Task Two_request_method_lines_are_refused()
    {
        Refused(await _app.PreflightAsync("/methods", TestOrigins.App, new StringValues(["GET", "PATCH"])));
    }

    [Theory]
    [InlineData("x-api-key,x-evil,x-trace")]
    [InlineData("x-evil")]
    [InlineData("x-api-key, authorization")]
    [InlineData("x-api-key-2")]
    [InlineData("x-api")]
    public async Task One_disallowed_header_among_several_is_refused(string acrh)
    {
        Refused(await _app.PreflightAsync("/headers", TestOrigins.App, "POST", acrh));
    }

    [Fact]
    public async Task Disallowed_header_on_the_second_line_is_refused()
    {
        Refused(await _app.PreflightAsync("/headers", TestOrigins.App, "POST", new StringValues(["x-api-key", "x-trace,x-evil"])));
    }

    [Theory]
    [InlineData("x-api-key")]
    [InlineData("authorization")]
    [InlineData("range")] // behaviour.md lists only Accept, Accept-Language, Content-Language, Content-Type
    [InlineData("content-type,x-requested-with")]
    public async Task Without_allow_headers_only_safelisted_names_are_allowed(string acrh)
    {
        Refused(await _app.PreflightAsync("/single", TestOrigins.App, "POST", acrh));
    }

    [Theory]
    [InlineData("x-api-key;x-trace")]
    [InlineData("x-api-key x-trace")]
    public async Task Malformed_header_list_is_refused_for_an_explicit_list(string acrh)
    {
        Refused(await _app.PreflightAsync("/headers", TestOrigins.App, "POST", acrh));
    }

    [Theory]
    [InlineData("x-good, bad header")]
    [InlineData("x-good,(x)")]
    [InlineData("x-good,x@bad")]
    [InlineData("x-good,\"quoted\"")]
    [InlineData("x-good,x:y")]
    [InlineData("x-good,x\r\nset-cookie: a=b")] // would be header injection if echoed
    public async Task Allow_headers_star_refuses_names_that_are_not_tokens(string acrh)
    {
        Refused(await _app.PreflightAsync("/headers/any", TestOrigins.App, "POST", acrh));
    }

    [Theory]
    [InlineData("/single", TestOrigins.App, TestOrigins.App)]
    [InlineData("/multi", TestOrigins.App, TestOrigins.Other)]
    [InlineData("/any", TestOrigins.App, TestOrigins.Evil)]
    [InlineData("/credentials", TestOrigins.Evil, TestOrigins.App)]
    public async Task Two_origin_values_are_refused(string path, string first, string second)
    {
        Refused(await _app.PreflightAsync(path, new StringValues([first, second]), "GET"));
    }

    [Theory]
    [InlineData("/single")]
    [InlineData("/any")]
    [InlineData("/subdomain")]
    public async Task Empty_origin_is_refused(string path)
    {
        Refused(await _app.PreflightAsync(path, "", "GET"));
    }

    [Theory]
    [InlineData("/single")]
    [InlineData("/subdomain")]
    [InlineData("/credentials")]
    public async Task Null_origin_is_refused_when_not_listed(string path)
    {
        Refused(await _app.PreflightAsync(path, "null", "GET"));
    }

    [Fact]
    public async Task Disable_cors_methods_are_not_offered_in_the_preflight()
    {
        Refused(await _app.PreflightAsync("/mixed", TestOrigins.App, "DELETE"));

        var reply = await _app.PreflightAsync("/mixed", TestOrigins.App, "GET");
        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "GET");
    }

    [Theory]
    [InlineData("POST", TestOrigins.App)]
    [InlineData("GET", TestOrigins.Other)]
    public async Task Preflight_applies_the_policy_of_the_requested_methods_route(string method, string origin)
    {
        // GET /per-method inherits the class origin (App); POST /per-method replaces it with Other.
        Refused(await _app.PreflightAsync("/per-method", origin, method));
    }

    [Fact]
    public async Task Refused_credentialed_preflight_sends_no_allow_credentials()
    {
        var reply = await _app.PreflightAsync("/credentials", TestOrigins.Evil, "POST", "authorization");

        Refused(reply);
        Absent(reply, AllowCredentials);
    }

    [Fact]
    public async Task Refused_preflight_does_not_reach_the_route_handler()
    {
        var reply = await _app.PreflightAsync("/single", TestOrigins.Evil, "POST");

        Refused(reply);
        Assert.DoesNotContain("single-", reply.Body);
    }
}
