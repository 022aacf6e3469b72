using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// behaviour.md, "Defaults": "[AllowMethods] absent: exactly the methods mapped at that pattern
/// (across the compilation) by routes with CORS", and "one OPTIONS endpoint" per pattern.
/// Two classes map "/shared"; this class uses an app of its own.
/// </summary>
public sealed class SharedPatternTests : IAsyncLifetime
{
    private CorsApp _app = null!;

    public async Task InitializeAsync() => _app = await CorsApp.StartAsync(app =>
    {
        app.MapSharedPatternGetEndpoints();
        app.MapSharedPatternPostEndpoints();
    });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Each_class_maps_a_preflight_route_and_their_orders_differ()
    {
        // Mapped under one prefix, two OPTIONS endpoints of equal order would be ambiguous (a 500).
        var preflights = EndpointLookup.Preflights(_app.App.Services, "/shared");

        Assert.Equal(2, preflights.Count);
        Assert.Equal(2, preflights.Select(e => e.Order).Distinct().Count());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task Default_methods_span_both_classes(string method)
    {
        var reply = await _app.PreflightAsync("/shared", TestOrigins.App, method);

        Allowed(reply, TestOrigins.App);
        MethodsEqual(reply, "GET", "POST");
    }

    [Fact]
    public async Task Disable_cors_method_of_either_class_is_not_offered()
    {
        Refused(await _app.PreflightAsync("/shared", TestOrigins.App, "DELETE"));
    }

    [Fact]
    public async Task Actual_requests_of_both_classes_get_cors_headers()
    {
        Single(await _app.ActualAsync("GET", "/shared", TestOrigins.App), AllowOrigin, TestOrigins.App);
        Single(await _app.ActualAsync("POST", "/shared", TestOrigins.App), AllowOrigin, TestOrigins.App);
        NoAccessControlHeaders(await _app.ActualAsync("DELETE", "/shared", TestOrigins.App));
    }
}
