using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Where WebApplication puts the authentication and authorization middleware it adds itself (the app
/// registers the services but does not call UseAuthentication()/UseAuthorization()), and so whether a
/// 401 carries UseCorsGen()'s CORS headers. On ASP.NET Core 11 they go right after an explicit
/// UseRouting(), before UseCorsGen() (before 11 they went before UseRouting(), and such an app answered
/// 500); calling them explicitly after UseCorsGen() works on every version.
/// The suite runs on 10 and, in CI's .NET 11 leg, on 11.
/// </summary>
public sealed class ImplicitAuthenticationPlacementTests
{
    private static Task<CorsApp> StartAsync(bool implicitAuthentication) => CorsApp.StartAsync(
        app => app.MapSecureEndpoints().RequireAuthorization(),
        beforeAuthentication: app => app.UseCorsGen(),
        implicitAuthentication: implicitAuthentication);

    [Fact]
    public async Task Explicit_UseAuthentication_and_UseAuthorization_after_UseCorsGen_keep_the_cors_headers_of_a_401()
    {
        await using var app = await StartAsync(implicitAuthentication: false);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.App);

        Assert.Equal(401, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
    }

    [Fact]
    public async Task On_ASP_NET_Core_11_the_implicit_middleware_runs_before_UseCorsGen_and_a_401_loses_its_cors_headers()
    {
        await using var app = await StartAsync(implicitAuthentication: true);

        var reply = await app.ActualAsync("GET", "/secure/data", TestOrigins.App);

        if (Environment.Version.Major >= 11)
        {
            Assert.Equal(401, reply.Status);
            Assert.Equal(0, reply[AllowOrigin].Count);
        }
        else
        {
            // Before 11 they went before the explicit UseRouting(): no endpoint yet, and the endpoint
            // middleware refuses an endpoint with authorization metadata that no authorization middleware saw.
            Assert.Equal(500, reply.Status);
        }
    }
}
