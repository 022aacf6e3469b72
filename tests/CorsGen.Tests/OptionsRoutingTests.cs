using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>behaviour.md, "Routes CorsGen maps".</summary>
public sealed class OptionsRoutingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    /// <summary>Every route pattern of the default app that has a CORS route and no user OPTIONS handler.</summary>
    private static readonly string[] PreflightPatterns =
    [
        "/single", "/single/{id:int}", "/multi", "/multi-route/a", "/multi-route/b", "/subdomain", "/any",
        "/credentials", "/headers", "/headers/any", "/methods", "/methods/any", "/max-age", "/max-age/zero",
        "/expose", "/override/inherit", "/override/origins", "/override/methods", "/override/headers",
        "/override/expose", "/override/max-age", "/override/credentials", "/per-method", "/mixed", "/errors/throw",
        "/errors/not-found", "/errors/bad-request", "/errors/server-error", "/errors/problem", "/errors/vary",
        "/errors/vary-set", "/null-origin", "/api/items", "/api/items/{id:int}", "/secure/data", "/outer/secure/data",
    ];

    public static TheoryData<string> GeneratedPreflightPatterns => new(PreflightPatterns);

    private List<RouteEndpoint> OptionsEndpoints(string pattern) =>
        _app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => EndpointLookup.SamePattern(e, pattern))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Options) == true)
            .ToList();

    [Theory]
    [InlineData("/methods", new[] { "GET", "PATCH" })]
    [InlineData("/mixed", new[] { "GET", "DELETE" })] // the [DisableCors] DELETE is mapped there too
    [InlineData("/single", new[] { "GET", "POST" })]
    [InlineData("/single/5", new[] { "PUT" })]
    [InlineData("/api/items", new[] { "GET", "POST" })]
    [InlineData("/no-cors", new[] { "GET" })]
    public async Task Options_without_request_method_gets_405_with_allow(string path, string[] methods)
    {
        foreach (var origin in new[] { null, TestOrigins.App })
        {
            var reply = await _app.ActualAsync(HttpMethods.Options, path, origin is null ? (Microsoft.Extensions.Primitives.StringValues?)null : origin);

            Assert.True(reply.Status == 405, $"expected 405 for OPTIONS without ACRM (origin {origin})\n{reply}");
            ListEqualsCaseSensitive(reply, "Allow", methods);
        }
    }

    [Fact]
    public async Task Preflight_at_a_pattern_with_only_disable_cors_routes_is_not_answered()
    {
        var reply = await _app.PreflightAsync("/no-cors", TestOrigins.App, "GET");

        Assert.Equal(405, reply.Status);
        NoAccessControlHeaders(reply);
        Assert.Empty(OptionsEndpoints("/no-cors"));
    }

    [Fact]
    public async Task User_options_handler_receives_options_without_request_method()
    {
        var reply = await _app.ActualAsync(HttpMethods.Options, "/user-options");

        Assert.Equal(200, reply.Status);
        Assert.Equal(UserOptionsEndpoints.Body, reply.Body);
        Single(reply, "X-User-Options", "1");
        ActualWithoutCors(reply);
    }

    [Fact]
    public async Task User_options_handler_is_a_cors_route_for_options_with_origin_only()
    {
        var reply = await _app.ActualAsync(HttpMethods.Options, "/user-options", TestOrigins.App);

        Assert.Equal(200, reply.Status);
        Assert.Equal(UserOptionsEndpoints.Body, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        VaryOrigin(reply);
    }

    [Fact]
    public async Task Preflight_at_a_user_options_pattern_is_answered_by_corsgen()
    {
        var reply = await _app.PreflightAsync("/user-options", TestOrigins.App, "PUT");

        Allowed(reply, TestOrigins.App);
        Assert.Contains("PUT", reply[AllowMethods][0]!.Split(", "));
        Absent(reply, "X-User-Options");
    }

    [Fact]
    public async Task Refused_preflight_at_a_user_options_pattern_does_not_reach_the_user_handler()
    {
        var reply = await _app.PreflightAsync("/user-options", TestOrigins.Evil, "PUT");

        Refused(reply);
        Absent(reply, "X-User-Options");
        Assert.NotEqual(UserOptionsEndpoints.Body, reply.Body);
    }

    [Fact]
    public void User_options_pattern_keeps_a_single_options_endpoint()
    {
        Assert.Single(OptionsEndpoints("/user-options"));
    }

    [Theory]
    [MemberData(nameof(GeneratedPreflightPatterns))]
    public void Each_cors_pattern_has_exactly_one_options_endpoint(string pattern)
    {
        Assert.Single(OptionsEndpoints(pattern));
    }

    [Theory]
    [MemberData(nameof(GeneratedPreflightPatterns))]
    public void Preflight_endpoint_allows_anonymous_and_is_excluded_from_descriptions(string pattern)
    {
        var endpoint = Assert.Single(OptionsEndpoints(pattern));

        Assert.NotNull(endpoint.Metadata.GetMetadata<IAllowAnonymous>());
        Assert.True(endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription == true, $"{endpoint.DisplayName} is not excluded from API descriptions");
    }

    [Fact]
    public void Api_explorer_lists_the_routes_but_no_generated_preflight()
    {
        var descriptions = _app.App.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>()
            .ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();

        // The routes themselves are described (so this test can see what it looks for)...
        Assert.Contains(descriptions, d => d.HttpMethod == "GET" && d.RelativePath == "single");
        Assert.Contains(descriptions, d => d.HttpMethod == "POST" && d.RelativePath == "api/items");

        // ...the generated preflight routes are not.
        var generated = PreflightPatterns.Select(p => p.TrimStart('/')).ToHashSet();
        var described = descriptions.Where(d => d.HttpMethod == "OPTIONS" && generated.Contains(d.RelativePath ?? "")).Select(d => d.RelativePath).ToList();
        Assert.Empty(described);
    }

    private static void ListEqualsCaseSensitive(Reply reply, string name, string[] expected)
    {
        var tokens = Tokens(reply[name]);
        Assert.True(
            tokens.Count == expected.Length && expected.All(tokens.Contains),
            $"'{name}': expected [{string.Join(", ", expected)}], got [{string.Join(", ", tokens)}]\n{reply}");
    }
}
