using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>The ASP.NET Core CORS rules of issue 17: CORSGEN035 to 041 and CORSGEN020/021 on WithOrigins.</summary>
public sealed class AspNetCoreCorsRulesTests
{
    /// <summary>A program that registers the policy "spa" configured by <paramref name="policy"/> and applies it globally.</summary>
    private static string PolicyProgram(string policy) => $$"""
        using System.Text.RegularExpressions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("spa", policy => {{policy}}));
        var app = builder.Build();
        app.UseCors("spa");
        app.Run();
        """;

    // ---------------------------------------------------------------- CORSGEN035

    [Theory]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin.[|StartsWith("http://localhost")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin.[|Contains("example.com")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => new Uri(origin).Host.[|EndsWith("example.com")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin.[|IndexOf("example")|] >= 0).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => Regex.[|IsMatch(origin, "example\\.com")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => Regex.[|IsMatch(origin, "^https://.*example.com$")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => { var host = new Uri(origin).Host; if (host.[|StartsWith("localhost")|]) return true; return host == "app.example.com"; }).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin == "https://app.example.com" || origin.[|StartsWith("https://app.example.com")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => new[] { "https://a.example.com" }.Any(o => origin.[|StartsWith(o)|])).AllowCredentials()""")]
    public async Task CORSGEN035_loose_predicate_with_credentials(string policy)
    {
        await VerifyAsync(PolicyProgram(policy), "CORSGEN035");
    }

    [Fact]
    public async Task CORSGEN035_message_names_an_origin_that_passes()
    {
        var run = await VerifyAsync(PolicyProgram("""policy.SetIsOriginAllowed(origin => origin.[|StartsWith("https://localhost")|]).AllowCredentials()"""), "CORSGEN035");
        Assert.Contains("'https://localhost.evil.example' passes it", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("no credentials", """policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost"))""")]
    [InlineData("exact list", """policy.SetIsOriginAllowed(origin => new[] { "https://app.example.com" }.Contains(origin)).AllowCredentials()""")]
    [InlineData("exact host", """policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "localhost").AllowCredentials()""")]
    [InlineData("a subdomain suffix with its dot", """policy.SetIsOriginAllowed(origin => origin.EndsWith(".example.com")).AllowCredentials()""")]
    [InlineData("loopback with any port", """policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost:")).AllowCredentials()""")]
    [InlineData("anchored pattern", """policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, "^https://[a-z0-9-]+\\.example\\.com$")).AllowCredentials()""")]
    [InlineData("an exact check and a loose one", """policy.SetIsOriginAllowed(origin => origin.StartsWith("https://") && new[] { "https://app.example.com" }.Contains(origin)).AllowCredentials()""")]
    [InlineData("replaced by a later WithOrigins list? no: a later predicate", """policy.SetIsOriginAllowed(origin => origin.Contains("x")).SetIsOriginAllowedToAllowWildcardSubdomains().WithOrigins("https://*.example.com").AllowCredentials()""")]
    [InlineData("credentials dropped later", """policy.SetIsOriginAllowed(origin => origin.Contains("x")).AllowCredentials().DisallowCredentials()""")]
    public async Task CORSGEN035_not_reported(string because, string policy)
    {
        _ = because;
        await VerifyAsync(PolicyProgram(policy));
    }

    [Fact]
    public async Task CORSGEN035_on_a_method_group_predicate()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy.SetIsOriginAllowed(Origins.IsAllowed).AllowCredentials()));
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();

            static class Origins
            {
                public static bool IsAllowed(string origin) => origin.[|Contains("localhost")|];
            }
            """, "CORSGEN035");
    }

    // ---------------------------------------------------------------- CORSGEN036

    [Theory]
    [InlineData("""policy.WithOrigins([|"https://*.vercel.app"|]).SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()""")]
    [InlineData("""policy.WithOrigins("https://app.example.com", [|"https://*.ngrok-free.app"|]).SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin == "https://app.example.com" || origin.[|EndsWith(".azurecontainerapps.io")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => new Uri(origin).Host.[|EndsWith(".github.io")|]).AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => Regex.[|IsMatch(origin, "^https://[a-z0-9-]+\\.herokuapp\\.com$")|]).AllowCredentials()""")]
    [InlineData("""policy.WithOrigins([|"https://*.eastus.azurecontainer.io"|]).SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()""")]
    public async Task CORSGEN036_shared_hosting_suffix_with_credentials(string policy)
    {
        await VerifyAsync(PolicyProgram(policy), "CORSGEN036");
    }

    [Theory]
    [InlineData("exact deployment", """policy.WithOrigins("https://myapp.vercel.app").AllowCredentials()""")]
    [InlineData("no credentials", """policy.WithOrigins("https://*.vercel.app").SetIsOriginAllowedToAllowWildcardSubdomains()""")]
    [InlineData("own subdomain of a shared suffix", """policy.WithOrigins("https://*.myapp.vercel.app").SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()""")]
    [InlineData("own domain", """policy.WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials()""")]
    public async Task CORSGEN036_not_reported(string because, string policy)
    {
        _ = because;
        await VerifyAsync(PolicyProgram(policy));
    }

    [Fact]
    public async Task CORSGEN036_on_CorsGen_AllowOrigins_pattern_with_credentials()
    {
        var run = await VerifyAsync("""
            [CorsGen.AllowOrigins("https://app.example.com", [|"https://*.netlify.app"|])]
            [CorsGen.AllowCredentials]
            static partial class AccountEndpoints
            {
                [CorsGen.MapGet("/me")]
                public static string Me() => "me";
            }
            """, "CORSGEN036");
        Assert.Contains("'netlify.app'", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN036_not_reported_on_CorsGen_pattern_without_credentials()
    {
        await VerifyAsync("""
            [CorsGen.AllowOrigins("https://*.netlify.app")]
            static partial class PublicEndpoints
            {
                [CorsGen.MapGet("/items")]
                public static string Items() => "items";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN020, 021 on WithOrigins

    [Fact]
    public async Task CORSGEN020_WithOrigins_null_with_credentials()
    {
        await VerifyAsync(PolicyProgram("""policy.WithOrigins("https://app.example.com", [|"null"|]).AllowCredentials()"""), "CORSGEN020");
    }

    [Theory]
    [InlineData("""policy.WithOrigins("https://app.example.com", [|"http://app.example.com"|]).AllowCredentials()""")]
    [InlineData("""policy.WithOrigins("https://app.example.com", [|"http://192.168.1.20:3000"|]).AllowCredentials()""")]
    public async Task CORSGEN021_plain_http_with_credentials(string policy)
    {
        await VerifyAsync(PolicyProgram(policy), "CORSGEN021");
    }

    [Theory]
    [InlineData("""policy.WithOrigins("https://app.example.com", "http://localhost:5173", "http://127.0.0.1:5173").AllowCredentials()""")]
    [InlineData("""policy.WithOrigins("https://app.example.com", "http://app.example.com")""")]
    [InlineData("""policy.WithOrigins("null")""")]
    [InlineData("""policy.WithOrigins("null").AllowAnyOrigin()""")]
    public async Task CORSGEN020_021_not_reported(string policy)
    {
        await VerifyAsync(PolicyProgram(policy));
    }

    [Fact]
    public async Task CORSGEN021_not_reported_for_loopback_in_Development()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", policy =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    policy.WithOrigins("http://localhost:3000", "https://localhost:3001");
                }
                else
                {
                    policy.WithOrigins("https://app.example.com");
                }

                policy.AllowCredentials().AllowAnyHeader();
            }));
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();
            """);
    }

    // ---------------------------------------------------------------- CORSGEN037

    [Fact]
    public async Task CORSGEN037_UseCors_before_UseRouting_with_RequireCors()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            [|app.UseCors()|];
            app.UseRouting();
            app.MapGet("/a", () => "a").RequireCors("spa");
            app.Run();
            """, "CORSGEN037");
    }

    [Theory]
    [InlineData("after routing", "app.UseRouting(); app.UseCors();")]
    [InlineData("no explicit routing", "app.UseCors();")]
    public async Task CORSGEN037_not_reported(string because, string pipeline)
    {
        _ = because;
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            {{pipeline}}
            app.MapGet("/a", () => "a").RequireCors("spa");
            app.Run();
            """);
    }

    [Fact]
    public async Task CORSGEN037_not_reported_for_a_global_policy_without_endpoint_metadata()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors("spa");
            app.UseRouting();
            app.MapGet("/a", () => "a");
            app.Run();
            """);
    }

    // ---------------------------------------------------------------- CORSGEN038, 039

    [Fact]
    public async Task CORSGEN038_and_039_misspelt_policy_name()
    {
        var run = await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy({|CORSGEN039:"AllowAllOrigins"|}, p => p.AllowAnyOrigin()));
            var app = builder.Build();
            app.UseCors({|CORSGEN038:"AllowAllOrigin"|});
            app.Run();
            """);
        Assert.Contains("did you mean \"AllowAllOrigins\"?", run.WithId("CORSGEN038").Single().GetMessage());
    }

    [Fact]
    public async Task CORSGEN038_case_differs_and_EnableCors()
    {
        var run = await VerifyAsync("""
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/a", () => "a").RequireCors("Spa");
            app.MapGet("/b", Handlers.Get);
            app.Run();

            static class Handlers
            {
                [{|CORSGEN038:EnableCors("spa")|}]
                public static string Get() => "b";
            }
            """);
        Assert.Contains("compared case-sensitively", run.WithId("CORSGEN038").Single().GetMessage());
    }

    [Fact]
    public async Task CORSGEN039_named_policy_with_UseCors_without_a_name()
    {
        var run = await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy([|"CorsPolicy"|], p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors();
            app.Run();
            """, "CORSGEN039");
        Assert.Contains("UseCors() without a name applies only the default policy", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("names from configuration", """var name = builder.Configuration["Cors:Policy"]!; builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com"))); var app = builder.Build(); app.UseCors(name);""")]
    [InlineData("a constant field", """builder.Services.AddCors(o => o.AddPolicy(Names.Spa, p => p.WithOrigins("https://app.example.com"))); var app = builder.Build(); app.UseCors(Names.Spa);""")]
    [InlineData("no use of CORS at all (a library registering)", """builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com"))); var app = builder.Build();""")]
    public async Task CORSGEN038_039_not_reported(string because, string program)
    {
        _ = because;
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            {{program}}
            app.Run();

            static class Names
            {
                public const string Spa = "spa";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN040

    [Theory]
    [InlineData("""options.[|AddPolicy("spa", p => p.AllowAnyHeader().AllowAnyMethod().AllowCredentials())|]""")]
    [InlineData("""options.[|AddDefaultPolicy(p => p.SetIsOriginAllowedToAllowWildcardSubdomains().AllowAnyHeader())|]""")]
    public async Task CORSGEN040_policy_allows_no_origin(string addPolicy)
    {
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => {{addPolicy}});
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();
            """.Replace("app.UseCors(\"spa\")", addPolicy.Contains("Default") ? "app.UseCors()" : "app.UseCors(\"spa\")"), "CORSGEN040");
    }

    [Theory]
    [InlineData("""options.AddPolicy("spa", p => p.WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!).AllowCredentials())""")]
    [InlineData("""options.AddPolicy("spa", p => { if (builder.Environment.IsDevelopment()) p.WithOrigins("http://localhost:3000"); p.AllowAnyHeader(); })""")]
    [InlineData("""options.AddPolicy("spa", p => Configure(p.AllowAnyHeader()))""")]
    public async Task CORSGEN040_not_reported(string addPolicy)
    {
        await VerifyAsync($$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => {{addPolicy}});
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();

            static void Configure(CorsPolicyBuilder policy) => policy.WithOrigins("https://app.example.com");
            """);
    }

    // ---------------------------------------------------------------- CORSGEN041

    [Theory]
    [InlineData("""[|headers["Access-Control-Allow-Origin"] = "*"|]; headers["Access-Control-Allow-Credentials"] = "true";""")]
    [InlineData("""headers.Append("Access-Control-Allow-Credentials", "true"); [|headers.Append("Access-Control-Allow-Origin", "*")|];""")]
    [InlineData("""[|headers.AccessControlAllowOrigin = "*"|]; headers.AccessControlAllowCredentials = "true";""")]
    public async Task CORSGEN041_hand_written_wildcard_with_credentials(string statements)
    {
        await VerifyAsync($$"""
            public static class CorsMiddleware
            {
                public static void Write(HttpContext context)
                {
                    var headers = context.Response.Headers;
                    {{statements}}
                }
            }
            """, "CORSGEN041");
    }

    [Theory]
    [InlineData("""headers["Access-Control-Allow-Origin"] = "*";""")]
    [InlineData("""headers["Access-Control-Allow-Origin"] = "https://app.example.com"; headers["Access-Control-Allow-Credentials"] = "true";""")]
    public async Task CORSGEN041_not_reported(string statements)
    {
        await VerifyAsync($$"""
            public static class CorsMiddleware
            {
                public static void Write(HttpContext context)
                {
                    var headers = context.Response.Headers;
                    {{statements}}
                }
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN017 (issue 17)

    [Theory]
    [InlineData("[CorsGen.AllowOriginsFromConfiguration(\"Cors:Origins\")]")]
    [InlineData("[CorsGen.AllowOriginPredicate(typeof(Trust), nameof(Trust.IsTrusted))]")]
    public async Task CORSGEN017_sees_CorsGen_policies_whose_origins_are_configured_or_a_predicate(string attribute)
    {
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            [|app.UseCors("spa")|];
            app.Run();

            static class Trust
            {
                public static bool IsTrusted(string origin) => origin == "https://app.example.com";
            }

            {{attribute}}
            static partial class ReportEndpoints
            {
                [CorsGen.MapGet("/reports")]
                public static string Get() => "reports";
            }
            """, "CORSGEN017");
    }
}
