using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Controllers;

/// <summary>
/// The controllers app on Kestrel: the attribute-routed controllers through the generated MapCorsGenControllers(),
/// a conventional route beside them, both in one WithCors group (its policy covers what no attribute compiles),
/// and UseCorsGen() so a 401 written by authorization carries the action's CORS headers.
/// </summary>
public sealed class ControllerAppFixture : IAsyncLifetime
{
    public CorsApp App { get; private set; } = null!;

    public static void AddControllers(WebApplicationBuilder builder) =>
        builder.Services.AddControllers().AddApplicationPart(typeof(OrdersController).Assembly);

    public static void Map(WebApplication app)
    {
        // One group for both, so MVC keeps one controller data source (two would map the attribute routes twice).
        var group = app.MapGroup(string.Empty).WithCors(AppOriginPolicy.Policy);
        group.MapCorsGenControllers();
        group.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}");
    }

    public async Task InitializeAsync() =>
        App = await CorsApp.StartAsync(Map, kestrel: true, configure: AddControllers, beforeAuthentication: app => app.UseCorsGen());

    public async Task DisposeAsync() => await App.DisposeAsync();
}
