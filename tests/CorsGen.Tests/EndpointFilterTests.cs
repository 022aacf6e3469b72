using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>Endpoint filters on a group around generated routes (run in both binding modes: CorsGen.Tests and CorsGen.AotTests).</summary>
public sealed class EndpointFilterTests
{
    [Fact]
    public async Task A_group_endpoint_filter_runs_on_attribute_routes_and_keeps_their_cors_headers()
    {
        await using var app = await CorsApp.StartAsync(a => a.MapGroup("/filtered")
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers["X-Filter"] = "ran";
                return await next(context);
            })
            .MapSingleOriginEndpoints());

        var reply = await app.ActualAsync("GET", "/filtered/single", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Single(reply, "X-Filter", "ran");
        Single(reply, AllowOrigin, TestOrigins.App);
    }
}
