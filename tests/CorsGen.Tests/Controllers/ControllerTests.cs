using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests.Controllers;

/// <summary>
/// MVC controllers with CorsGen's attributes, through Kestrel: attribute routes with [controller], [action] and
/// [area] tokens compile into preflight routes and actual-response headers, while MVC's model binding,
/// [ApiController] validation, [Authorize] and metadata keep working; conventional routes get a WithCors group's policy.
/// </summary>
public sealed class ControllerTests(ControllerAppFixture fixture) : IClassFixture<ControllerAppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Fact]
    public async Task Preflight_at_a_controller_token_route_is_answered_by_the_class_policy()
    {
        var reply = await _app.PreflightAsync("/api/Orders", TestOrigins.App, "POST", "content-type,x-request-id");

        Allowed(reply, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        MethodsEqual(reply, "GET", "POST");
        ListEquals(reply, AllowHeaders, [.. SafelistedHeaders, "X-Request-Id"]);
    }

    [Theory]
    [InlineData("/api/orders")] // routing is case-insensitive, and so is the compiled pattern
    [InlineData("/API/ORDERS/")]
    public async Task Preflight_path_matches_as_routing_matches(string path)
    {
        Allowed(await _app.PreflightAsync(path, TestOrigins.App, "POST"), TestOrigins.App);
    }

    [Theory]
    [InlineData(TestOrigins.Evil, "POST", null)]
    [InlineData(TestOrigins.App, "PUT", null)] // not mapped at api/Orders
    [InlineData(TestOrigins.App, "POST", "x-evil")]
    public async Task Preflight_outside_the_policy_is_refused(string origin, string method, string? headers)
    {
        Refused(headers is null ? await _app.PreflightAsync("/api/Orders", origin, method) : await _app.PreflightAsync("/api/Orders", origin, method, headers));
    }

    [Fact]
    public async Task Actual_response_of_an_action_carries_the_cors_headers()
    {
        var reply = await _app.ActualAsync("GET", "/api/Orders", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal("[\"apple\",\"pear\"]", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
        Single(reply, ExposeHeaders, "X-Order-Count");
        VaryOrigin(reply);
    }

    [Fact]
    public async Task Actual_response_for_a_foreign_origin_has_no_cors_headers()
    {
        var reply = await _app.ActualAsync("GET", "/api/Orders", TestOrigins.Evil);

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Fact]
    public async Task Model_binding_and_created_at_route_work_with_cors_headers()
    {
        var reply = await SendJsonAsync("POST", "/api/Orders", TestOrigins.App, """{"item":"apple","quantity":3}""");

        Assert.Equal(201, reply.Status);
        Assert.Equal("apple x3", reply.Body);
        Assert.EndsWith("/api/Orders/7", reply["Location"].ToString(), StringComparison.Ordinal);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
    }

    [Fact]
    public async Task ApiController_validation_400_carries_the_cors_headers()
    {
        var reply = await SendJsonAsync("POST", "/api/Orders", TestOrigins.App, """{"quantity":0}""");

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("application/problem+json", reply["Content-Type"].ToString(), StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(reply.Body);
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("Item", out _), reply.Body);
        Assert.True(errors.TryGetProperty("Quantity", out _), reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
    }

    [Fact]
    public async Task Action_token_uses_the_action_name_without_Async()
    {
        Allowed(await _app.PreflightAsync("/api/Orders/Replace/3", TestOrigins.App, "PUT", "content-type"), TestOrigins.App);
        var reply = await SendJsonAsync("PUT", "/api/Orders/Replace/3", TestOrigins.App, """{"item":"pear","quantity":1}""");

        Assert.Equal(200, reply.Status);
        Assert.Equal("replaced-3-pear", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Fact]
    public async Task Route_constraint_is_kept_in_the_preflight_route()
    {
        Allowed(await _app.PreflightAsync("/api/Orders/5", TestOrigins.App, "GET", "x-request-id"), TestOrigins.App);
        // {id:int}: a path the action does not take has no preflight route either.
        Assert.Equal(404, (await _app.PreflightAsync("/api/Orders/five", TestOrigins.App, "GET", "x-request-id")).Status);
    }

    [Fact]
    public async Task DisableCors_action_gets_no_preflight_and_no_headers_even_inside_a_WithCors_group()
    {
        Refused(await _app.PreflightAsync("/api/Orders/5", TestOrigins.App, "DELETE"));
        var reply = await _app.ActualAsync("DELETE", "/api/Orders/5", TestOrigins.App);

        Assert.Equal(204, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Authorize_401_carries_the_cors_headers_with_UseCorsGen()
    {
        var reply = await _app.ActualAsync("GET", "/api/Orders/secret", TestOrigins.App);

        Assert.Equal(401, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, AllowCredentials, "true");
    }

    [Fact]
    public async Task Authorize_action_preflight_is_anonymous_and_the_authenticated_call_succeeds()
    {
        Allowed(await _app.PreflightAsync("/api/Orders/secret", TestOrigins.App, "GET", "x-request-id"), TestOrigins.App);
        var reply = await _app.ActualAsync("GET", "/api/Orders/secret", TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));

        Assert.Equal(200, reply.Status);
        Assert.Equal("secret-alice", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Fact]
    public async Task Area_token_route_gets_the_named_policy()
    {
        var reply = await _app.PreflightAsync("/Admin/Users/Invite", TestOrigins.Other, "POST", "x-partner-key");

        Allowed(reply, TestOrigins.Other);
        Single(reply, AllowCredentials, "true");
        Single(reply, MaxAge, "120");
        Refused(await _app.PreflightAsync("/Admin/Users/Invite", TestOrigins.App, "POST"));
        var actual = await _app.ActualAsync("POST", "/Admin/Users/Invite", TestOrigins.Other);
        Assert.Equal(200, actual.Status);
        Assert.Equal("invited", actual.Body);
        Single(actual, AllowOrigin, TestOrigins.Other);
        Single(actual, ExposeHeaders, "X-Partner-Quota");
    }

    [Fact]
    public async Task AcceptVerbs_route_offers_its_methods_and_the_action_refines_the_policy()
    {
        var reply = await _app.PreflightAsync("/Admin/Users/bob", TestOrigins.Other, "PATCH");

        Allowed(reply, TestOrigins.Other);
        MethodsEqual(reply, "PUT", "PATCH");
        Single(reply, MaxAge, "30");
        Assert.Equal("updated-bob", (await _app.ActualAsync("PATCH", "/Admin/Users/bob", TestOrigins.Other)).Body);
    }

    [Fact]
    public async Task Absolute_action_template_ignores_the_controller_route()
    {
        Allowed(await _app.PreflightAsync("/admin-health", TestOrigins.Other, "GET", "x-partner-key"), TestOrigins.Other);
        var reply = await _app.ActualAsync("GET", "/admin-health", TestOrigins.Other);

        Assert.Equal("healthy", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.Other);
    }

    [Fact]
    public async Task Controller_without_ControllerBase_is_found_by_its_name()
    {
        Allowed(await _app.PreflightAsync("/plain/echo", TestOrigins.Other, "POST", "content-type"), TestOrigins.Other);
        Single(await _app.ActualAsync("POST", "/plain/echo", TestOrigins.Other), AllowOrigin, TestOrigins.Other);
    }

    [Fact]
    public async Task Action_without_CorsGen_attributes_gets_the_groups_policy()
    {
        // PlainController.NoCors has no policy of its own: the WithCors group's (the app origin) applies.
        var reply = await _app.ActualAsync("GET", "/plain/no-cors", TestOrigins.App);

        Assert.Equal("no-cors", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Home")]
    [InlineData("/Catalog")]
    [InlineData("/Catalog/Index")]
    public async Task Conventional_route_gets_the_WithCors_policy(string path)
    {
        var reply = await _app.ActualAsync("GET", path, TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, ExposeHeaders, "X-Handler");
        ActualWithoutCors(await _app.ActualAsync("GET", path, TestOrigins.Evil));
    }

    [Theory]
    [InlineData("/Catalog/Add/5", "POST")]
    [InlineData("/Catalog", "GET")]
    [InlineData("/Home/Index", "GET")]
    public async Task Conventional_route_preflight_is_answered_by_the_WithCors_policy(string path, string method)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, method, "x-handler-test");

        // AppOriginPolicy allows the safelisted headers only: asking for another is refused, asking for none is allowed.
        Refused(reply);
        Allowed(await _app.PreflightAsync(path, TestOrigins.App, method), TestOrigins.App);
        Refused(await _app.PreflightAsync(path, TestOrigins.Evil, method));
    }

    [Fact]
    public async Task Conventional_route_actual_post_gets_the_WithCors_policy()
    {
        var reply = await _app.ActualAsync("POST", "/Catalog/Add/5", TestOrigins.App);

        Assert.Equal("catalog-add-5", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Fact]
    public void Action_endpoints_keep_their_MVC_metadata_and_get_the_policy()
    {
        var endpoint = _app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ActionName: "Create", ControllerName: "Orders" });

        Assert.NotNull(endpoint.Metadata.GetMetadata<ApiControllerAttribute>());
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<ProducesResponseTypeAttribute>(), p => p.StatusCode == 201);
        // MVC names the action after its method and assembly (CorsGen.Tests, or CorsGen.AotTests that compiles these tests again).
        Assert.Equal($"CorsGen.Tests.Controllers.OrdersController.Create ({typeof(OrdersController).Assembly.GetName().Name})", endpoint.DisplayName);
        var policy = endpoint.Metadata.GetMetadata<CorsEndpointPolicy>();
        Assert.NotNull(policy);
        // The class's attributes make one policy per pattern's methods, each named for its first action.
        Assert.StartsWith("OrdersController.", policy.Policy.Settings.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_action_gets_plain_OPTIONS_and_continued_preflights()
    {
        var plain = await _app.SendAsync("OPTIONS", "/files/a.txt");
        Assert.Equal(200, plain.Status);
        Assert.Equal("options-a.txt", plain.Body);

        var preflight = await _app.PreflightAsync("/files/a.txt", TestOrigins.App, "PUT");
        Assert.Equal(200, preflight.Status);
        Assert.Equal("options-a.txt", preflight.Body);
        Single(preflight, AllowOrigin, TestOrigins.App);
        MethodsEqual(preflight, "PUT");

        Refused(await _app.PreflightAsync("/files/a.txt", TestOrigins.Evil, "PUT"));
        Single(await _app.ActualAsync("PUT", "/files/a.txt", TestOrigins.App), AllowOrigin, TestOrigins.App);
    }

    private async Task<Reply> SendJsonAsync(string method, string path, string origin, string json)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Origin", origin);
        using var response = await _app.Client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => new StringValues(h.Value.ToArray()), StringComparer.OrdinalIgnoreCase);
        return new Reply((int)response.StatusCode, headers, await response.Content.ReadAsStringAsync());
    }
}
