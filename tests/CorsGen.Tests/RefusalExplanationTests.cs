using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Refused preflights in the Development environment: the reason in <c>CorsGen-Refusal</c>, and where the
/// browser fails the answer anyway, the partial CORS headers that make its console name the cause. Outside
/// Development, and with the option off, a refusal stays a bare 403.
/// </summary>
public sealed class RefusalExplanationTests
{
    private const string RefusalHeader = "CorsGen-Refusal";

    private static Task<CorsApp> StartAsync(string environment, bool? explain = null) => CorsApp.StartAsync(
        app =>
        {
            app.MapSingleOriginEndpoints();
            app.MapHeaderEndpoints();
            app.MapSafelistedMethodEndpoints();
            app.MapRefuseAllEndpoints();
        },
        configure: explain is null ? null : builder => builder.Services.AddCorsGen(options => options.ExplainRefusals = explain),
        environmentName: environment);

    [Fact]
    public async Task Origin_refusal_is_an_ok_status_without_allow_origin()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync("/single", TestOrigins.Evil, "POST");

        Assert.Equal(204, reply.Status);
        NoAccessControlHeaders(reply);
        Single(reply, RefusalHeader, "origin \"https://evil.net\" is not allowed by policy SingleOriginEndpoints.Get");
        Assert.Contains("Origin", Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Method_refusal_lists_the_allowed_methods_without_the_requested_one()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync("/single", TestOrigins.App, "DELETE");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Assert.DoesNotContain("DELETE", Tokens(reply[AllowMethods]));
        Assert.Contains("POST", Tokens(reply[AllowMethods]));
        Assert.StartsWith("method \"DELETE\" is not allowed by policy SingleOriginEndpoints.Get", reply[RefusalHeader].ToString());
    }

    [Fact]
    public async Task Header_refusal_lists_the_allowed_headers_and_names_the_refused_one()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync("/headers", TestOrigins.App, "POST", "x-api-key,x-evil");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        var allowed = Tokens(reply[AllowHeaders]).ToList();
        Assert.Contains("X-Api-Key", allowed, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("x-evil", allowed, StringComparer.OrdinalIgnoreCase);
        Single(reply, RefusalHeader, "header \"x-evil\" is not allowed by policy HeaderEndpoints.Post");
    }

    [Theory]
    [InlineData("/safelisted", "HEAD", "method \"HEAD\"")]                 // a safelisted method passes unlisted: no partial answer
    [InlineData("/refuse-all", "GET", "combines \"*\" with credentials")] // "*" would let a credential-less request through
    public async Task Refusals_a_partial_answer_could_let_through_stay_403(string path, string method, string reason)
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync(path, TestOrigins.App, method);

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
        Assert.Contains(reason, reply[RefusalHeader].ToString());
    }

    [Fact]
    public async Task Malformed_and_unparsable_requests_stay_403_with_their_reason()
    {
        await using var app = await StartAsync(Environments.Development);

        var twoOrigins = await app.PreflightAsync("/single", new([TestOrigins.App, TestOrigins.App]), "POST");
        var badList = await app.PreflightAsync("/headers", TestOrigins.App, "POST", "x-a b");

        Assert.Equal(403, twoOrigins.Status);
        Single(twoOrigins, RefusalHeader, "not exactly one Origin and one Access-Control-Request-Method");
        Assert.Equal(403, badList.Status);
        NoAccessControlHeaders(badList);
        Assert.Contains("is not a list of header names", badList[RefusalHeader].ToString());
    }

    [Fact]
    public async Task A_hostile_origin_is_escaped_in_the_reason()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync("/single", "https://evil.net\"\u00e9", "POST");

        Assert.Equal("origin \"https://evil.net\\u0022\\u00e9\" is not allowed by policy SingleOriginEndpoints.Get", reply[RefusalHeader].ToString());
    }

    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", false)]
    public async Task Outside_Development_or_with_the_option_off_a_refusal_is_a_bare_403(string environment, bool? explain)
    {
        await using var app = await StartAsync(environment, explain);

        foreach (var (path, origin, method, headers) in new[] { ("/single", TestOrigins.Evil, "POST", (string?)null), ("/single", TestOrigins.App, "DELETE", null), ("/headers", TestOrigins.App, "POST", "x-evil") })
        {
            var reply = await app.PreflightAsync(path, origin, method, headers);

            Assert.Equal(403, reply.Status);
            NoAccessControlHeaders(reply);
            Absent(reply, RefusalHeader);
        }
    }

    [Fact]
    public async Task The_option_turns_explanations_on_outside_Development()
    {
        await using var app = await StartAsync("Production", explain: true);

        var reply = await app.PreflightAsync("/single", TestOrigins.Evil, "POST");

        Assert.Equal(204, reply.Status);
        Assert.True(reply.Has(RefusalHeader));
    }

    [Fact]
    public async Task Private_network_access_the_policy_does_not_give_is_explained_on_the_allowed_answer()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.SendAsync("OPTIONS", "/single",
            ("Origin", TestOrigins.App), (RequestMethod, "POST"), ("Access-Control-Request-Private-Network", "true"));

        Assert.Equal(204, reply.Status);
        Absent(reply, "Access-Control-Allow-Private-Network");
        Assert.Contains("private network access is not allowed by policy SingleOriginEndpoints.Get", reply[RefusalHeader].ToString());
    }

    [Fact]
    public async Task Refusals_are_logged_with_policy_route_reason_and_the_escaped_origin_as_fields()
    {
        await using var app = await CorsApp.StartAsync(
            a => a.MapSingleOriginEndpoints(),
            configure: builder => builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));

        await app.PreflightAsync("/single", "https://evil.net\n", "POST");
        await app.ActualAsync("GET", "/single", TestOrigins.Evil);

        var records = app.App.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == "CorsGen").ToList();
        var preflight = Assert.Single(records, r => r.Id.Name == "PreflightRefused");
        Assert.Equal("SingleOriginEndpoints.Get", preflight.GetStructuredStateValue("Policy"));
        Assert.Equal("/single", preflight.GetStructuredStateValue("Route"));
        Assert.Equal("origin", preflight.GetStructuredStateValue("Reason"));
        Assert.Equal("\"https://evil.net\\u000a\"", preflight.GetStructuredStateValue("Origin"));
        var actual = Assert.Single(records, r => r.Id.Name == "ActualRequestOriginRefused");
        Assert.Equal("origin", actual.GetStructuredStateValue("Reason"));
        Assert.Equal("/single", actual.GetStructuredStateValue("Route"));
    }

    [Fact]
    public async Task Allowed_preflights_are_unchanged_in_Development()
    {
        await using var app = await StartAsync(Environments.Development);

        var reply = await app.PreflightAsync("/single", TestOrigins.App, "POST");

        Assert.Equal(204, reply.Status);
        Absent(reply, RefusalHeader);
    }
}
