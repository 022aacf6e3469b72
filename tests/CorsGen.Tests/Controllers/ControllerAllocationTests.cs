using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests.Controllers;

/// <summary>
/// A controller's generated preflight handlers allocate nothing per request, as an endpoint class's do: the
/// endpoint routing picks for the pattern is invoked on one reused context and the thread's allocations must not grow.
/// </summary>
public sealed class ControllerAllocationTests(ControllerAppFixture fixture) : IClassFixture<ControllerAppFixture>
{
    private readonly CorsApp _app = fixture.App;

    public static TheoryData<string, string, string, string?, int> Preflights => new()
    {
        { "api/Orders", TestOrigins.App, "POST", "content-type,x-request-id", 204 },
        { "api/Orders", TestOrigins.Evil, "POST", null, 403 },
        { "api/Orders", TestOrigins.App, "PUT", null, 403 },
        { "api/Orders/{id:int}", TestOrigins.App, "DELETE", null, 403 }, // the [DisableCors] action's method
        { "Admin/Users/Invite", TestOrigins.Other, "POST", "x-partner-key", 204 },
        { "Admin/Users/{name}", TestOrigins.Other, "PATCH", null, 204 },
    };

    [Theory]
    [MemberData(nameof(Preflights))]
    public void Controller_preflight_handler_allocates_nothing(string pattern, string origin, string method, string? acrh, int status)
    {
        var endpoint = EndpointLookup.FindPreflight(_app.App.Services, pattern);
        var handler = endpoint.RequestDelegate!;
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Request.Method = HttpMethods.Options;
        context.Request.Path = "/" + pattern;
        context.Request.Headers.Origin = origin;
        context.Request.Headers.AccessControlRequestMethod = method;
        if (acrh is not null)
        {
            context.Request.Headers.AccessControlRequestHeaders = new StringValues(acrh);
        }

        context.SetEndpoint(endpoint);
        var response = context.Response;
        void Request()
        {
            response.Headers.Clear();
            response.StatusCode = 200;
            AllocationTests.Run(handler, context);
        }

        var bytes = AllocationTests.Measure(Request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(status == 204, response.Headers.ContainsKey(AllowOrigin));
        Assert.True(bytes == 0, $"controller preflight {pattern} Origin={origin} ACRM={method} -> {status}: {bytes} bytes ({(double)bytes / 2000:0.#} B/request)");
    }
}
