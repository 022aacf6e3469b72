using System.Net.Http.Json;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Endpoint filters on a group around generated routes. The same tests run in CorsGen.Tests (ASP.NET
/// Core's RequestDelegateFactory binds the handlers) and CorsGen.AotTests (CorsGen's generated request
/// delegates), on .NET 10 and in the .NET 11 leg: RequestDelegateFactory of 8 to 11 (dotnet/aspnetcore
/// #64539 refactored it without changing this) sets 400 on a binding failure, still runs the filters
/// with the bound arguments, and skips the handler once the status is 400 or more.
/// </summary>
public sealed class EndpointFilterTests
{
    /// <summary>What the group's filter saw: the status on the way in, the arguments, and what the rest of the pipeline returned.</summary>
    private sealed record Seen(int Status, object?[] Arguments, object? Result);

    private static Task<CorsApp> StartAsync(List<Seen> seen, Func<EndpointFilterInvocationContext, object?, object?>? replace = null) =>
        CorsApp.StartAsync(
            app => app.MapGroup("/f")
                .AddEndpointFilter(async (invocation, next) =>
                {
                    var status = invocation.HttpContext.Response.StatusCode;
                    var arguments = invocation.Arguments.ToArray();
                    var result = await next(invocation);
                    seen.Add(new Seen(status, arguments, result));
                    return replace is null ? result : replace(invocation, result);
                })
                .MapBindingEndpoints(),
            configure: builder => builder.Services.AddSingleton<Greeter>());

    private static async Task<(int Status, string Body, HttpResponseMessage Response)> PostAsync(CorsApp app, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", TestOrigins.App);
        var response = await app.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task A_group_endpoint_filter_runs_on_attribute_routes_and_keeps_their_cors_headers()
    {
        await using var app = await CorsApp.StartAsync(a => a.MapGroup("/filtered")
            .AddEndpointFilter(async (context, next) =>
            {
                context.HttpContext.Response.Headers["X-Filter"] = "ran";
                return await next(context);
            })
            .MapSingleOriginEndpoints());

        var reply = await app.ActualAsync("GET", "/filtered/single", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Single(reply, "X-Filter", "ran");
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Theory]
    [InlineData("/f/bind/query?page=abc")]      // unparsable
    [InlineData("/f/bind/query")]               // missing
    public async Task A_binding_failure_runs_the_filter_with_400_and_the_bound_arguments_and_skips_the_handler(string path)
    {
        var seen = new List<Seen>();
        await using var app = await StartAsync(seen);

        var reply = await app.ActualAsync("GET", path, TestOrigins.App);

        Assert.Equal(400, reply.Status);
        Assert.Equal(string.Empty, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        var filter = Assert.Single(seen);
        Assert.Equal(400, filter.Status);
        // page failed (its default), filter and trace absent, shade its declared default.
        Assert.Equal(new object?[] { 0, null, Shade.Light, null }, filter.Arguments);
        Assert.IsType<EmptyHttpResult>(filter.Result);
    }

    [Fact]
    public async Task A_missing_header_is_a_failure_the_filter_sees_beside_the_values_that_bound()
    {
        var seen = new List<Seen>();
        await using var app = await StartAsync(seen);

        var reply = await app.ActualAsync("GET", "/f/bind/named?p=4", TestOrigins.App);

        Assert.Equal(400, reply.Status);
        var filter = Assert.Single(seen);
        Assert.Equal((400, 4, null), (filter.Status, filter.Arguments[0], filter.Arguments[1]));
        Assert.IsType<EmptyHttpResult>(filter.Result);
    }

    [Fact]
    public async Task A_filter_can_replace_the_400_of_a_binding_failure_and_the_cors_headers_stay()
    {
        var seen = new List<Seen>();
        await using var app = await StartAsync(seen, (invocation, result) =>
            invocation.HttpContext.Response.StatusCode == 400 ? Results.Text("page must be a number", statusCode: 422) : result);

        var reply = await app.ActualAsync("GET", "/f/bind/query?page=abc", TestOrigins.App);

        Assert.Equal(422, reply.Status);
        Assert.Equal("page must be a number", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
    }

    [Fact]
    public async Task When_binding_succeeds_the_filter_sees_typed_arguments_and_the_handler_gets_the_ones_it_changed()
    {
        int? page = null;
        await using var app = await CorsApp.StartAsync(
            a => a.MapGroup("/f")
                .AddEndpointFilter(async (invocation, next) =>
                {
                    page = invocation.GetArgument<int>(0);
                    invocation.Arguments[0] = 9;
                    return await next(invocation);
                })
                .MapBindingEndpoints(),
            configure: builder => builder.Services.AddSingleton<Greeter>());

        var reply = await app.ActualAsync("GET", "/f/bind/query?page=2&shade=Dark", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal(2, page);
        Assert.Equal("page 9 filter (none) shade Dark trace (none)", reply.Body);
        Assert.StartsWith("text/plain", reply["Content-Type"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_that_sets_an_error_status_before_next_skips_the_handler()
    {
        await using var app = await CorsApp.StartAsync(
            a => a.MapGroup("/f")
                .AddEndpointFilter(async (invocation, next) =>
                {
                    invocation.HttpContext.Response.StatusCode = 404;
                    return await next(invocation);
                })
                .MapBindingEndpoints(),
            configure: builder => builder.Services.AddSingleton<Greeter>());

        var reply = await app.ActualAsync("DELETE", "/f/bind/void/7", TestOrigins.App);

        Assert.Equal(404, reply.Status);
        Assert.False(reply.Has("X-Deleted"));
    }

    [Fact]
    public async Task An_absent_required_body_reaches_the_filter_and_a_malformed_one_is_refused_before_it()
    {
        var seen = new List<Seen>();
        await using var app = await StartAsync(seen);

        var empty = new StringContent(string.Empty, System.Text.Encoding.UTF8, "application/json");
        var (absentStatus, _, absent) = await PostAsync(app, "/f/bind/body", empty);
        var filter = Assert.Single(seen);
        Assert.Equal((400, 400), (absentStatus, filter.Status));
        Assert.Equal(new object?[] { null }, filter.Arguments);
        Assert.Equal([TestOrigins.App], absent.Headers.GetValues(AllowOrigin));

        seen.Clear();
        var (malformedStatus, _, _) = await PostAsync(app, "/f/bind/body", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(400, malformedStatus);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Results_keep_their_shapes_through_the_filter()
    {
        var seen = new List<Seen>();
        await using var app = await StartAsync(seen);

        var (status, body, response) = await PostAsync(app, "/f/bind/body", JsonContent.Create(new { item = "tea", quantity = 2 }));
        Assert.Equal(200, status);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(new BindingEndpoints.Order("tea", 4), System.Text.Json.JsonSerializer.Deserialize<BindingEndpoints.Order>(body, System.Text.Json.JsonSerializerOptions.Web));
        Assert.Equal(new BindingEndpoints.Order("tea", 4), Assert.Single(seen).Result);

        seen.Clear();
        var deleted = await app.ActualAsync("DELETE", "/f/bind/void/7", TestOrigins.App);
        Assert.Equal(200, deleted.Status);
        Single(deleted, "X-Deleted", "7");
        Assert.IsType<EmptyHttpResult>(Assert.Single(seen).Result);

        seen.Clear();
        var created = await PostAsync(app, "/f/bind/async", JsonContent.Create(new { item = "pie", quantity = 3 }));
        Assert.Equal(201, created.Status);
        Assert.IsAssignableFrom<IResult>(Assert.Single(seen).Result);
    }

    [Fact]
    public async Task A_null_from_a_filter_is_written_as_json_null()
    {
        await using var app = await CorsApp.StartAsync(
            a => a.MapGroup("/f")
                .AddEndpointFilter(async (invocation, next) =>
                {
                    await next(invocation);
                    return null;
                })
                .MapBindingEndpoints(),
            configure: builder => builder.Services.AddSingleton<Greeter>());

        var reply = await app.ActualAsync("GET", "/f/bind/query?page=1", TestOrigins.App);

        Assert.Equal((200, "null"), (reply.Status, reply.Body));
        Assert.StartsWith("application/json", reply["Content-Type"].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filter_factory_sees_the_handler_method_and_pass_through_factories_change_nothing()
    {
        // One entry per time routing builds the endpoint (RequestDelegateFactory runs the factories each time too).
        var parameters = new List<string>();
        await using var app = await CorsApp.StartAsync(
            a => a.MapGroup("/f")
                .AddEndpointFilterFactory((factory, next) =>
                {
                    if (factory.MethodInfo.Name == nameof(BindingEndpoints.Query))
                    {
                        parameters.Add(string.Join(",", factory.MethodInfo.GetParameters().Select(p => p.Name)));
                    }

                    return next;
                })
                .MapBindingEndpoints(),
            configure: builder => builder.Services.AddSingleton<Greeter>());

        var failed = await app.ActualAsync("GET", "/f/bind/query?page=abc", TestOrigins.App);
        var bound = await app.ActualAsync("GET", "/f/bind/query?page=3", TestOrigins.App);

        Assert.NotEmpty(parameters);
        Assert.All(parameters, names => Assert.Equal("page,filter,shade,trace", names));
        Assert.Equal((400, string.Empty), (failed.Status, failed.Body));
        Assert.Equal((200, "page 3 filter (none) shade Light trace (none)"), (bound.Status, bound.Body));
    }
}
