using System.Diagnostics.Metrics;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests;

/// <summary>The <c>CorsGen</c> meter's <c>corsgen.requests</c> counter: one measurement per CORS decision, with bounded tags.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Every_decision_is_counted_once_with_its_kind_result_reason_policy_and_route()
    {
        await using var app = await CorsApp.StartAsync(
            a =>
            {
                a.MapSingleOriginEndpoints();
                a.MapCredentialsEndpoints();
            },
            beforeAuthentication: a => a.UseCorsGen(AppWidePolicy.Policy));
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");

        await app.PreflightAsync("/single", TestOrigins.App, "POST");                           // allowed
        await app.PreflightAsync("/single", TestOrigins.Evil, "POST");                          // origin
        await app.PreflightAsync("/single", TestOrigins.App, "DELETE");                         // method
        await app.PreflightAsync("/single", TestOrigins.App, "POST", "x-not-allowed");          // headers
        await app.PreflightAsync("/single", new StringValues([TestOrigins.App, TestOrigins.App]), "POST"); // malformed
        await app.ActualAsync("GET", "/single", TestOrigins.App);                               // actual allowed
        await app.ActualAsync("GET", "/single", TestOrigins.Evil);                              // actual refused
        await app.ActualAsync("GET", "/single");                                                // no Origin: no decision
        await app.PreflightAsync("/nowhere", TestOrigins.Other, "PATCH");                       // app-wide, allowed, no route

        var measurements = collector.GetMeasurementSnapshot();
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        var seen = measurements
            .Select(m => string.Join(" ", new[] { "corsgen.request.kind", "corsgen.result", "corsgen.refusal.reason", "corsgen.policy", "http.route" }
                .Select(tag => m.Tags.TryGetValue(tag, out var value) ? $"{tag}={value}" : $"{tag}=-")))
            .ToList();
        Assert.Equal(
        [
            "corsgen.request.kind=preflight corsgen.result=allowed corsgen.refusal.reason=- corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=preflight corsgen.result=refused corsgen.refusal.reason=origin corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=preflight corsgen.result=refused corsgen.refusal.reason=method corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=preflight corsgen.result=refused corsgen.refusal.reason=headers corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=preflight corsgen.result=refused corsgen.refusal.reason=malformed corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=actual corsgen.result=allowed corsgen.refusal.reason=- corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=actual corsgen.result=refused corsgen.refusal.reason=origin corsgen.policy=SingleOriginEndpoints.Get http.route=/single",
            "corsgen.request.kind=preflight corsgen.result=allowed corsgen.refusal.reason=- corsgen.policy=AppWidePolicy http.route=-",
        ],
        seen);
        Assert.DoesNotContain(measurements, m => m.Tags.Values.Contains(TestOrigins.App));
    }

    [Fact]
    public async Task Under_UseCorsGen_each_decision_is_counted_once_also_when_authorization_answers_first()
    {
        await using var app = await CorsApp.StartAsync(
            a => a.MapSecureEndpoints().RequireAuthorization(),
            beforeAuthentication: a => a.UseCorsGen());
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");

        var unauthorized = await app.ActualAsync("GET", "/secure/data", TestOrigins.App);
        var authorized = await app.ActualAsync("GET", "/secure/data", TestOrigins.App, (TestAuthHandler.UserHeader, "alice"));
        var foreign = await app.ActualAsync("GET", "/secure/data", TestOrigins.Evil, (TestAuthHandler.UserHeader, "alice"));

        Assert.Equal([401, 200, 200], new[] { unauthorized.Status, authorized.Status, foreign.Status });
        var results = collector.GetMeasurementSnapshot().Select(m => $"{m.Tags["corsgen.request.kind"]} {m.Tags["corsgen.result"]} {m.Value}").ToList();
        Assert.Equal(["actual allowed 1", "actual allowed 1", "actual refused 1"], results);
    }

    [Fact]
    public async Task A_policy_of_any_origin_with_credentials_reports_why_it_refuses_everything()
    {
        await using var app = await CorsApp.StartAsync(a => a.MapRefuseAllEndpoints());
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");

        await app.PreflightAsync("/refuse-all", TestOrigins.App, "GET");
        await app.ActualAsync("GET", "/refuse-all", TestOrigins.App);

        Assert.All(collector.GetMeasurementSnapshot(), m => Assert.Equal("any_origin_with_credentials", m.Tags["corsgen.refusal.reason"]));
        Assert.Equal(2, collector.GetMeasurementSnapshot().Count);
    }
}
