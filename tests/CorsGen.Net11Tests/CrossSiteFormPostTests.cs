using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Net11Tests;

/// <summary>
/// Cross-site form posts to CorsGen routes on ASP.NET Core 11, whose automatic cross-origin protection
/// refuses them (400 from form binding) unless the endpoint's CORS policy trusts the origin with
/// credentials (dotnet/aspnetcore #66585). Requests carry the headers a browser sends.
/// </summary>
public sealed class CrossSiteFormPostTests : IAsyncLifetime
{
    private FormApp _app = null!;

    public async Task InitializeAsync() => _app = await FormApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void The_suite_runs_on_the_ASP_NET_Core_11_runtime()
    {
        Assert.Equal(11, Environment.Version.Major);
        Assert.Equal(11, typeof(ICsrfProtection).Assembly.GetName().Version!.Major);
    }

    [Theory]
    [InlineData("/credentialed/field", false, "field ada")]
    [InlineData("/credentialed/field", true, "field ada")]
    [InlineData("/credentialed/collection", false, "collection ada")]
    [InlineData("/credentialed/collection", true, "collection ada")]
    [InlineData("/credentialed/file", true, "file note.txt lovelace")]
    public async Task A_form_post_from_an_origin_the_class_allows_with_credentials_is_accepted(string path, bool multipart, string body)
    {
        var reply = await _app.PostAsync(path, FormOrigins.App, multipart: multipart);

        Assert.Equal(200, reply.Status);
        Assert.Equal(body, reply.Body);
        Assert.Equal(FormOrigins.App, reply.AllowOrigin);
    }

    [Theory]
    [InlineData("/credentialed/field", false)]
    [InlineData("/credentialed/field", true)]
    [InlineData("/credentialed/file", true)]
    [InlineData("/credentialed/collection", false)]
    public async Task A_form_post_from_any_other_origin_is_400(string path, bool multipart)
    {
        Assert.Equal(400, (await _app.PostAsync(path, FormOrigins.Evil, multipart: multipart)).Status);
        Assert.Equal(400, (await _app.PostAsync(path, FormOrigins.Evil, fetchSite: "same-site", multipart: multipart)).Status);
        Assert.Equal(400, (await _app.PostAsync(path, FormOrigins.Evil, fetchSite: null, multipart: multipart)).Status);
        Assert.Equal(400, (await _app.PostAsync(path, "null", multipart: multipart)).Status);
    }

    [Theory]
    [InlineData("/plain/field")]
    [InlineData("/plain/file")]
    [InlineData("/any/field")]
    [InlineData("/any/collection")]
    public async Task A_form_post_to_a_class_without_credentials_or_with_any_origin_is_400_even_from_an_allowed_origin(string path)
    {
        Assert.Equal(400, (await _app.PostAsync(path, FormOrigins.App)).Status);
        Assert.Equal(400, (await _app.PostAsync(path, FormOrigins.App, multipart: true)).Status);
    }

    [Fact]
    public async Task Configured_and_predicate_origins_of_a_credentialed_class_are_trusted_and_others_are_not()
    {
        Assert.Equal(200, (await _app.PostAsync("/configured/field", FormOrigins.Tenant)).Status);
        Assert.Equal(200, (await _app.PostAsync("/configured/field", "https://shop" + ConfiguredFormEndpoints.PartnerSuffix)).Status);
        Assert.Equal(400, (await _app.PostAsync("/configured/field", "http://shop" + ConfiguredFormEndpoints.PartnerSuffix)).Status);
        Assert.Equal(400, (await _app.PostAsync("/configured/field", FormOrigins.App)).Status);
    }

    [Fact]
    public async Task Two_origin_lines_are_not_trusted_even_when_each_is_allowed()
    {
        Assert.Equal(400, (await _app.PostAsync("/credentialed/field", [FormOrigins.App, FormOrigins.App])).Status);
    }

    [Theory]
    [InlineData("same-origin")]
    [InlineData("none")]
    public async Task Requests_the_framework_trusts_itself_keep_its_verdict(string fetchSite)
    {
        Assert.Equal(200, (await _app.PostAsync("/plain/field", FormOrigins.Evil, fetchSite)).Status);
        Assert.Equal(200, (await _app.PostAsync("/any/file", FormOrigins.Evil, fetchSite)).Status);
    }

    [Theory]
    [InlineData("/credentialed/json")]
    [InlineData("/plain/json")]
    [InlineData("/any/json")]
    public async Task JSON_routes_are_unchanged(string path)
    {
        var reply = await _app.PostAsync(path, FormOrigins.Evil);

        Assert.Equal(200, reply.Status);
        Assert.Equal("json tea 2", reply.Body);
    }

    /// <summary>The same requests to a CorsGen class and to the equivalent ASP.NET Core CORS policy get the same status.</summary>
    [Fact]
    public async Task Every_verdict_matches_ASP_NET_Cores_for_the_equivalent_CORS_policy()
    {
        var corsGenPaths = new Dictionary<string, string> { ["credentialed"] = "/credentialed", ["plain"] = "/plain", ["any"] = "/any" };
        var differences = new List<string>();
        foreach (var kind in FormApp.Kinds)
        {
            foreach (var route in new[] { "field", "file", "collection", "json" })
            {
                foreach (var origin in new[] { FormOrigins.App, FormOrigins.Evil, FormOrigins.Tenant, "null" })
                {
                    foreach (var fetchSite in new[] { "cross-site", "same-site", "same-origin", null })
                    {
                        var corsGen = await _app.PostAsync($"{corsGenPaths[kind]}/{route}", origin, fetchSite);
                        var aspNet = await _app.PostAsync($"/aspnet/{kind}/{route}", origin, fetchSite);
                        if (corsGen.Status != aspNet.Status)
                        {
                            differences.Add($"{kind}/{route} Origin={origin} Sec-Fetch-Site={fetchSite ?? "-"}: CorsGen {corsGen.Status}, ASP.NET Core {aspNet.Status}");
                        }
                    }
                }
            }
        }

        Assert.Empty(differences);
    }
}

/// <summary>What <c>AddCorsGen()</c> changes, and what it leaves to the framework.</summary>
public sealed class AddCorsGenTests
{
    [Fact]
    public async Task Without_AddCorsGen_the_framework_refuses_a_cross_site_form_post_that_the_class_allows()
    {
        await using var app = await FormApp.StartAsync(addCorsGen: false);

        Assert.Equal(400, (await app.PostAsync("/credentialed/field", FormOrigins.App)).Status);
        Assert.Equal(200, (await app.PostAsync("/aspnet/credentialed/field", FormOrigins.App)).Status);
    }

    [Fact]
    public async Task The_trust_can_be_turned_off_in_the_options()
    {
        await using var app = await FormApp.StartAsync(configure: builder => builder.Services.AddCorsGen(o => o.TrustCorsGenPoliciesForCsrfProtection = false));

        Assert.Equal(400, (await app.PostAsync("/credentialed/field", FormOrigins.App)).Status);
    }

    [Fact]
    public async Task The_registered_protection_is_decorated_not_replaced_and_only_once()
    {
        var own = new RecordingCsrfProtection(allow: false);
        await using var app = await FormApp.StartAsync(
            addCorsGen: false,
            configure: builder =>
            {
                builder.Services.AddSingleton<ICsrfProtection>(own);
                builder.Services.AddCorsGen();
                builder.Services.AddCorsGen();
            });

        // A route CorsGen does not know, and a CorsGen route whose policy does not trust the origin: the app's own verdict, asked once.
        Assert.Equal(400, (await app.PostAsync("/uncors/field", FormOrigins.App, "same-origin")).Status);
        Assert.Equal(400, (await app.PostAsync("/plain/field", FormOrigins.App, "same-origin")).Status);
        Assert.Equal(2, own.Calls);

        // Trusted by the CorsGen policy: allowed without asking the app's protection.
        Assert.Equal(200, (await app.PostAsync("/credentialed/field", FormOrigins.App)).Status);
        Assert.Equal(2, own.Calls);
    }

    [Fact]
    public async Task A_protection_that_allows_everything_keeps_doing_so_for_CorsGen_routes()
    {
        await using var app = await FormApp.StartAsync(
            addCorsGen: false,
            configure: builder =>
            {
                builder.Services.AddSingleton<ICsrfProtection>(new RecordingCsrfProtection(allow: true));
                builder.Services.AddCorsGen();
            });

        Assert.Equal(200, (await app.PostAsync("/any/field", FormOrigins.Evil)).Status);
    }

    /// <summary>
    /// The app-wide policy is trusted as ASP.NET Core trusts a credentialed default policy, for the routes it
    /// covers only: a route that is not a CorsGen route; CorsGen routes keep their own policy's verdict.
    /// </summary>
    [Fact]
    public async Task A_credentialed_app_wide_policy_is_trusted_for_the_routes_it_covers()
    {
        await using var app = await FormApp.StartAsync(pipeline: app => app.UseCorsGen(CredentialedAppWidePolicy.Policy));

        Assert.Equal(200, (await app.PostAsync("/uncors/field", FormOrigins.App)).Status);
        Assert.Equal(200, (await app.PostAsync("/uncors/field", FormOrigins.App, multipart: true)).Status);
        Assert.Equal(400, (await app.PostAsync("/uncors/field", FormOrigins.Evil)).Status);
        Assert.Equal(400, (await app.PostAsync("/plain/field", FormOrigins.App)).Status);
        Assert.Equal(200, (await app.PostAsync("/credentialed/field", FormOrigins.App)).Status);
    }

    [Fact]
    public async Task Without_AddCorsGen_the_app_wide_policy_is_not_trusted()
    {
        await using var app = await FormApp.StartAsync(addCorsGen: false, pipeline: app => app.UseCorsGen(CredentialedAppWidePolicy.Policy));

        Assert.Equal(400, (await app.PostAsync("/uncors/field", FormOrigins.App)).Status);
    }

    /// <summary>Why CORSGEN031 warns: the framework falls back to the default policy for CorsGen's routes too.</summary>
    [Fact]
    public async Task A_credentialed_default_CORS_policy_becomes_the_trust_list_of_every_CorsGen_route()
    {
        await using var app = await FormApp.StartAsync(configure: builder =>
#pragma warning disable CORSGEN031 // the default policy is the case under test
            builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins(FormOrigins.Evil).AllowCredentials())));
#pragma warning restore CORSGEN031

        Assert.Equal(200, (await app.PostAsync("/plain/field", FormOrigins.Evil)).Status);
        Assert.Equal(200, (await app.PostAsync("/credentialed/field", FormOrigins.Evil)).Status);
    }

    private sealed class RecordingCsrfProtection(bool allow) : ICsrfProtection
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<CsrfProtectionResult> ValidateAsync(HttpContext context)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult(allow ? CsrfProtectionResult.Allowed() : CsrfProtectionResult.Denied());
        }
    }
}
