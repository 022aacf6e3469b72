using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// <c>app.UseCorsGen(policy)</c>, the app-wide policy, on TestServer and on Kestrel: every response and
/// preflight that no more specific CorsGen policy covers gets it; endpoint-class and group policies win.
/// </summary>
public sealed class AppWidePolicyTests(AppWidePolicyTests.Apps apps) : IClassFixture<AppWidePolicyTests.Apps>
{
    public sealed class Apps : IAsyncLifetime
    {
        public const string StaticFileName = "app-wide.txt";

        private readonly string _webRoot = Directory.CreateTempSubdirectory("corsgen-static-").FullName;

        public CorsApp TestServer { get; private set; } = null!;

        public CorsApp Kestrel { get; private set; } = null!;

        public CorsApp DefaultMethods { get; private set; } = null!;

        public CorsApp this[bool kestrel] => kestrel ? Kestrel : TestServer;

        public async Task InitializeAsync()
        {
            await File.WriteAllTextAsync(Path.Combine(_webRoot, StaticFileName), "static-file");
            TestServer = await StartAsync(AppWidePolicy.Policy, kestrel: false);
            Kestrel = await StartAsync(AppWidePolicy.Policy, kestrel: true);
            DefaultMethods = await StartAsync(AppWideDefaultMethodsPolicy.Policy, kestrel: false);
        }

        public async Task DisposeAsync()
        {
            await TestServer.DisposeAsync();
            await Kestrel.DisposeAsync();
            await DefaultMethods.DisposeAsync();
            Directory.Delete(_webRoot, recursive: true);
        }

        private Task<CorsApp> StartAsync(CompiledCorsPolicy policy, bool kestrel) => CorsApp.StartAsync(
            app =>
            {
                app.MapSingleOriginEndpoints();
                app.MapGroup("/group").WithCors(PartnerPolicy.Policy).MapGet("/orders", () => "group-orders");
                app.MapGet("/plain", () => "plain");
                app.MapGet("/plain-disabled", () => "plain-disabled").WithMetadata(new DisableCorsAttribute());
                app.MapDelete("/Plain-Disabled/{id:int}/{*rest}", (int id) => "deleted").WithMetadata(new DisableCorsAttribute());
                app.MapPut("/plain-disabled/{id?}", (int? id) => "put").WithMetadata(new DisableCorsAttribute());
                app.MapPost("/json", () => "json").Accepts<string>("application/json");
                app.MapGet("/throws", string () => throw new InvalidOperationException("boom"));
            },
            kestrel,
            beforeAuthentication: app =>
            {
                app.UseCorsGen(policy);
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(_webRoot) });
            });
    }

    public static readonly TheoryData<bool> Servers = new() { false, true };

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task A_404_of_an_unmapped_path_is_readable(bool kestrel)
    {
        var reply = await apps[kestrel].ActualAsync("GET", "/nowhere", TestOrigins.Other);

        Assert.Equal(404, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.Other);
        Assert.Contains("Origin", Tokens(reply["Vary"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Routing_405_and_415_are_readable(bool kestrel)
    {
        var methodNotAllowed = await apps[kestrel].ActualAsync("DELETE", "/plain", TestOrigins.Other);
        var unsupported = await apps[kestrel].ActualAsync("POST", "/json", TestOrigins.Other, ("Content-Type", "text/plain"));

        Assert.Equal(405, methodNotAllowed.Status);
        Single(methodNotAllowed, AllowOrigin, TestOrigins.Other);
        Assert.Equal(415, unsupported.Status);
        Single(unsupported, AllowOrigin, TestOrigins.Other);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Routes_that_are_not_CorsGen_routes_get_the_app_wide_headers(bool kestrel)
    {
        var allowed = await apps[kestrel].ActualAsync("GET", "/plain", TestOrigins.Other);
        var foreign = await apps[kestrel].ActualAsync("GET", "/plain", TestOrigins.Evil);

        Assert.Equal("plain", allowed.Body);
        Single(allowed, AllowOrigin, TestOrigins.Other);
        NoAccessControlHeaders(foreign);
        Assert.Contains("Origin", Tokens(foreign["Vary"]));
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Static_files_and_exception_handler_responses_get_the_app_wide_headers(bool kestrel)
    {
        var file = await apps[kestrel].ActualAsync("GET", "/" + Apps.StaticFileName, TestOrigins.Other);
        var error = await apps[kestrel].ActualAsync("GET", "/throws", TestOrigins.Other);

        Assert.Equal("static-file", file.Body);
        Single(file, AllowOrigin, TestOrigins.Other);
        Assert.Equal(500, error.Status);
        Assert.Equal(CorsApp.ExceptionHandlerBody, error.Body);
        Single(error, AllowOrigin, TestOrigins.Other);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Preflights_to_any_path_are_answered(bool kestrel)
    {
        var unmapped = await apps[kestrel].PreflightAsync("/nowhere/at/all", TestOrigins.Other, "PATCH", "x-api-key");
        var plain = await apps[kestrel].PreflightAsync("/plain", TestOrigins.Other, "PUT");
        var foreign = await apps[kestrel].PreflightAsync("/nowhere", TestOrigins.Evil, "PATCH");

        Assert.Equal(204, unmapped.Status);
        Single(unmapped, AllowOrigin, TestOrigins.Other);
        Single(unmapped, AllowMethods, "PATCH");
        Single(unmapped, AllowHeaders, "x-api-key");
        Assert.Equal(204, plain.Status);
        Assert.Equal(403, foreign.Status);
        NoAccessControlHeaders(foreign);
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task The_more_specific_policy_wins_on_its_routes_and_preflights(bool kestrel)
    {
        // /single allows TestOrigins.App only; the app-wide policy's origin gets nothing there.
        var classActual = await apps[kestrel].ActualAsync("GET", "/single", TestOrigins.Other);
        var classPreflight = await apps[kestrel].PreflightAsync("/single", TestOrigins.Other, "POST");
        var classAllowed = await apps[kestrel].ActualAsync("GET", "/single", TestOrigins.App);
        var groupActual = await apps[kestrel].ActualAsync("GET", "/group/orders", TestOrigins.Other);

        Assert.Equal("single-get", classActual.Body);
        NoAccessControlHeaders(classActual);
        Assert.Equal(403, classPreflight.Status);
        Single(classAllowed, AllowOrigin, TestOrigins.App);
        Assert.Single(Tokens(classAllowed["Vary"]), t => t == "Origin");
        Single(groupActual, AllowOrigin, TestOrigins.Other); // PartnerPolicy allows it too, with its credentials
        Single(groupActual, AllowCredentials, "true");
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Disabled_routes_get_no_cors_headers(bool kestrel)
    {
        var actual = await apps[kestrel].ActualAsync("GET", "/plain-disabled", TestOrigins.Other);
        var preflight = await apps[kestrel].PreflightAsync("/plain-disabled", TestOrigins.Other, "GET");

        Assert.Equal("plain-disabled", actual.Body);
        NoAccessControlHeaders(actual);
        NoAccessControlHeaders(preflight);
    }

    [Theory]
    [InlineData("/plain-disabled/5", "DELETE", 403)]
    [InlineData("/plain-disabled/5/a/b", "DELETE", 403)]
    [InlineData("/PLAIN-DISABLED/5/", "DELETE", 403)]
    [InlineData("/plain-disabled", "PUT", 403)]
    [InlineData("/plain-disabled/7", "PUT", 403)]
    [InlineData("/plain-disabled/7/8", "PUT", 204)]
    [InlineData("/plain-disabled/5", "PATCH", 204)]
    [InlineData("/plain-disabledx/5", "DELETE", 204)]
    public async Task A_preflight_for_a_disabled_route_method_is_refused(string path, string method, int status)
    {
        var reply = await apps[false].PreflightAsync(path, TestOrigins.Other, method);

        Assert.Equal(status, reply.Status);
    }

    [Theory]
    [InlineData("GET", 204)]
    [InlineData("HEAD", 204)]
    [InlineData("POST", 204)]
    [InlineData("PUT", 403)]
    [InlineData("DELETE", 403)]
    public async Task Without_AllowMethods_only_safelisted_methods_pass(string method, int status)
    {
        var reply = await apps.DefaultMethods.PreflightAsync("/nowhere", TestOrigins.Other, method);

        Assert.Equal(status, reply.Status);
        if (status == 204)
        {
            Single(reply, AllowMethods, "GET, HEAD, POST");
        }
    }

    [Fact]
    public async Task A_bad_configured_origin_fails_start_up_naming_the_key()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => CorsApp.StartAsync(
            _ => { },
            configure: builder => builder.Configuration["Cors:AllowedOrigins"] = "https://App.example.com/",
            beforeAuthentication: app => app.UseCorsGen(ConfiguredPolicy.Policy)));

        Assert.Contains("Cors:AllowedOrigins", error.Message);
        Assert.Contains("https://App.example.com/", error.Message);
    }
}
