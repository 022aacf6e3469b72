using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CorsGen.Tests.AllocationTests;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>An app with origin validators, started once for the allocation tests.</summary>
public sealed class ValidatorAppFixture : IAsyncLifetime
{
    private readonly TenantDatabase _database = TenantDatabase.Create(TenantListValidator.Tenant);

    public CorsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await OriginValidatorTests.StartAsync(_database, debugLogs: false); // a Debug log of each refusal would allocate

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database.Path);
    }
}

/// <summary>
/// The paths of a policy with an origin validator that must stay allocation-free: the compiled origins decide
/// (the validator is not asked), the synchronous form answers, and the asynchronous form completes synchronously
/// (its timeout's token source is pooled). Same measurement as <see cref="AllocationTests"/>.
/// </summary>
public sealed class OriginValidatorAllocationTests(ValidatorAppFixture fixture, ITestOutputHelper output) : IClassFixture<ValidatorAppFixture>
{
    private const int Iterations = 2000;
    private readonly CorsApp _app = fixture.App;

    public static TheoryData<string, string, int, bool> Preflights => new()
    {
        { "/validator/sync", TestOrigins.App, 204, false },              // compiled first: not asked
        { "/validator/sync", TenantListValidator.Tenant, 204, true },    // synchronous form, allowed
        { "/validator/sync", "https://outsider.example.org", 403, true }, // synchronous form, refused
        { "/validator/sync", "https://Outsider.example.org", 403, false }, // not well formed: not asked
        { "/validator/scripted", ScriptedValidator.SyncYes, 204, false }, // asynchronous form, completed synchronously
        { "/validator/scripted", TestOrigins.App, 204, false },
    };

    [Theory]
    [MemberData(nameof(Preflights))]
    public void A_validator_policy_preflight_allocates_nothing_when_the_answer_is_synchronous(string path, string origin, int status, bool asksListValidator)
    {
        var listValidator = _app.App.Services.GetRequiredService<TenantListValidator>();
        listValidator.Records = false;
        var handler = EndpointLookup.FindPreflight(_app.App.Services, path).RequestDelegate!;
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Request.Method = HttpMethods.Options;
        context.Request.Path = path;
        context.Request.Headers.Origin = origin;
        context.Request.Headers.AccessControlRequestMethod = "PUT";
        var response = context.Response;
        void Request()
        {
            response.Headers.Clear();
            response.StatusCode = 200;
            Run(handler, context);
        }

        var calls = listValidator.Calls;
        var bytes = Measure(Request);
        var (listenedBytes, _) = MeasureWithMetricsListener(Request);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(status == 204, response.Headers.ContainsKey(AllowOrigin));
        Assert.Equal(asksListValidator, listValidator.Calls > calls);
        Assert.True(bytes == 0, $"preflight {path} Origin={origin} -> {status}: {bytes} bytes in {Iterations} requests ({(double)bytes / Iterations:0.#} B/request)");
        Assert.True(listenedBytes == 0, $"preflight {path} with a corsgen.requests listener: {listenedBytes} bytes");
    }

    public static TheoryData<string, string> ActualRequests => new()
    {
        { "/validator/sync", TestOrigins.App },
        { "/validator/sync", TenantListValidator.Tenant },
        { "/validator/sync", "https://outsider.example.org" },
        { "/validator/scripted", ScriptedValidator.SyncYes },
    };

    /// <summary>CorsGen's share of an actual request: the validator policy's GET against a [DisableCors] DELETE with the same handler shape.</summary>
    [Theory]
    [MemberData(nameof(ActualRequests))]
    public void A_validator_policy_actual_request_allocates_nothing_when_the_answer_is_synchronous(string path, string origin)
    {
        _app.App.Services.GetRequiredService<TenantListValidator>().Records = false;
        var cors = MeasureActual(EndpointLookup.Find(_app.App.Services, path, "GET"), origin, out var corsHeaders);
        var baseline = MeasureActual(EndpointLookup.Find(_app.App.Services, "/validator/sync", "DELETE"), origin, out _);

        output.WriteLine($"GET {path} (validator policy): {cors} B, DELETE /validator/sync ([DisableCors]): {baseline} B, over {Iterations} requests");
        Assert.Equal(origin != "https://outsider.example.org", corsHeaders.ContainsKey(AllowOrigin));
        Assert.True(cors - baseline <= 0, $"actual GET {path} Origin={origin}: {cors} bytes vs {baseline} bytes without CORS ({(double)(cors - baseline) / Iterations:0.#} B/request by CorsGen)");
    }

    private long MeasureActual(Microsoft.AspNetCore.Routing.RouteEndpoint endpoint, string origin, out IHeaderDictionary headers)
    {
        var handler = endpoint.RequestDelegate!;
        var feature = new StartingResponseFeature();
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };
        context.Features.Set<IHttpResponseFeature>(feature);
        context.Request.Method = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()!.HttpMethods[0];
        context.Request.Headers.Origin = origin;
        context.SetEndpoint(endpoint);
        var bytes = Measure(() =>
        {
            feature.Reset();
            Run(handler, context);
            feature.Start();
        });
        Assert.Equal(200, feature.StatusCode);
        headers = feature.Headers;
        return bytes;
    }
}
