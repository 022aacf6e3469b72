using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// behaviour.md: "The preflight route allows anonymous access ... so it keeps working under
/// RequireAuthorization() on the group." Preflights never carry credentials (Fetch).
/// </summary>
public sealed class AuthorizationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("/secure/data")] // app.MapSecureEndpoints().RequireAuthorization()
    [InlineData("/outer/secure/data")] // app.MapGroup("/outer").RequireAuthorization().MapSecureEndpoints()
    public async Task Preflight_succeeds_without_credentials(string path)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, "POST", "authorization");

        Allowed(reply, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        MethodsEqual(reply, "GET", "POST");
        Assert.Contains("Authorization", Tokens(reply[AllowHeaders]), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/secure/data")]
    [InlineData("/outer/secure/data")]
    public async Task Refused_preflight_is_still_refused(string path)
    {
        Refused(await _app.PreflightAsync(path, TestOrigins.Evil, "POST"));
    }

    [Theory]
    [InlineData("GET", "/secure/data")]
    [InlineData("POST", "/secure/data")]
    [InlineData("GET", "/outer/secure/data")]
    public async Task Actual_request_without_credentials_gets_401(string method, string path)
    {
        var reply = await _app.ActualAsync(method, path, TestOrigins.App);

        Assert.Equal(401, reply.Status);
    }

    [Theory]
    [InlineData("/secure/data")]
    [InlineData("/outer/secure/data")]
    public async Task Authenticated_actual_request_gets_the_response_with_cors_headers(string path)
    {
        var reply = await _app.ActualAsync("GET", path, TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));

        Assert.Equal(200, reply.Status);
        Assert.Equal("secure-alice", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        VaryOrigin(reply);
    }

    [Fact]
    public async Task Options_without_request_method_is_not_made_anonymous_by_the_preflight_route()
    {
        // Without ACRM it is no preflight; the framework answers 405 (no OPTIONS handler at this pattern).
        var reply = await _app.ActualAsync("OPTIONS", "/secure/data", TestOrigins.App);

        Assert.Equal(405, reply.Status);
    }

    [Fact]
    public async Task Preflight_at_a_user_options_pattern_succeeds_without_credentials()
    {
        // app.MapGroup("/authz").RequireAuthorization().MapUserOptionsEndpoints()
        var reply = await _app.PreflightAsync("/authz/user-options", TestOrigins.App, "PUT");

        Allowed(reply, TestOrigins.App);
        Absent(reply, "X-User-Options");
    }

    [Fact]
    public async Task User_options_handler_stays_protected_by_the_group()
    {
        var anonymous = await _app.ActualAsync("OPTIONS", "/authz/user-options", TestOrigins.App);
        Assert.Equal(401, anonymous.Status);

        var authenticated = await _app.ActualAsync("OPTIONS", "/authz/user-options", TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));
        Assert.Equal(200, authenticated.Status);
        Assert.Equal(UserOptionsEndpoints.Body, authenticated.Body);
        Single(authenticated, AllowOrigin, TestOrigins.App);
    }
}
