using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Controllers;

/// <summary>
/// CorsGen compiles the routes written in attributes; a convention that moves a CORS action's route at run time
/// would leave it without its preflight route, so routing's first build fails, naming the action and both routes.
/// </summary>
public sealed class ControllerStartupTests
{
    /// <summary>A global route prefix, as apps add with an IApplicationModelConvention.</summary>
    private sealed class RoutePrefixConvention(string prefix) : IApplicationModelConvention
    {
        public void Apply(ApplicationModel application)
        {
            foreach (var selector in application.Controllers.SelectMany(c => c.Selectors).Where(s => s.AttributeRouteModel is not null))
            {
                selector.AttributeRouteModel = AttributeRouteModel.CombineAttributeRouteModel(new AttributeRouteModel(new Microsoft.AspNetCore.Mvc.RouteAttribute(prefix)), selector.AttributeRouteModel);
            }
        }
    }

    [Fact]
    public async Task A_run_time_route_prefix_on_a_CORS_action_fails_at_start_up()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => CorsApp.StartAsync(
            app => app.MapCorsGenControllers(),
            configure: builder => builder.Services
                .AddControllers(options => options.Conventions.Add(new RoutePrefixConvention("v2")))
                .AddApplicationPart(typeof(OrdersController).Assembly)));

        Assert.Contains("'OrdersController.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("but MVC routes it at 'v2/api/Orders", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_convention_the_same_app_starts_and_answers()
    {
        await using var app = await CorsApp.StartAsync(
            app => app.MapCorsGenControllers(),
            configure: ControllerAppFixture.AddControllers);

        Assert.Equal(204, (await app.PreflightAsync("/api/Orders", Endpoints.TestOrigins.App, "POST")).Status);
    }

    [Fact]
    public async Task Controllers_mapped_under_a_group_prefix_get_their_preflights_under_it_too()
    {
        await using var app = await CorsApp.StartAsync(
            app => app.MapGroup("/v1").MapCorsGenControllers(),
            configure: ControllerAppFixture.AddControllers);

        Assert.Equal(204, (await app.PreflightAsync("/v1/api/Orders", Endpoints.TestOrigins.App, "POST")).Status);
        Assert.Equal(404, (await app.PreflightAsync("/api/Orders", Endpoints.TestOrigins.App, "POST")).Status);
        var reply = await app.ActualAsync("GET", "/v1/api/Orders", Endpoints.TestOrigins.App);
        Assert.Equal(200, reply.Status);
        Assert.Equal(Endpoints.TestOrigins.App, reply["Access-Control-Allow-Origin"].ToString());
    }
}
