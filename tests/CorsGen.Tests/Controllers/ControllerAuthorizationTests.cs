using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests.Controllers;

/// <summary>
/// Conventions chained on MapCorsGenControllers() reach the actions, not the preflight routes: with
/// RequireAuthorization() every action answers 401 without a user (with CORS headers under UseCorsGen()),
/// while preflights, which never carry credentials, stay answered.
/// </summary>
public sealed class ControllerAuthorizationTests
{
    [Fact]
    public async Task RequireAuthorization_on_the_controllers_leaves_preflights_anonymous()
    {
        await using var app = await CorsApp.StartAsync(
            app => app.MapCorsGenControllers().RequireAuthorization(),
            configure: ControllerAppFixture.AddControllers,
            beforeAuthentication: app => app.UseCorsGen());

        Allowed(await app.PreflightAsync("/api/Orders", TestOrigins.App, "POST", "x-request-id"), TestOrigins.App);
        var anonymous = await app.ActualAsync("GET", "/api/Orders", TestOrigins.App);
        Assert.Equal(401, anonymous.Status);
        Single(anonymous, AllowOrigin, TestOrigins.App);
        var signedIn = await app.ActualAsync("GET", "/api/Orders", TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));
        Assert.Equal(200, signedIn.Status);
        Single(signedIn, AllowOrigin, TestOrigins.App);
    }
}
