using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// behaviour.md: actual-response headers are "written when the response starts, so they are also
/// on 4xx/5xx results and on the 500 written by the exception handler"; Vary: Origin on every response.
/// </summary>
public sealed class ErrorResponseTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    public static TheoryData<string, int> ErrorRoutes => new()
    {
        { "/errors/not-found", 404 },
        { "/errors/bad-request", 400 },
        { "/errors/server-error", 500 },
        { "/errors/problem", 500 },
        { "/errors/throw", 500 },
    };

    [Theory]
    [MemberData(nameof(ErrorRoutes))]
    public async Task Allowed_origin_gets_cors_headers_on_error_responses(string path, int status)
    {
        var reply = await _app.ActualAsync("GET", path, TestOrigins.App);

        Assert.Equal(status, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        ListEquals(reply, ExposeHeaders, "X-Error-Id");
        VaryOrigin(reply);
    }

    [Theory]
    [MemberData(nameof(ErrorRoutes))]
    public async Task Foreign_origin_gets_no_cors_headers_on_error_responses(string path, int status)
    {
        var reply = await _app.ActualAsync("GET", path, TestOrigins.Evil);

        Assert.Equal(status, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [MemberData(nameof(ErrorRoutes))]
    public async Task Absent_origin_gets_vary_origin_on_error_responses(string path, int status)
    {
        var reply = await _app.ActualAsync("GET", path);

        Assert.Equal(status, reply.Status);
        ActualWithoutCors(reply);
    }

    [Fact]
    public async Task Exception_handler_wrote_the_500()
    {
        var reply = await _app.ActualAsync("GET", "/errors/throw", TestOrigins.App);

        Assert.Equal(500, reply.Status);
        Assert.Equal(CorsApp.ExceptionHandlerBody, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }
}
