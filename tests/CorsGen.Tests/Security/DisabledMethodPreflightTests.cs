using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests.Security;

/// <summary>
/// behaviour.md: a [DisableCors] route's method "is not offered in preflights". A preflight is what
/// stops a page from making the browser send a credentialed PUT cross-origin, so approving one for
/// the disabled route lets any allowed origin's script trigger it (the response stays unreadable,
/// the side effect happens). Found by the differential test (tests/CorsGen.ConformanceTests).
/// </summary>
public sealed class DisabledMethodPreflightTests(AttackAppFixture fixture) : IClassFixture<AttackAppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("/security/disabled/any-method", "PUT")]
    [InlineData("/security/disabled/method-list", "PUT")]
    [InlineData("/security/disabled/any-method", "put")] // routing matches methods case-insensitively, below
    public async Task Preflight_for_the_method_of_a_disable_cors_route_is_refused(string path, string method)
    {
        // Found by the differential test: "*" and explicit [AllowMethods] lists offered the disabled
        // route's method (in any case, as routing matches methods case-insensitively).
        Refused(await _app.PreflightAsync(path, TestOrigins.App, method));
    }

    [Fact]
    public async Task Routing_sends_a_lower_case_method_to_the_upper_case_route()
    {
        // Why "put" above matters: the browser sends the method as approved, and it reaches the disabled PUT route.
        var reply = await _app.ActualAsync("put", "/security/disabled/any-method", TestOrigins.App);

        Assert.Equal(("disabled-any-put", 200), (reply.Body.Trim('"'), reply.Status));
    }

    [Theory]
    [InlineData("/security/disabled/any-method")]
    [InlineData("/security/disabled/method-list")]
    public async Task The_cors_route_beside_it_is_still_preflighted(string path)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, "GET");

        Allowed(reply, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
    }

    [Theory]
    [InlineData("/security/disabled/any-method")]
    [InlineData("/security/disabled/method-list")]
    public async Task The_disable_cors_route_itself_sends_no_cors_headers(string path)
    {
        var reply = await _app.ActualAsync("PUT", path, TestOrigins.App);

        Assert.Equal(200, reply.Status);
        NoAccessControlHeaders(reply);
    }
}
