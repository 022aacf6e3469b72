using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>Named policies, configuration origins, predicates, Private Network Access, preflight options, groups and hand-mapped routes.</summary>
public sealed class PolicyFeatureTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string AllowPrivateNetwork = "Access-Control-Allow-Private-Network";
    private const string RequestPrivateNetwork = "Access-Control-Request-Private-Network";
    private readonly CorsApp _app = fixture.App;

    [Fact]
    public async Task Policy_class_values_apply_to_the_endpoint_class()
    {
        var reply = await _app.PreflightAsync("/policy", TestOrigins.Other, "POST", "x-partner-key");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.Other);
        Single(reply, AllowCredentials, "true");
        Single(reply, MaxAge, "120");
        ListEquals(reply, AllowMethods, "GET", "POST");
        Assert.Contains("X-Partner-Key", Tokens(reply[AllowHeaders]), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Policy_class_origins_do_not_leak_to_other_origins()
    {
        var reply = await _app.PreflightAsync("/policy", TestOrigins.App, "POST");

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Policy_class_exposes_headers_on_actual_responses()
    {
        var reply = await _app.ActualAsync("GET", "/policy", TestOrigins.Other);

        Assert.Equal(200, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.Other);
        Single(reply, ExposeHeaders, "X-Partner-Quota");
    }

    [Fact]
    public async Task Endpoint_class_in_a_WithCors_group_keeps_its_own_policy_for_preflights()
    {
        var own = await _app.PreflightAsync("/partner-group/in-group", TestOrigins.App, "POST");
        var groups = await _app.PreflightAsync("/partner-group/in-group", TestOrigins.Other, "POST");

        Assert.Equal(204, own.Status);
        Single(own, AllowOrigin, TestOrigins.App);
        Absent(own, AllowCredentials);
        ListEquals(own, AllowMethods, "GET", "POST");
        Assert.Equal(403, groups.Status);
        NoAccessControlHeaders(groups);
    }

    [Fact]
    public async Task Endpoint_class_in_a_WithCors_group_keeps_its_own_policy_for_actual_responses()
    {
        var own = await _app.ActualAsync("GET", "/partner-group/in-group", TestOrigins.App);
        var groups = await _app.ActualAsync("GET", "/partner-group/in-group", TestOrigins.Other);

        Assert.Equal(200, own.Status);
        Single(own, AllowOrigin, TestOrigins.App);
        Absent(own, AllowCredentials);
        Assert.Equal(200, groups.Status);
        NoAccessControlHeaders(groups);
        Single(groups, "Vary", "Origin");
    }

    [Fact]
    public async Task Inner_WithCors_group_policy_wins_over_the_outer_groups()
    {
        var own = await _app.PreflightAsync("/partner-group/inner/jobs", TestOrigins.App, "POST");
        var outer = await _app.PreflightAsync("/partner-group/inner/jobs", TestOrigins.Other, "POST");
        var actual = await _app.ActualAsync("POST", "/partner-group/inner/jobs", TestOrigins.Other);

        Assert.Equal(204, own.Status);
        Single(own, AllowOrigin, TestOrigins.App);
        Absent(own, AllowCredentials);
        Assert.Equal(403, outer.Status);
        Assert.Equal(200, actual.Status);
        NoAccessControlHeaders(actual);
    }

    [Fact]
    public async Task Pattern_mapped_by_a_class_and_by_its_group_is_an_ambiguous_preflight()
    {
        // Documented (behaviour.md): two preflight endpoints at one pattern; routing refuses the request.
        await using var app = await CorsApp.StartAsync(a =>
        {
            var group = a.MapGroup("/both").WithCors(PartnerPolicy.Policy);
            group.MapInGroupEndpoints();
            group.MapPut("/in-group", () => "group-put");
        });

        var preflight = await app.PreflightAsync("/both/in-group", TestOrigins.App, "POST");
        var actual = await app.ActualAsync("GET", "/both/in-group", TestOrigins.App);

        Assert.Equal(500, preflight.Status);
        Single(actual, AllowOrigin, TestOrigins.App);
    }

    [Fact]
    public async Task Group_policy_still_applies_to_the_groups_other_routes()
    {
        var preflight = await _app.PreflightAsync("/partner-group/hand", TestOrigins.Other, "POST");
        var actual = await _app.ActualAsync("POST", "/partner-group/hand", TestOrigins.Other);

        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowOrigin, TestOrigins.Other);
        Single(preflight, AllowCredentials, "true");
        Single(actual, AllowOrigin, TestOrigins.Other);
    }

    [Fact]
    public async Task Method_attribute_replaces_only_its_own_kind_of_the_policy()
    {
        var refined = await _app.PreflightAsync("/policy/refined", TestOrigins.App, "PUT", "x-partner-key");
        var partner = await _app.PreflightAsync("/policy/refined", TestOrigins.Other, "PUT");

        Assert.Equal(204, refined.Status);
        Single(refined, AllowOrigin, TestOrigins.App);
        Single(refined, AllowCredentials, "true");
        Single(refined, MaxAge, "120");
        Assert.Equal(403, partner.Status);
    }

    [Theory]
    [InlineData("https://tenant-a.example.org")]
    [InlineData("https://tenant-b.example.org:8443")]
    public async Task Predicate_allows_what_it_returns_true_for_and_echoes_it(string origin)
    {
        var preflight = await _app.PreflightAsync("/predicate", origin, "POST");
        var actual = await _app.ActualAsync("POST", "/predicate", origin);

        Assert.Equal(204, preflight.Status);
        Single(preflight, AllowOrigin, origin);
        Single(actual, AllowOrigin, origin);
        Assert.Contains("Origin", Tokens(actual["Vary"]));
    }

    [Theory]
    [InlineData("https://tenant-xA.example.org")]          // upper case: not what a browser sends
    [InlineData("https://tenant-x.example.org/")]          // trailing slash
    [InlineData("https://tenant-x.example.org/path")]
    [InlineData("https://tenant-x.example.org\r\nX-Evil: 1")]
    [InlineData("https://tenant-x.example.org:443")]       // default port
    [InlineData("https://tenant-x@evil.net")]               // userinfo
    [InlineData("https://tenant-x.example.org.")]          // trailing dot
    [InlineData("https://tenant-x .example.org")]
    public async Task Predicate_never_sees_a_malformed_origin(string origin)
    {
        var reply = await _app.PreflightAsync("/predicate", origin, "POST");

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
        Assert.DoesNotContain(origin, PredicateEndpoints.Seen);
    }

    [Fact]
    public async Task Predicate_is_asked_about_a_well_formed_origin()
    {
        await _app.PreflightAsync("/predicate", "https://tenant-x1.example.org", "POST");

        Assert.Contains("https://tenant-x1.example.org", PredicateEndpoints.Seen);
    }

    [Fact]
    public async Task A_throwing_predicate_refuses_instead_of_failing_the_request()
    {
        var preflight = await _app.PreflightAsync("/predicate/throws", "https://tenant-a.example.org", "POST");
        var actual = await _app.ActualAsync("POST", "/predicate/throws", "https://tenant-a.example.org");

        Assert.Equal(403, preflight.Status);
        NoAccessControlHeaders(preflight);
        Assert.Equal(200, actual.Status);
        Assert.Equal("predicate-throws", actual.Body);
        NoAccessControlHeaders(actual);
    }

    [Fact]
    public async Task Private_network_preflight_is_answered_when_asked()
    {
        var reply = await _app.SendAsync("OPTIONS", "/private-network",
            ("Origin", TestOrigins.App), (RequestMethod, "POST"), (RequestPrivateNetwork, "true"));

        Assert.Equal(204, reply.Status);
        Single(reply, AllowPrivateNetwork, "true");
        Assert.Contains(RequestPrivateNetwork, Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Private_network_header_is_sent_only_when_asked()
    {
        var reply = await _app.PreflightAsync("/private-network", TestOrigins.App, "POST");

        Assert.Equal(204, reply.Status);
        Absent(reply, AllowPrivateNetwork);
    }

    [Fact]
    public async Task Private_network_is_not_granted_without_the_attribute()
    {
        var reply = await _app.SendAsync("OPTIONS", "/single",
            ("Origin", TestOrigins.App), (RequestMethod, "POST"), (RequestPrivateNetwork, "true"));

        Assert.Equal(204, reply.Status);
        Absent(reply, AllowPrivateNetwork);
        Assert.DoesNotContain(RequestPrivateNetwork, Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Private_network_is_not_granted_to_a_foreign_origin()
    {
        var reply = await _app.SendAsync("OPTIONS", "/private-network",
            ("Origin", TestOrigins.Evil), (RequestMethod, "POST"), (RequestPrivateNetwork, "true"));

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Preflight_success_status_can_be_200()
    {
        var allowed = await _app.PreflightAsync("/preflight-200", TestOrigins.App, "POST");
        var refused = await _app.PreflightAsync("/preflight-200", TestOrigins.Evil, "POST");

        Assert.Equal(200, allowed.Status);
        Single(allowed, AllowOrigin, TestOrigins.App);
        Assert.Equal(403, refused.Status);
    }

    [Fact]
    public async Task Preflight_continue_runs_the_class_options_handler_after_the_cors_headers()
    {
        var reply = await _app.PreflightAsync("/continue", TestOrigins.App, "POST");

        // The handler owns the status: it set none, so 200, not the policy's 204.
        Assert.Equal(200, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.App);
        Single(reply, ContinueEndpoints.HandlerHeader, "ran");
    }

    [Theory]
    [InlineData("/continue-body", 200, "options-body")]
    [InlineData("/continue-status", 202, "accepted")]
    [InlineData("/group-continue/body", 200, "group-options-body")]
    public async Task Preflight_continue_handler_owns_the_status_and_may_write_a_body(string path, int status, string body)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.App, "POST");

        Assert.Equal(status, reply.Status);
        Assert.Equal(body, reply.Body);
        Single(reply, AllowOrigin, TestOrigins.App);
        Assert.Contains("Access-Control-Request-Method", Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Preflight_continue_never_hands_on_a_refused_preflight()
    {
        var reply = await _app.PreflightAsync("/continue", TestOrigins.Evil, "POST");

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
        Absent(reply, ContinueEndpoints.HandlerHeader);
    }

    [Theory]
    [InlineData("/group/orders", "POST", new[] { "POST" })]
    [InlineData("/group/orders/7", "DELETE", new[] { "GET", "DELETE" })]
    [InlineData("/group/v2/items", "PUT", new[] { "PUT" })]
    [InlineData("/hand-mapped", "POST", new[] { "POST" })]
    public async Task Group_preflights_allow_the_methods_mapped_at_each_pattern(string path, string method, string[] methods)
    {
        var reply = await _app.PreflightAsync(path, TestOrigins.Other, method, "x-partner-key");

        Assert.Equal(204, reply.Status);
        Single(reply, AllowOrigin, TestOrigins.Other);
        Single(reply, AllowCredentials, "true");
        Single(reply, MaxAge, "120");
        ListEquals(reply, AllowMethods, methods);
        PreflightVaryIsSent(reply);
    }

    [Theory]
    [InlineData("/group/orders", TestOrigins.Evil, "POST")]
    [InlineData("/group/orders", TestOrigins.Other, "DELETE")]     // not mapped at this pattern
    [InlineData("/group/orders/7", TestOrigins.Other, "PUT")]
    [InlineData("/hand-mapped", TestOrigins.App, "POST")]
    public async Task Group_preflights_refuse_what_the_policy_or_the_routes_do_not_allow(string path, string origin, string method)
    {
        var reply = await _app.PreflightAsync(path, origin, method);

        Assert.Equal(403, reply.Status);
        NoAccessControlHeaders(reply);
        PreflightVaryIsSent(reply);
    }

    [Fact]
    public async Task Group_preflight_is_anonymous_while_the_routes_require_authorization()
    {
        var preflight = await _app.PreflightAsync("/group/orders", TestOrigins.Other, "POST");
        var anonymous = await _app.ActualAsync("POST", "/group/orders", TestOrigins.Other);
        var signedIn = await _app.ActualAsync("POST", "/group/orders", TestOrigins.Other, (TestAuthHandler.UserHeader, "alice"));

        Assert.Equal(204, preflight.Status);
        Assert.Equal(401, anonymous.Status);
        Assert.Equal(200, signedIn.Status);
        Single(signedIn, AllowOrigin, TestOrigins.Other);
        Single(signedIn, AllowCredentials, "true");
    }

    [Fact]
    public async Task Group_route_with_DisableCors_metadata_gets_no_cors()
    {
        var actual = await _app.ActualAsync("GET", "/group/internal", TestOrigins.Other, (TestAuthHandler.UserHeader, "alice"));
        var preflight = await _app.PreflightAsync("/group/internal", TestOrigins.Other, "GET");

        Assert.Equal(200, actual.Status);
        NoAccessControlHeaders(actual);
        Assert.NotEqual(204, preflight.Status);
        NoAccessControlHeaders(preflight);
    }

    [Fact]
    public async Task Hand_mapped_route_gets_its_actual_response_headers()
    {
        var reply = await _app.ActualAsync("POST", "/hand-mapped", TestOrigins.Other);

        Assert.Equal(200, reply.Status);
        Assert.Equal("hand-mapped", reply.Body);
        Single(reply, AllowOrigin, TestOrigins.Other);
        Assert.Contains("Origin", Tokens(reply["Vary"]));
    }

    [Fact]
    public async Task Group_non_preflight_options_reaches_the_group_options_handler()
    {
        var reply = await _app.SendAsync("OPTIONS", "/group-continue/jobs");

        Assert.Equal(200, reply.Status);
        Single(reply, ContinueEndpoints.HandlerHeader, "group-ran");
        NoAccessControlHeaders(reply);
    }

    [Fact]
    public async Task Group_preflight_continue_runs_the_group_options_handler()
    {
        var allowed = await _app.PreflightAsync("/group-continue/jobs", TestOrigins.App, "POST");
        var refused = await _app.PreflightAsync("/group-continue/jobs", TestOrigins.Evil, "POST");

        Assert.Equal(200, allowed.Status);
        Single(allowed, AllowOrigin, TestOrigins.App);
        Single(allowed, ContinueEndpoints.HandlerHeader, "group-ran");
        Assert.Equal(403, refused.Status);
        Absent(refused, ContinueEndpoints.HandlerHeader);
    }
}

/// <summary>Origins from configuration: each test builds its own app with its own configuration.</summary>
public sealed class ConfiguredOriginTests
{
    private const string Staging = "https://staging.example.com";

    private static Task<CorsApp> StartAsync(params (string Key, string Value)[] settings) =>
        CorsApp.StartAsync(
            app => app.MapConfiguredEndpoints(),
            configure: builder => builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))));

    [Fact]
    public async Task Array_section_origins_are_allowed_next_to_compile_time_ones()
    {
        await using var app = await StartAsync(("Cors:AllowedOrigins:0", Staging), ("Cors:AllowedOrigins:1", "http://localhost:5173"));

        Assert.Equal(204, (await app.PreflightAsync("/configured", Staging, "POST")).Status);
        Assert.Equal(204, (await app.PreflightAsync("/configured", "http://localhost:5173", "POST")).Status);
        Assert.Equal(204, (await app.PreflightAsync("/configured", TestOrigins.App, "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/configured", TestOrigins.Evil, "POST")).Status);
        Single(await app.ActualAsync("POST", "/configured", Staging), AllowOrigin, Staging);
    }

    [Fact]
    public async Task A_separated_string_works_for_environment_variables()
    {
        await using var app = await StartAsync(("Cors:AllowedOrigins", Staging + ", https://qa.example.com;http://127.0.0.1:9000"));

        Assert.Equal(204, (await app.PreflightAsync("/configured", Staging, "POST")).Status);
        Assert.Equal(204, (await app.PreflightAsync("/configured", "https://qa.example.com", "POST")).Status);
        Assert.Equal(204, (await app.PreflightAsync("/configured", "http://127.0.0.1:9000", "POST")).Status);
    }

    [Fact]
    public async Task An_absent_key_allows_only_the_compile_time_origins()
    {
        await using var app = await StartAsync();

        Assert.Equal(204, (await app.PreflightAsync("/configured", TestOrigins.App, "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/configured", Staging, "POST")).Status);
    }

    [Fact]
    public async Task A_configuration_reload_replaces_the_origins_and_a_bad_reload_keeps_the_previous_ones()
    {
        var source = new ReloadableSource();
        source.Provider.Set("Cors:AllowedOrigins", Staging);
        await using var app = await CorsApp.StartAsync(
            app => app.MapConfiguredEndpoints(),
            configure: builder =>
            {
                ((IConfigurationBuilder)builder.Configuration).Add(source);
                builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
            });
        Assert.Equal(204, (await app.PreflightAsync("/configured", Staging, "POST")).Status);

        // A good reload: the new origin in, the old one out.
        source.Provider.Set("Cors:AllowedOrigins", "https://qa.example.com");
        source.Provider.Reload();
        Assert.Equal(204, (await app.PreflightAsync("/configured", "https://qa.example.com", "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/configured", Staging, "POST")).Status);

        // A bad reload is rejected: the previous origins stay, and the error names the key and the value.
        source.Provider.Set("Cors:AllowedOrigins", "https://QA.example.com/");
        source.Provider.Reload();
        Assert.Equal(204, (await app.PreflightAsync("/configured", "https://qa.example.com", "POST")).Status);
        Assert.Equal(204, (await app.PreflightAsync("/configured", TestOrigins.App, "POST")).Status);
        var rejected = Assert.Single(app.App.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "ConfiguredOriginsReloadRejected");
        Assert.Equal(LogLevel.Error, rejected.Level);
        Assert.Contains("Cors:AllowedOrigins", rejected.Message);
        Assert.Contains("https://QA.example.com/", rejected.Message);
    }

    [Fact]
    public async Task An_edited_appsettings_file_with_reloadOnChange_changes_the_origins()
    {
        var folder = Directory.CreateTempSubdirectory("corsgen-reload-").FullName;
        var file = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(file, $$"""{ "Cors": { "AllowedOrigins": [ "{{Staging}}" ] } }""");
        try
        {
            await using var app = await CorsApp.StartAsync(
                app => app.MapConfiguredEndpoints(),
                configure: builder => builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: true));
            Assert.Equal(204, (await app.PreflightAsync("/configured", Staging, "POST")).Status);

            await File.WriteAllTextAsync(file, """{ "Cors": { "AllowedOrigins": [ "https://qa.example.com" ] } }""");

            // The file watcher reports the edit asynchronously: wait for it, within a bound.
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while ((await app.PreflightAsync("/configured", "https://qa.example.com", "POST")).Status != 204 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal(204, (await app.PreflightAsync("/configured", "https://qa.example.com", "POST")).Status);
            Assert.Equal(403, (await app.PreflightAsync("/configured", Staging, "POST")).Status);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Requests_during_reloads_are_answered_from_the_old_or_the_new_set_and_none_fails()
    {
        const string Qa = "https://qa.example.com";
        var source = new ReloadableSource();
        source.Provider.Set("Cors:AllowedOrigins", Staging);
        await using var app = await CorsApp.StartAsync(
            app => app.MapConfiguredEndpoints(),
            configure: builder => ((IConfigurationBuilder)builder.Configuration).Add(source));

        using var stop = new CancellationTokenSource();
        var reloads = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // Alternating sets, and a bad value now and then that must change nothing.
                source.Provider.Set("Cors:AllowedOrigins", i % 5 == 4 ? "https://Bad.example.com/" : i % 2 == 0 ? Qa : Staging);
                source.Provider.Reload();
            }
        });
        var statuses = new System.Collections.Concurrent.ConcurrentBag<(string Origin, int Status)>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), async (i, _) =>
        {
            var origin = i % 3 == 0 ? Staging : i % 3 == 1 ? Qa : TestOrigins.Evil;
            statuses.Add((origin, (await app.PreflightAsync("/configured", origin, "POST")).Status));
        });
        stop.Cancel();
        await reloads;

        Assert.Equal(2000, statuses.Count);
        Assert.All(statuses, s => Assert.True(s.Origin == TestOrigins.Evil ? s.Status == 403 : s.Status is 204 or 403, $"{s.Origin} -> {s.Status}"));
        // Both sets were in force at some point while requests ran.
        Assert.Contains(statuses, s => s.Origin == Staging && s.Status == 204);
        Assert.Contains(statuses, s => s.Origin == Qa && s.Status == 204);
    }

    /// <summary>A configuration source whose values a test sets and reloads, as a file provider does on change.</summary>
    private sealed class ReloadableSource : IConfigurationSource
    {
        public ReloadableProvider Provider { get; } = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    private sealed class ReloadableProvider : ConfigurationProvider
    {
        public void Reload() => OnReload();
    }

    [Fact]
    public async Task An_absent_key_is_logged_as_information_not_as_a_warning()
    {
        await using var app = await CorsApp.StartAsync(
            app => app.MapConfiguredEndpoints(),
            configure: builder => builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));

        var records = app.App.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category == "CorsGen").ToList();
        var missing = Assert.Single(records, r => r.Id.Name == "ConfiguredOriginsMissing");
        Assert.Equal(LogLevel.Information, missing.Level);
        Assert.Contains("Cors:AllowedOrigins", missing.Message);
        Assert.DoesNotContain(records, r => r.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task Configured_origins_match_byte_for_byte()
    {
        await using var app = await StartAsync(("Cors:AllowedOrigins:0", Staging));

        Assert.Equal(403, (await app.PreflightAsync("/configured", "https://STAGING.example.com", "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/configured", Staging + ".evil.net", "POST")).Status);
        Assert.Equal(403, (await app.PreflightAsync("/configured", "https://x" + Staging[8..], "POST")).Status);
    }

    [Theory]
    [InlineData("https://staging.example.com/", "trailing slash")]
    [InlineData("https://Staging.example.com", "upper")]
    [InlineData("staging.example.com", "scheme")]
    [InlineData("https://staging.example.com:443", "port")]
    [InlineData("*", "\"*\" cannot come from configuration")]
    [InlineData("https://*.example.com", "subdomain patterns cannot come from configuration")]
    public async Task A_bad_entry_fails_start_up_naming_key_and_value(string value, string reason)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(("Cors:AllowedOrigins:0", TestOrigins.App), ("Cors:AllowedOrigins:1", value)));

        Assert.Contains("Cors:AllowedOrigins:1", error.Message);
        Assert.Contains(value, error.Message);
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
