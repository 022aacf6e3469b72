using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>The optional UseCorsGen() middleware: CORS headers on responses middleware writes before the endpoint runs.</summary>
public sealed class UseCorsGenTests
{
    private static Task<CorsApp> StartAsync(bool useCorsGen) => CorsApp.StartAsync(
        app =>
        {
            app.MapSecureEndpoints().RequireAuthorization();
            app.MapGroup("/group").WithCors(PartnerPolicy.Policy).RequireAuthorization().MapGet("/orders", () => "orders");
        },
        beforeAuthentication: useCorsGen ? app => app.UseCorsGen() : null);

    [Fact]
    public async Task A_401_from_authorization_carries_the_cors_headers()
    {
        await using var app = await StartAsync(useCorsGen: true);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.App);

        Assert.Equal(401, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        Assert.Contains("Origin", Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task A_401_in_a_WithCors_group_carries_the_cors_headers()
    {
        await using var app = await StartAsync(useCorsGen: true);

        var reply = await app.ActualAsync("GET", "/group/orders", TestOrigins.Other);

        Assert.Equal(401, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.Other);
    }

    [Fact]
    public async Task A_401_to_a_foreign_origin_gets_only_vary()
    {
        await using var app = await StartAsync(useCorsGen: true);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.Evil);

        Assert.Equal(401, reply.Status);
        NoAccessControlHeaders(reply);
        Assert.Contains("Origin", Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Allowed_requests_get_each_header_once_with_the_middleware()
    {
        await using var app = await StartAsync(useCorsGen: true);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));

        Assert.Equal(200, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Assert.Single(Tokens(reply["Vary"]), t => t == "Origin");
    }

    [Fact]
    public async Task Without_the_middleware_a_401_has_no_cors_headers()
    {
        await using var app = await StartAsync(useCorsGen: false);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.App);

        Assert.Equal(401, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Preflights_are_answered_as_without_the_middleware()
    {
        await using var app = await StartAsync(useCorsGen: true);

        var reply = await app.PreflightAsync("/secure/data", TestOrigins.App, "POST", "authorization");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
    }
}
