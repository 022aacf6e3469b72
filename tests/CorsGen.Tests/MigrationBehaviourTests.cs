using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// What a 1:1 port from ASP.NET Core's CORS needs to keep working: CORS-safelisted methods pass a
/// preflight unlisted (as they pass the browser's check), and any-method routes
/// (<c>endpoints.Map(pattern, handler)</c>) offer any method and keep their plain OPTIONS.
/// </summary>
public sealed class MigrationBehaviourTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("/safelisted", "GET")]
    [InlineData("/safelisted", "POST")]
    [InlineData("/put-only/orders", "POST")]
    public async Task Mapped_safelisted_method_passes_a_preflight_though_not_listed(string path, string method)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, method, "x-requested-with");

        Assert.Equal(403, reply.Status); // x-requested-with is not allowed: the header check still applies
        var allowed = await _app.PreflightAsync(path, TestOrigins.App, method, "content-type");

        Assert.Equal(204, allowed.Status);
        Single(allowed, AllowOrigin, TestOrigins.App);
        // The configured list, as ASP.NET Core sends it: the browser passes the safelisted method anyway.
        Single(allowed, AllowMethods, "PUT");
    }

    [Theory]
    [InlineData("/safelisted", "DELETE", "mapped, neither listed nor safelisted")]
    [InlineData("/safelisted", "HEAD", "safelisted but not mapped at the pattern")]
    [InlineData("/safelisted-disabled", "POST", "mapped only by a [DisableCors] route")]
    [InlineData("/put-only/disabled", "POST", "mapped only by a route with DisableCorsAttribute metadata")]
    [InlineData("/put-only/orders", "GET", "safelisted but not mapped at the pattern")]
    public async Task Other_methods_stay_refused(string path, string method, string because)
    {
        _ = because;
        var reply = await _app.PreflightAsync(path, TestOrigins.App, method);

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Listed_method_still_passes()
    {
        var reply = await _app.PreflightAsync("/safelisted", TestOrigins.App, "PUT");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowMethods, "PUT");
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("PURGE")]
    [InlineData("POST")]
    public async Task Any_method_route_offers_any_method_token(string method)
    {
        var reply = await _app.PreflightAsync("/any/resource", TestOrigins.App, method);

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowMethods, method);
        Absent(reply, MigrationRoutes.HandlerHeader); // answered by the preflight endpoint, not the handler
    }

    [Fact]
    public async Task Any_method_route_refuses_what_is_not_a_token_and_foreign_origins()
    {
        var notToken = await _app.PreflightAsync("/any/resource", TestOrigins.App, "PO ST");
        var foreign = await _app.PreflightAsync("/any/resource", TestOrigins.Evil, "PATCH");

        Assert.Equal(403, notToken.Status);
        Assert.Equal(403, foreign.Status);
        NoAccessControlHeaders(foreign);
    }

    [Fact]
    public async Task Plain_options_reaches_the_any_method_handler_with_cors_headers()
    {
        var reply = await _app.ActualAsync("OPTIONS", "/any/resource", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal("any-OPTIONS", reply.Body);
        Single(reply, MigrationRoutes.HandlerHeader, "ran");
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, ExposeHeaders, MigrationRoutes.HandlerHeader);
    }

    [Theory]
    [InlineData("PATCH")]
    [InlineData("GET")]
    public async Task Any_method_route_answers_actual_requests_with_cors_headers(string method)
    {
        var reply = await _app.ActualAsync(method, "/any/resource", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal("any-" + method, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Theory]
    [InlineData("PUT", 204)]
    [InlineData("POST", 204)]
    [InlineData("PATCH", 403)]
    public async Task Any_method_route_with_a_method_list_offers_the_list_and_the_safelisted_methods(string method, int status)
    {
        var reply = await _app.PreflightAsync("/put-only/anything", TestOrigins.App, method);

        Assert.Equal(status, reply.Status);
        if (status == 204)
        {
            Single(reply, AllowMethods, "PUT");
        }
    }

    [Fact]
    public async Task One_predicate_of_another_class_serves_an_endpoint_class_and_a_policy_class()
    {
        await using var app = await CorsApp.StartAsync(a =>
        {
            a.MapSharedPredicateEndpoints();
            a.WithCors(SharedPredicatePolicy.Policy).MapPost("/shared-predicate-group", () => "group");
        });

        var classAllowed = await app.PreflightAsync("/shared-predicate", "https://a.tenant.example", "POST");
        var classRefused = await app.PreflightAsync("/shared-predicate", "https://a.tenant.example.evil.net", "POST");
        var groupAllowed = await app.PreflightAsync("/shared-predicate-group", "https://b.tenant.example", "POST");

        Assert.Equal(204, classAllowed.Status);
        Single(classAllowed, AllowOrigin, "https://a.tenant.example");
        Assert.Equal(403, classRefused.Status);
        Assert.Equal(204, groupAllowed.Status);
        Single(groupAllowed, AllowCredentials, "true");
    }
}
