using System.Net.Http.Json;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Parameter binding and results of attribute routes. The same tests run in CorsGen.Tests (ASP.NET
/// Core's RequestDelegateFactory) and CorsGen.AotTests (CorsGen's generated request delegates), so the
/// generated binding answers as minimal APIs do.
/// </summary>
public sealed class BindingTests : IAsyncLifetime
{
    private CorsApp _app = null!;

    public async Task InitializeAsync() => _app = await CorsApp.StartAsync(
        app => app.MapBindingEndpoints(),
        kestrel: true,
        configure: builder => builder.Services.AddSingleton<Greeter>());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(string path, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", TestOrigins.App);
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        var response = await _app.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Theory]
    [InlineData("/bind/route/7/red", 200, "route 7 red")]
    [InlineData("/bind/optional-route/5", 200, "id 5")]
    [InlineData("/bind/optional-route", 200, "no id")]
    [InlineData("/bind/query?page=2", 200, "page 2 filter (none) shade Light trace (none)")]
    [InlineData("/bind/query?page=3&filter=x&shade=Dark&trace=0f8fad5b-d9cb-469f-a165-70867728950e", 200, "page 3 filter x shade Dark trace 0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/bind/query?page=3&shade=1", 200, "page 3 filter (none) shade Dark trace (none)")]
    [InlineData("/bind/query?page=1&shade=dark", 400, "")]                 // enum names are case-sensitive
    [InlineData("/bind/query?page=abc", 400, "")]
    [InlineData("/bind/query", 400, "")]
    [InlineData("/bind/query?page=1&shade=purple", 400, "")]
    [InlineData("/bind/query?page=1&trace=not-a-guid", 400, "")]
    [InlineData("/bind/value-task", 200, "value task")]
    public async Task Values_bind_from_route_and_query(string path, int status, string body)
    {
        var (actualStatus, actualBody, response) = await GetAsync(path);

        Assert.Equal(status, actualStatus);
        if (status == 200)
        {
            Assert.Equal(body, actualBody);
            Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        }

        // CORS headers whatever the binding answered.
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
    }

    [Fact]
    public async Task Named_query_and_header_values_bind()
    {
        Assert.Equal((200, "page 4 tenant acme"), Strip(await GetAsync("/bind/named?p=4", ("X-Tenant", "acme"))));
        Assert.Equal(400, (await GetAsync("/bind/named?p=4")).Status);
    }

    [Fact]
    public async Task Services_and_request_objects_bind()
    {
        Assert.Equal((200, "hello ada"), Strip(await GetAsync("/bind/service?name=ada")));
        Assert.Equal((200, "hello inferred"), Strip(await GetAsync("/bind/inferred-service")));
        Assert.Equal((200, "GET False True"), Strip(await GetAsync("/bind/context")));
    }

    [Fact]
    public async Task Json_bodies_bind_and_results_are_written_as_json()
    {
        var response = await PostAsync("/bind/body", JsonContent.Create(new { item = "tea", quantity = 2 }));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var order = await response.Content.ReadFromJsonAsync<BindingEndpoints.Order>();
        Assert.Equal(new BindingEndpoints.Order("tea", 4), order);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415_from_routing_before_the_endpoint_runs()
    {
        // The endpoint's accepts metadata makes routing's own 415 endpoint answer: no CORS headers,
        // the same with both bindings (docs/behaviour.md, "Known limits").
        var content = new StringContent("{\"item\":\"tea\",\"quantity\":1}", System.Text.Encoding.UTF8, "text/plain");

        var response = await PostAsync("/bind/body", content);

        Assert.Equal(415, (int)response.StatusCode);
        Assert.False(response.Headers.Contains(AllowOrigin));
    }

    [Theory]
    [InlineData("application/json", "{not json", 400)]
    [InlineData("application/json", "", 400)]
    public async Task Bad_bodies_are_refused_as_minimal_apis_refuse_them(string contentType, string body, int status)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

        var response = await PostAsync("/bind/body", content);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
    }

    [Fact]
    public async Task An_optional_body_may_be_absent()
    {
        var empty = await PostAsync("/bind/optional-body", null);
        var given = await PostAsync("/bind/optional-body", JsonContent.Create(new { item = "cake", quantity = 1 }));

        Assert.Equal((200, "no body"), ((int)empty.StatusCode, await empty.Content.ReadAsStringAsync()));
        Assert.Equal((200, "cake"), ((int)given.StatusCode, await given.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Async_and_typed_results_execute()
    {
        var created = await PostAsync("/bind/async", JsonContent.Create(new { item = "pie", quantity = 3 }));
        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal("/bind/async/1", created.Headers.Location?.ToString());
        Assert.Equal(new BindingEndpoints.Order("pie", 3), await created.Content.ReadFromJsonAsync<BindingEndpoints.Order>());

        var (status, body, _) = await GetAsync("/bind/typed");
        Assert.Equal(200, status);
        Assert.Contains("\"typed\"", body);
    }

    [Fact]
    public async Task A_void_handler_answers_200_with_its_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/bind/void/9");
        request.Headers.Add("Origin", TestOrigins.App);
        var response = await _app.Client.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["9"], response.Headers.GetValues("X-Deleted"));
        Assert.Equal([TestOrigins.App], response.Headers.GetValues(AllowOrigin));
    }

    [Fact]
    public void The_handler_method_and_openapi_metadata_are_on_the_endpoint()
    {
        var body = EndpointLookup.Find(_app.App.Services, "/bind/body", "POST");
        var typed = EndpointLookup.Find(_app.App.Services, "/bind/typed", "GET");

        Assert.Equal(nameof(BindingEndpoints.Body), body.Metadata.GetMetadata<System.Reflection.MethodInfo>()?.Name);
        Assert.Contains(body.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>(), m => m.RequestType == typeof(BindingEndpoints.Order) && m.ContentTypes.Contains("application/json"));
        Assert.Contains(body.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>(), m => m.Type == typeof(BindingEndpoints.Order) && m.StatusCode == 200);
        Assert.Contains(typed.Metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>(), m => m.Type == typeof(BindingEndpoints.Order) && m.StatusCode == 200);
        Assert.Equal("HTTP: POST /bind/body => Body", body.DisplayName);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Origin", TestOrigins.App);
        return await _app.Client.SendAsync(request);
    }

    private static (int, string) Strip((int Status, string Body, HttpResponseMessage Response) reply) => (reply.Status, reply.Body);
}
