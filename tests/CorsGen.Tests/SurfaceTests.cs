using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests;

/// <summary>
/// <see cref="CorsSurface.Describe(IEndpointRouteBuilder)"/> over a built app on Kestrel: endpoint-class routes,
/// a <c>WithCors</c> group's routes with the group prefix resolved, configured origins as loaded.
/// </summary>
public sealed class SurfaceTests
{
    private const string Staging = "https://staging.example.com";

    private static Task<CorsApp> StartAsync(params string[] configuredOrigins) =>
        CorsApp.StartAsync(
            app =>
            {
                app.MapConfiguredEndpoints();
                app.MapPolicyEndpoints();
                var partners = app.MapGroup("/partners").WithCors(PartnerPolicy.Policy);
                partners.MapGet("/orders", () => "orders");
                partners.MapGroup("/v2").MapPost("/orders", () => "created");
                // Not CORS: left out.
                app.MapGet("/health", () => "ok");
            },
            kestrel: true,
            configure: builder => builder.Configuration.AddInMemoryCollection(
                configuredOrigins.Select((origin, i) => new KeyValuePair<string, string?>("Cors:AllowedOrigins:" + i, origin))));

    [Fact]
    public async Task The_surface_of_a_built_app_lists_every_CORS_route_and_its_policy()
    {
        await using var app = await StartAsync(Staging, TestOrigins.LocalDev);

        var surface = CorsSurface.Describe(app.App);

        Assert.Equal(
            """
            # CorsGen CORS surface: which routes cross-origin scripts can call, and how. Update: dotnet build -p:CorsGenUpdateSurface=true

            route GET /partners/orders -> PartnerPolicy
            route GET /policy -> PolicyEndpoints.Get
            route POST /configured -> ConfiguredEndpoints
            route POST /partners/v2/orders -> PartnerPolicy
            route POST /policy -> PolicyEndpoints.Get
            route PUT /policy/refined -> PolicyEndpoints.Put

            policy ConfiguredEndpoints
              origin https://app.example.com
              origin-configuration Cors:AllowedOrigins
              origin-configured http://localhost:5173
              origin-configured https://staging.example.com
              credentials no
              method POST
              header Accept
              header Accept-Language
              header Content-Language
              header Content-Type
              max-age (none)
              private-network no
              preflight-status 204
              preflight-continue no

            policy PartnerPolicy
              origin https://other.example.net
              credentials yes
              method (as mapped)
              header Accept
              header Accept-Language
              header Content-Language
              header Content-Type
              header X-Partner-Key
              exposed-header X-Partner-Quota
              max-age 120
              private-network no
              preflight-status 204
              preflight-continue no

            policy PolicyEndpoints.Get
              origin https://other.example.net
              credentials yes
              method GET
              method POST
              header Accept
              header Accept-Language
              header Content-Language
              header Content-Type
              header X-Partner-Key
              exposed-header X-Partner-Quota
              max-age 120
              private-network no
              preflight-status 204
              preflight-continue no

            policy PolicyEndpoints.Put
              origin https://app.example.com
              credentials yes
              method PUT
              header Accept
              header Accept-Language
              header Content-Language
              header Content-Type
              header X-Partner-Key
              exposed-header X-Partner-Quota
              max-age 120
              private-network no
              preflight-status 204
              preflight-continue no

            """.ReplaceLineEndings("\n"),
            surface);
        // The app's EndpointDataSource service describes the same endpoints.
        Assert.Equal(surface, CorsSurface.Describe(app.App.Services.GetRequiredService<EndpointDataSource>()));
        // What the surface lists is what the app answers: the group's resolved route, from the partner origin.
        Assert.Equal(204, (await app.PreflightAsync("/partners/v2/orders", TestOrigins.Other, "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/partners/v2/orders", TestOrigins.App, "POST")).Status);
    }

    [Fact]
    public async Task Configured_origins_appear_as_loaded_and_nothing_else_changes()
    {
        await using var one = await StartAsync(Staging);
        await using var none = await StartAsync();

        var withOne = CorsSurface.Describe(one.App);
        var withNone = CorsSurface.Describe(none.App);

        Assert.Contains("  origin-configured https://staging.example.com\n", withOne, StringComparison.Ordinal);
        Assert.DoesNotContain("origin-configured", withNone, StringComparison.Ordinal);
        Assert.Equal(withNone, withOne.Replace("  origin-configured https://staging.example.com\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => CorsSurface.Describe((IEndpointRouteBuilder)null!));
        Assert.Throws<ArgumentNullException>(() => CorsSurface.Describe((EndpointDataSource)null!));
        Assert.Throws<ArgumentNullException>(() => CorsSurface.Describe((IEnumerable<Microsoft.AspNetCore.Http.Endpoint>)null!));
    }
}
