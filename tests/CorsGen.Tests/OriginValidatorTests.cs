using System.Diagnostics.Metrics;
using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Origin validators from the services ([AllowOriginValidator]): the synchronous form as a singleton, the
/// asynchronous form as a scoped service over a real SQLite file, through TestServer and Kestrel; failures,
/// timeouts and aborted requests refuse (never a 500), are logged and counted; the opt-in cache.
/// </summary>
public sealed class OriginValidatorTests : IDisposable
{
    private const string Outsider = "https://outsider.example.org";
    private readonly TenantDatabase _database = TenantDatabase.Create(TenantListValidator.Tenant);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database.Path);
    }

    internal static Task<CorsApp> StartAsync(
        TenantDatabase database,
        bool kestrel = false,
        Action<CorsGenOptions>? options = null,
        Action<WebApplication>? beforeAuthentication = null,
        bool registerValidators = true,
        bool debugLogs = true) =>
        CorsApp.StartAsync(
            app =>
            {
                app.MapSyncValidatorEndpoints();
                app.MapSqliteValidatorEndpoints();
                app.WithCors(ValidatedGroupPolicy.Policy).MapGet("/validator/group", () => "group");
            },
            kestrel,
            configure: builder =>
            {
                if (debugLogs)
                {
                    builder.Logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug);
                }

                builder.Services.AddCorsGen(o =>
                {
                    o.OriginValidatorTimeout = TimeSpan.FromMilliseconds(300);
                    options?.Invoke(o);
                });
                builder.Services.AddSingleton(database);
                builder.Services.AddScoped<TenantDbContext>();
                builder.Services.AddScoped<SqliteTenantValidator>();
                if (registerValidators)
                {
                    builder.Services.AddSingleton<TenantListValidator>();
                    builder.Services.AddSingleton<ScriptedValidator>();
                }
            },
            beforeAuthentication: beforeAuthentication);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_synchronous_singleton_validator_decides_what_the_compiled_origins_refuse(bool kestrel)
    {
        await using var app = await StartAsync(_database, kestrel);
        var validator = app.App.Services.GetRequiredService<TenantListValidator>();

        Allowed(await app.PreflightAsync("/validator/sync", TenantListValidator.Tenant, "PUT"), TenantListValidator.Tenant);
        Refused(await app.PreflightAsync("/validator/sync", Outsider, "PUT"));
        var actual = await app.ActualAsync("GET", "/validator/sync", TenantListValidator.Tenant);
        Single(actual, "Access-Control-Allow-Origin", TenantListValidator.Tenant);
        VaryOrigin(actual);
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/sync", Outsider));
        Assert.Equal(4, validator.Seen.Count);

        // Compiled origins first: the validator is not asked for them, nor for an origin that is not well formed.
        Allowed(await app.PreflightAsync("/validator/sync", TestOrigins.App, "PUT"), TestOrigins.App);
        Refused(await app.PreflightAsync("/validator/sync", "https://Tenant-A.example.org", "PUT"));
        Refused(await app.PreflightAsync("/validator/sync", "null", "PUT"));
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/sync", TenantListValidator.Tenant + "/"));
        Assert.Equal(4, validator.Seen.Count);

        // It sees the origin and the request's host, nothing else.
        var seen = validator.Seen.First();
        Assert.Equal(TenantListValidator.Tenant, seen.Origin);
        Assert.Equal(kestrel ? app.BaseAddress.Authority : "localhost", seen.Host);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_asynchronous_scoped_validator_reads_the_tenants_from_SQLite_per_request(bool kestrel)
    {
        await using var app = await StartAsync(_database, kestrel);
        const string Tenant = TenantListValidator.Tenant;
        var created = TenantDbContext.Created;
        var disposed = TenantDbContext.Disposed;

        Allowed(await app.PreflightAsync("/validator/sqlite", Tenant, "PUT"), Tenant);
        var actual = await app.ActualAsync("GET", "/validator/sqlite", Tenant);
        Single(actual, "Access-Control-Allow-Origin", Tenant);
        Single(actual, "Access-Control-Allow-Credentials", "true");
        Assert.Equal("sqlite", actual.Body);
        Refused(await app.PreflightAsync("/validator/sqlite", Outsider, "PUT"));
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/sqlite", Outsider));

        // A new tenant is allowed at once, a removed one refused at once: no cache by default.
        _database.Add(Outsider);
        Allowed(await app.PreflightAsync("/validator/sqlite", Outsider, "PUT"), Outsider);
        _database.Remove(Tenant);
        Refused(await app.PreflightAsync("/validator/sqlite", Tenant, "PUT"));
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/sqlite", Tenant));

        // One unit of work per request that asked the validator (the handlers take none), disposed with the request's scope.
        Assert.Equal(7, TenantDbContext.Created - created);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (TenantDbContext.Disposed - disposed < 7 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20); // a scope is disposed after its response is sent
        }

        Assert.Equal(7, TenantDbContext.Disposed - disposed);
        Assert.Contains(kestrel ? app.BaseAddress.Authority : "localhost", SqliteTenantValidator.Hosts);
    }

    [Fact]
    public async Task A_WithCors_policy_and_the_app_wide_policy_ask_their_validator()
    {
        await using var app = await StartAsync(_database, beforeAuthentication: a => a.UseCorsGen(ValidatedGroupPolicy.Policy));
        var validator = app.App.Services.GetRequiredService<TenantListValidator>();

        Allowed(await app.PreflightAsync("/validator/group", TenantListValidator.Tenant, "PATCH"), TenantListValidator.Tenant);
        Refused(await app.PreflightAsync("/validator/group", Outsider, "PATCH"));
        Single(await app.ActualAsync("GET", "/validator/group", TenantListValidator.Tenant), "Access-Control-Allow-Origin", TenantListValidator.Tenant);
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/group", Outsider));
        Allowed(await app.PreflightAsync("/validator/group", TestOrigins.Other, "PATCH"), TestOrigins.Other);

        // The app-wide policy: a preflight no route answers, and the headers of a 404.
        Allowed(await app.PreflightAsync("/nowhere", TenantListValidator.Tenant, "PATCH"), TenantListValidator.Tenant);
        var notFound = await app.ActualAsync("GET", "/nowhere", TenantListValidator.Tenant);
        Assert.Equal(404, notFound.Status);
        Single(notFound, "Access-Control-Allow-Origin", TenantListValidator.Tenant);
        Refused(await app.PreflightAsync("/nowhere", Outsider, "PATCH"));
        Assert.Equal(7, validator.Seen.Count); // not for the compiled origin
    }

    [Fact]
    public async Task Under_UseCorsGen_an_actual_request_asks_the_validator_once()
    {
        await using var app = await StartAsync(_database, beforeAuthentication: a => a.UseCorsGen());
        var validator = app.App.Services.GetRequiredService<TenantListValidator>();

        for (var i = 0; i < 3; i++)
        {
            Single(await app.ActualAsync("GET", "/validator/sync", TenantListValidator.Tenant), "Access-Control-Allow-Origin", TenantListValidator.Tenant);
        }

        Assert.Equal(3, validator.Seen.Count);
    }

    [Theory]
    [InlineData("/validator/sync", TenantListValidator.Tenant, 200)]
    [InlineData("/validator/sync", Outsider, 403)]
    [InlineData("/validator/scripted", ScriptedValidator.AsyncYes, 200)]
    [InlineData("/validator/scripted", ScriptedValidator.ThrowsAsync, 403)]
    public async Task A_WebSocket_handshake_from_a_validated_origin_goes_on_and_another_is_refused(string path, string origin, int status)
    {
        await using var app = await StartAsync(_database);
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");

        var reply = await app.ActualAsync("GET", path, origin, ("Connection", "Upgrade"), ("Upgrade", "websocket"));

        // The routes are no WebSocket endpoints: an allowed handshake reaches the handler (200), a refused one never does.
        Assert.Equal(status, reply.Status);
        NoAccessControlHeaders(reply);
        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal("websocket", measurement.Tags["corsgen.request.kind"]);
        Assert.Equal(status == 200 ? "allowed" : "refused", measurement.Tags["corsgen.result"]);
    }

    [Theory]
    [InlineData("PUT", ScriptedValidator.AsyncYes, 204)]
    [InlineData("PUT", ScriptedValidator.SyncYes, 204)]
    [InlineData("PUT", ScriptedValidator.AsyncNo, 403)]
    public async Task An_asynchronous_validator_answers_preflights_and_actual_requests(string method, string origin, int status)
    {
        await using var app = await StartAsync(_database);

        var preflight = await app.PreflightAsync("/validator/scripted", origin, method);
        Assert.Equal(status, preflight.Status);
        Assert.Equal(status == 204, preflight.Headers.ContainsKey("Access-Control-Allow-Origin"));
        var actual = await app.ActualAsync("GET", "/validator/scripted", origin);
        Assert.Equal(200, actual.Status);
        Assert.Equal(status == 204, actual.Headers.ContainsKey("Access-Control-Allow-Origin"));

        // [PreflightContinue]: the OPTIONS handler runs after an allowed answer only, synchronous or not.
        var continued = await app.PreflightAsync("/validator/continue", origin, "PUT");
        Assert.Equal(status == 204 ? 200 : 403, continued.Status);
        Assert.Equal(status == 204, continued.Headers.ContainsKey(ContinueEndpoints.HandlerHeader));
    }

    [Theory]
    [InlineData("/validator/sync", TenantListValidator.Throws)]
    [InlineData("/validator/scripted", ScriptedValidator.ThrowsSync)]
    [InlineData("/validator/scripted", ScriptedValidator.ThrowsAsync)]
    public async Task A_validator_that_throws_refuses_logs_and_counts_never_a_500(string path, string origin)
    {
        await using var app = await StartAsync(_database);
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");

        Refused(await app.PreflightAsync(path, origin, "PUT"));
        var actual = await app.ActualAsync("GET", path, origin);
        Assert.Equal(200, actual.Status);
        ActualWithoutCors(actual);

        var logged = app.App.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Id.Name == "OriginValidatorFailed").ToList();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, r => Assert.Equal(LogLevel.Warning, r.Level));
        Assert.All(logged, r => Assert.IsType<InvalidOperationException>(r.Exception));
        Assert.Equal(2, collector.GetMeasurementSnapshot().Count(m => Equals(m.Tags["corsgen.refusal.reason"], "origin_validator_error")));
    }

    [Theory]
    [InlineData(ScriptedValidator.Hangs)]
    [InlineData(ScriptedValidator.IgnoresToken)]
    public async Task A_validator_that_does_not_answer_in_time_refuses_and_its_token_is_canceled(string origin)
    {
        await using var app = await StartAsync(_database);
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");
        var validator = app.App.Services.GetRequiredService<ScriptedValidator>();
        validator.Reset();

        // The validator ignoring its token waits 30 s: the refusal comes at the 300 ms timeout regardless.
        var preflight = app.PreflightAsync("/validator/scripted", origin, "PUT");
        Assert.Same(preflight, await Task.WhenAny(preflight, Task.Delay(TimeSpan.FromSeconds(15))));
        Refused(await preflight);
        ActualWithoutCors(await app.ActualAsync("GET", "/validator/scripted", origin));

        if (origin == ScriptedValidator.Hangs)
        {
            Assert.True(await validator.SawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        }

        Assert.Equal(2, app.App.Services.GetFakeLogCollector().GetSnapshot().Count(r => r.Id.Name == "OriginValidatorTimedOut"));
        Assert.Equal(2, collector.GetMeasurementSnapshot().Count(m => Equals(m.Tags["corsgen.refusal.reason"], "origin_validator_timeout")));
    }

    [Fact]
    public async Task An_aborted_request_cancels_the_validator_and_is_refused()
    {
        await using var app = await StartAsync(_database, options: o => o.OriginValidatorTimeout = Timeout.InfiniteTimeSpan);
        using var collector = new MetricCollector<long>(app.App.Services.GetRequiredService<IMeterFactory>(), "CorsGen", "corsgen.requests");
        var validator = app.App.Services.GetRequiredService<ScriptedValidator>();
        validator.Reset();

        using var abort = new CancellationTokenSource();
        var request = app.Server.SendAsync(
            c =>
            {
                c.Request.Method = HttpMethods.Options;
                c.Request.Path = "/validator/scripted";
                c.Request.Headers.Origin = ScriptedValidator.Hangs;
                c.Request.Headers.AccessControlRequestMethod = "PUT";
            },
            abort.Token);
        await validator.Started.Task.WaitAsync(TimeSpan.FromSeconds(15));
        abort.Cancel();
        try
        {
            await request; // TestServer may complete the aborted request or throw: either way no answer reaches a client
        }
        catch (OperationCanceledException)
        {
        }

        Assert.True(await validator.SawCancellation.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        await collector.WaitForMeasurementsAsync(1, TimeSpan.FromSeconds(15));
        var measurement = Assert.Single(collector.GetMeasurementSnapshot());
        Assert.Equal("origin_validator_canceled", measurement.Tags["corsgen.refusal.reason"]);
        Assert.Contains(app.App.Services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "OriginValidatorCanceled");
    }

    [Fact]
    public async Task An_unregistered_validator_is_a_start_up_error_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(_database, registerValidators: false));

        Assert.Matches($"The origin validator CorsGen.Tests.Endpoints.({nameof(TenantListValidator)}|{nameof(ScriptedValidator)}) of SyncValidatorEndpoints.* is not registered", error.Message);
        Assert.Contains("builder.Services.AddSingleton<", error.Message);
    }

    [Fact]
    public async Task The_CORS_surface_names_the_validator_of_a_route_and_of_a_WithCors_group()
    {
        await using var app = await StartAsync(_database);

        var surface = CorsSurface.Describe(app.App);

        Assert.Contains("origin-validator CorsGen.Tests.Endpoints.TenantListValidator", surface);
        Assert.Contains("origin-validator CorsGen.Tests.Endpoints.SqliteTenantValidator", surface);
        Assert.Contains("route GET /validator/group -> ValidatedGroupPolicy", surface);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task A_timeout_that_is_not_positive_is_a_start_up_error(int milliseconds)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            StartAsync(_database, options: o => o.OriginValidatorTimeout = TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Contains("OriginValidatorTimeout", error.Message);
    }

    [Fact]
    public async Task The_opt_in_cache_keeps_allowed_and_refused_answers_for_their_time_to_live_but_not_failures()
    {
        await using var app = await StartAsync(
            _database,
            options: o => o.OriginValidatorCache = new OriginValidatorCacheOptions { MaxEntries = 100, TimeToLive = TimeSpan.FromMilliseconds(500) });
        var validator = app.App.Services.GetRequiredService<ScriptedValidator>();
        validator.Reset();

        for (var i = 0; i < 3; i++)
        {
            Allowed(await app.PreflightAsync("/validator/scripted", ScriptedValidator.AsyncYes, "PUT"), ScriptedValidator.AsyncYes);
            Refused(await app.PreflightAsync("/validator/scripted", ScriptedValidator.AsyncNo, "PUT"));
            Refused(await app.PreflightAsync("/validator/scripted", ScriptedValidator.ThrowsAsync, "PUT"));
        }

        Assert.Equal(1, validator.Seen.Count(o => o == ScriptedValidator.AsyncYes));
        Assert.Equal(1, validator.Seen.Count(o => o == ScriptedValidator.AsyncNo));
        Assert.Equal(3, validator.Seen.Count(o => o == ScriptedValidator.ThrowsAsync));

        // After the time to live the validator is asked again.
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Allowed(await app.PreflightAsync("/validator/scripted", ScriptedValidator.AsyncYes, "PUT"), ScriptedValidator.AsyncYes);
        Assert.Equal(2, validator.Seen.Count(o => o == ScriptedValidator.AsyncYes));
    }

    [Fact]
    public async Task The_cache_is_keyed_by_host_as_well_as_origin()
    {
        await using var app = await StartAsync(
            _database,
            options: o => o.OriginValidatorCache = new OriginValidatorCacheOptions { MaxEntries = 100, TimeToLive = TimeSpan.FromMinutes(1) });
        var validator = app.App.Services.GetRequiredService<TenantListValidator>();

        foreach (var host in new[] { "a.example.com", "b.example.com", "a.example.com" })
        {
            await app.SendAsync("OPTIONS", "/validator/sync", ("Origin", TenantListValidator.Tenant), ("Access-Control-Request-Method", "PUT"), ("Host", host));
        }

        Assert.Equal(["a.example.com", "b.example.com"], validator.Seen.Select(s => s.Host));
    }

    [Fact]
    public async Task Random_origins_cannot_grow_the_cache_past_its_limit()
    {
        const int Limit = 64;
        const int Flood = 5000;
        await using var app = await StartAsync(
            _database,
            options: o => o.OriginValidatorCache = new OriginValidatorCacheOptions { MaxEntries = Limit, TimeToLive = TimeSpan.FromMinutes(10) });
        var validator = app.App.Services.GetRequiredService<TenantListValidator>();
        var handler = EndpointLookup.FindPreflight(app.App.Services, "/validator/sync").RequestDelegate!;
        var origins = Enumerable.Range(0, Flood).Select(_ => $"https://{Guid.NewGuid():N}.example.org").ToArray();

        async Task AskAllAsync()
        {
            foreach (var origin in origins)
            {
                var context = new DefaultHttpContext { RequestServices = app.App.Services };
                context.Request.Method = HttpMethods.Options;
                context.Request.Headers.Origin = origin;
                context.Request.Headers.AccessControlRequestMethod = "PUT";
                await handler(context);
                Assert.Equal(403, context.Response.StatusCode);
            }
        }

        await AskAllAsync();
        Assert.Equal(Flood, validator.Seen.Count);

        // Asked again, every origin the cache did not keep reaches the validator: at most Limit were kept.
        // Which ones survive (possibly none) is up to MemoryCache's background compaction, so only the bound
        // is asserted; that answers are kept at all is the time-to-live test's.
        await AskAllAsync();
        var answeredFromCache = (2 * Flood) - validator.Seen.Count;
        Assert.InRange(answeredFromCache, 0, Limit);
    }
}
