using System.Net.Http.Json;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.Extensions.Primitives;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>behaviour.md, "Actual responses" and "Routes CorsGen maps".</summary>
public sealed class ActualRequestTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    private static void OnlyThese(Reply reply, params string[] names) =>
        Assert.Equal(
            names.Order(StringComparer.OrdinalIgnoreCase),
            AccessControlHeaderNames(reply).Order(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);

    [Theory]
    [InlineData("GET", "single-get")]
    [InlineData("POST", "single-post")]
    public async Task Allowed_origin_gets_allow_origin_and_vary(string method, string body)
    {
        var reply = await _app.ActualAsync(method, "/single", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal(body, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        VaryOrigin(reply);
        OnlyThese(reply, AllowOrigin);
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Other)]
    [InlineData(TestOrigins.LocalDev)]
    public async Task Each_of_several_origins_is_echoed(string origin)
    {
        var reply = await _app.ActualAsync("DELETE", "/multi", origin);

        Assert.Equal("multi-delete", reply.Body);
        Single(reply, AllowOrigin, origin);
        VaryOrigin(reply);
    }

    [Theory]
    [InlineData("/single")]
    [InlineData("/multi")]
    [InlineData("/credentials")]
    [InlineData("/expose")]
    [InlineData("/any")]
    [InlineData("/subdomain")]
    [InlineData("/api/items")]
    public async Task Absent_origin_gets_no_cors_headers_but_vary_origin(string path)
    {
        var reply = await _app.ActualAsync("GET", path);

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [InlineData("/single")]
    [InlineData("/multi")]
    [InlineData("/credentials")]
    [InlineData("/expose")]
    [InlineData("/api/items")]
    public async Task Foreign_origin_gets_no_cors_headers_but_vary_origin(string path)
    {
        var reply = await _app.ActualAsync("GET", path, TestOrigins.Evil);

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [InlineData("/single", TestOrigins.App, TestOrigins.App)]
    [InlineData("/multi", TestOrigins.App, TestOrigins.Other)]
    [InlineData("/any", TestOrigins.App, TestOrigins.Evil)]
    [InlineData("/credentials", TestOrigins.App, TestOrigins.Other)]
    public async Task Two_origin_values_get_no_cors_headers(string path, string first, string second)
    {
        var reply = await _app.ActualAsync("GET", path, new StringValues([first, second]));

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [InlineData("/single")]
    [InlineData("/any")]
    [InlineData("/credentials")]
    public async Task Empty_origin_gets_no_cors_headers(string path)
    {
        var reply = await _app.ActualAsync("GET", path, "");

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Evil)]
    [InlineData("null")]
    public async Task Any_origin_answers_star_and_exposes_headers(string origin)
    {
        var reply = await _app.ActualAsync("PUT", "/any", origin);

        Assert.Equal("any-put", reply.Body);
        Single(reply, AllowOrigin, "*");
        ListEquals(reply, ExposeHeaders, "X-Total-Count");
        Absent(reply, AllowCredentials);
        VaryOrigin(reply);
        OnlyThese(reply, AllowOrigin, ExposeHeaders);
    }

    [Theory]
    [InlineData(TestOrigins.App)]
    [InlineData(TestOrigins.Other)]
    public async Task Credentials_echo_origin_with_allow_credentials_and_expose(string origin)
    {
        var reply = await _app.ActualAsync("POST", "/credentials", origin);

        Assert.Equal("credentials-post", reply.Body);
        Single(reply, AllowOrigin, origin);
        Single(reply, AllowCredentials, "true");
        ListEquals(reply, ExposeHeaders, "X-Csrf-Token");
        VaryOrigin(reply);
        OnlyThese(reply, AllowOrigin, AllowCredentials, ExposeHeaders);
    }

    [Fact]
    public async Task Foreign_origin_on_a_credentialed_route_gets_no_allow_credentials()
    {
        var reply = await _app.ActualAsync("GET", "/credentials", TestOrigins.Evil);

        ActualWithoutCors(reply);
    }

    [Fact]
    public async Task Expose_headers_lists_the_configured_names()
    {
        var reply = await _app.ActualAsync("GET", "/expose", TestOrigins.App);

        Assert.Equal("expose-get", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        ListEquals(reply, ExposeHeaders, "ETag", "X-Total-Count");
        Single(reply, "X-Total-Count", "42");
        VaryOrigin(reply);
        OnlyThese(reply, AllowOrigin, ExposeHeaders);
    }

    [Fact]
    public async Task Actual_response_carries_no_preflight_only_headers()
    {
        var reply = await _app.ActualAsync("GET", "/max-age", TestOrigins.App);

        Single(reply, AllowOrigin, TestOrigins.App);
        Absent(reply, MaxAge);
        Absent(reply, AllowMethods);
        Absent(reply, AllowHeaders);
    }

    [Fact]
    public async Task Override_expose_replaces_the_class_value()
    {
        ListEquals(await _app.ActualAsync("GET", "/override/expose", TestOrigins.App), ExposeHeaders, "X-Method-Expose");
        ListEquals(await _app.ActualAsync("GET", "/override/inherit", TestOrigins.App), ExposeHeaders, "X-Class-Expose");
    }

    [Fact]
    public async Task Override_origins_replaces_the_class_value()
    {
        Single(await _app.ActualAsync("GET", "/override/origins", TestOrigins.Other), AllowOrigin, TestOrigins.Other);
        ActualWithoutCors(await _app.ActualAsync("GET", "/override/origins", TestOrigins.App));
    }

    [Fact]
    public async Task Override_credentials_applies_to_that_route_only()
    {
        Single(await _app.ActualAsync("GET", "/override/credentials", TestOrigins.App), AllowCredentials, "true");
        Absent(await _app.ActualAsync("GET", "/override/inherit", TestOrigins.App), AllowCredentials);
    }

    [Fact]
    public async Task Method_level_origins_apply_to_that_route_only()
    {
        Single(await _app.ActualAsync("GET", "/per-method", TestOrigins.App), AllowOrigin, TestOrigins.App);
        ActualWithoutCors(await _app.ActualAsync("GET", "/per-method", TestOrigins.Other));
        Single(await _app.ActualAsync("POST", "/per-method", TestOrigins.Other), AllowOrigin, TestOrigins.Other);
        ActualWithoutCors(await _app.ActualAsync("POST", "/per-method", TestOrigins.App));
    }

    [Fact]
    public async Task Null_origin_is_echoed_when_listed()
    {
        var reply = await _app.ActualAsync("GET", "/null-origin", "null");

        Single(reply, AllowOrigin, "null");
        ActualWithoutCors(await _app.ActualAsync("GET", "/single", "null"));
    }

    [Theory]
    [InlineData("DELETE", "/mixed", "mixed-del")]
    [InlineData("GET", "/no-cors", "no-cors-get")]
    public async Task Disable_cors_route_gets_no_cors_headers_and_no_vary(string method, string path, string body)
    {
        foreach (var origin in new StringValues?[] { TestOrigins.App, TestOrigins.Evil, null })
        {
            var reply = await _app.ActualAsync(method, path, origin);

            Assert.Equal(200, reply.Status);
            Assert.Equal(body, reply.Body);
            NoAccessControlHeaders(reply);
            Absent(reply, "Vary");
        }
    }

    [Fact]
    public async Task Cors_route_next_to_a_disable_cors_route_keeps_its_headers()
    {
        var reply = await _app.ActualAsync("GET", "/mixed", TestOrigins.App);

        Assert.Equal("mixed-get", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        VaryOrigin(reply);
    }

    [Theory]
    [InlineData("/errors/vary")] // handler appends Vary: Accept-Encoding
    [InlineData("/errors/vary-set")] // handler overwrites Vary with Accept-Encoding
    public async Task Vary_origin_is_added_to_a_vary_the_handler_wrote(string path)
    {
        foreach (var origin in new StringValues?[] { TestOrigins.App, TestOrigins.Evil, null })
        {
            var reply = await _app.ActualAsync("GET", path, origin);

            var tokens = Tokens(reply["Vary"]);
            Assert.True(
                tokens.Count == 2
                && tokens.Count(t => t.Equals("Accept-Encoding", StringComparison.OrdinalIgnoreCase)) == 1
                && tokens.Count(t => t.Equals("Origin", StringComparison.OrdinalIgnoreCase)) == 1,
                $"expected Vary to hold Accept-Encoding and Origin once each (origin {origin})\n{reply}");
        }
    }

    [Fact]
    public async Task Route_parameters_bind_as_with_hand_written_map_calls()
    {
        var reply = await _app.ActualAsync("PUT", "/single/7", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal("single-put-7", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);

        Assert.Equal(404, (await _app.ActualAsync("PUT", "/single/abc", TestOrigins.App)).Status);
    }

    [Fact]
    public async Task Json_body_binds_under_a_group_prefix()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/items")
        {
            Content = JsonContent.Create(new ApiGroupEndpoints.Item(3, "pen")),
        };
        request.Headers.Add("Origin", TestOrigins.App);

        using var response = await _app.Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var item = await response.Content.ReadFromJsonAsync<ApiGroupEndpoints.Item>();
        Assert.Equal(new ApiGroupEndpoints.Item(3, "pen-created"), item);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
        Assert.Contains("Origin", response.Headers.Vary);
    }

    [Fact]
    public async Task Route_group_prefix_is_applied()
    {
        var reply = await _app.ActualAsync("GET", "/api/items/9", TestOrigins.App);

        Assert.Equal("item-9", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        Assert.Equal(404, (await _app.ActualAsync("GET", "/items", TestOrigins.App)).Status);
    }

    [Fact]
    public async Task Request_with_a_custom_header_is_answered_like_any_actual_request()
    {
        var reply = await _app.ActualAsync("POST", "/headers", TestOrigins.App, ("X-Api-Key", "k"), ("Content-Type", "application/json"));

        Assert.Equal("headers-post", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        VaryOrigin(reply);
    }
}
