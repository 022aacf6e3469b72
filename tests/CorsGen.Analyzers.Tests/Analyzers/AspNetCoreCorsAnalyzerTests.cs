using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>AspNetCoreCorsAnalyzer: ASP.NET Core's own CORS API and hand-written CORS headers.</summary>
public sealed class AspNetCoreCorsAnalyzerTests
{
    /// <summary>A program that registers one policy configured by <paramref name="policy"/> (a lambda body over <c>policy</c>).</summary>
    private static string PolicyProgram(string policy, string useCors = """app.UseCors("spa");""") => $$"""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("spa", policy => {{policy}}));
        var app = builder.Build();
        {{useCors}}
        app.Run();
        """;

    // ---------------------------------------------------------------- CORSGEN012

    [Theory]
    [InlineData("""policy.AllowAnyOrigin().AllowAnyHeader().[|AllowCredentials()|]""")]
    [InlineData("""policy.[|AllowCredentials()|].AllowAnyOrigin()""")]
    [InlineData("""{ policy.AllowAnyOrigin(); policy.WithMethods("GET"); policy.[|AllowCredentials()|]; }""")]
    [InlineData("""policy.WithOrigins("*").[|AllowCredentials()|]""")]
    public async Task CORSGEN012_AllowAnyOrigin_with_AllowCredentials(string policy)
    {
        await VerifyAsync(PolicyProgram(policy), "CORSGEN012");
    }

    [Fact]
    public async Task CORSGEN012_on_a_builder_created_with_new()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Spa() => new CorsPolicyBuilder().AllowAnyOrigin().[|AllowCredentials()|].Build();
            }
            """, "CORSGEN012");
    }

    [Theory]
    [InlineData("""policy.WithOrigins("https://app.example.com").AllowCredentials()""")]
    [InlineData("""policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()""")]
    [InlineData("""policy.SetIsOriginAllowedToAllowWildcardSubdomains().WithOrigins("https://*.example.com").AllowCredentials()""")]
    public async Task CORSGEN012_not_reported(string policy)
    {
        await VerifyAsync(PolicyProgram(policy));
    }

    [Fact]
    public async Task CORSGEN012_not_reported_for_two_policies_one_with_any_origin_the_other_with_credentials()
    {
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("public", policy => policy.AllowAnyOrigin());
                options.AddPolicy("spa", policy => policy.WithOrigins("https://app.example.com").AllowCredentials());
            });
            var app = builder.Build();
            app.UseCors("public");
            app.MapGet("/me", () => "me").RequireCors("spa");
            app.Run();
            """);
    }

    // ---------------------------------------------------------------- CORSGEN013

    [Theory]
    [InlineData("""policy.[|SetIsOriginAllowed(_ => true)|].AllowCredentials()""")]
    [InlineData("""policy.AllowCredentials().[|SetIsOriginAllowed(static origin => true)|]""")]
    [InlineData("""policy.[|SetIsOriginAllowed(origin => { if (origin.Length > 0) return true; return true; })|].AllowCredentials()""")]
    [InlineData("""policy.[|SetIsOriginAllowed(delegate (string origin) { return true; })|].AllowCredentials()""")]
    public async Task CORSGEN013_always_true_predicate_with_credentials(string policy)
    {
        await VerifyAsync(PolicyProgram(policy), "CORSGEN013");
    }

    [Theory]
    [InlineData("""policy.SetIsOriginAllowed(_ => true)""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => origin == "https://app.example.com").AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "app.example.com").AllowCredentials()""")]
    [InlineData("""policy.SetIsOriginAllowed(origin => { if (origin == "https://app.example.com") return true; return false; }).AllowCredentials()""")]
    public async Task CORSGEN013_not_reported(string policy)
    {
        await VerifyAsync(PolicyProgram(policy));
    }

    // ---------------------------------------------------------------- CORSGEN014

    [Theory]
    [InlineData("https://app.example.com/", "trailing slash")]
    [InlineData("https://app.example.com:443", "default port")]
    [InlineData("app.example.com", "no scheme")]
    [InlineData("https://app.example.com/api", "path")]
    [InlineData("https://*.example.com", "SetIsOriginAllowedToAllowWildcardSubdomains")]
    public async Task CORSGEN014_WithOrigins_entry_that_never_matches(string origin, string reason)
    {
        var run = await VerifyAsync(PolicyProgram($$"""policy.WithOrigins("https://ok.example.com", [|"{{origin}}"|])"""), "CORSGEN014");

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.StartsWith($"'{origin}' can never match a browser's Origin header: ", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task CORSGEN014_in_an_explicit_array()
    {
        await VerifyAsync(PolicyProgram("""policy.WithOrigins(new[] { "https://ok.example.com", [|"https://bad.example.com/"|] })"""), "CORSGEN014");
    }

    [Theory]
    [InlineData("""policy.WithOrigins("https://app.example.com", "https://app.example.com:8443", "http://localhost:5173")""")]
    [InlineData("""policy.WithOrigins("https://App.Example.com")""")] // ASP.NET Core lower-cases entries
    [InlineData("""policy.WithOrigins("https://bücher.example")""")] // and punycodes IDN hosts
    [InlineData("""policy.WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains()""")]
    [InlineData("""policy.WithOrigins("*")""")]
    public async Task CORSGEN014_not_reported(string policy)
    {
        await VerifyAsync(PolicyProgram(policy));
    }

    // ---------------------------------------------------------------- the builder in order (issue 17)

    [Theory]
    [InlineData("list becomes [*, origin]: Build() does not throw, other origins are refused", """policy.AllowAnyOrigin().AllowCredentials().WithOrigins("https://app.example")""")]
    [InlineData("a later DisallowCredentials() wins", """policy.AllowAnyOrigin().AllowCredentials().DisallowCredentials()""")]
    [InlineData("a later wildcard-subdomain predicate replaces the always-true one", """policy.SetIsOriginAllowed(_ => true).AllowCredentials().WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains()""")]
    [InlineData("statements in order", """{ policy.AllowAnyOrigin(); policy.AllowCredentials(); policy.WithOrigins("https://app.example"); }""")]
    [InlineData("credentials dropped on the only path", """{ policy.AllowAnyOrigin().AllowCredentials(); policy.DisallowCredentials(); }""")]
    public async Task Later_calls_override_earlier_ones(string because, string policy)
    {
        _ = because;
        await VerifyAsync(PolicyProgram(policy));
    }

    [Theory]
    [InlineData("a later AllowAnyOrigin() resets the list", """policy.WithOrigins("https://app.example").[|AllowCredentials()|].AllowAnyOrigin()""", "CORSGEN012")]
    [InlineData("a later AllowCredentials() wins", """policy.AllowAnyOrigin().DisallowCredentials().[|AllowCredentials()|]""", "CORSGEN012")]
    [InlineData("a later always-true predicate replaces the wildcard one", """policy.SetIsOriginAllowedToAllowWildcardSubdomains().[|SetIsOriginAllowed(_ => true)|].AllowCredentials()""", "CORSGEN013")]
    public async Task The_last_call_decides(string because, string policy, string id)
    {
        _ = because;
        await VerifyAsync(PolicyProgram(policy), id);
    }

    [Fact]
    public async Task A_branch_that_allows_any_origin_with_credentials_is_reported()
    {
        await VerifyAsync(PolicyProgram("""
            {
                policy.AllowAnyOrigin();
                if (DateTime.Now.Hour > 12) policy.WithOrigins("https://app.example");
                policy.[|AllowCredentials()|];
            }
            """), "CORSGEN012");
    }

    [Fact]
    public async Task Exclusive_branches_are_separate_paths()
    {
        await VerifyAsync(PolicyProgram("""
            {
                if (DateTime.Now.Hour > 12) policy.AllowAnyOrigin();
                else policy.WithOrigins("https://app.example").AllowCredentials();
            }
            """));
    }

    [Theory]
    [InlineData("cleared by a later AllowAnyOrigin()", """policy.WithOrigins("https://app.example/").AllowAnyOrigin()""")]
    [InlineData("not read after a later SetIsOriginAllowed", """policy.WithOrigins("https://app.example/").SetIsOriginAllowed(o => o == "https://app.example")""")]
    [InlineData("a pattern with the subdomain predicate set later", """policy.WithOrigins("https://*.example.com").AllowCredentials().SetIsOriginAllowedToAllowWildcardSubdomains()""")]
    public async Task CORSGEN014_not_reported_for_dead_or_later_enabled_entries(string because, string policy)
    {
        _ = because;
        await VerifyAsync(PolicyProgram(policy));
    }

    [Fact]
    public async Task A_builder_passed_to_other_code_is_not_judged_after_it()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", policy =>
            {
                policy.AllowAnyOrigin().AllowCredentials();
                Policies.Narrow(policy);
            }));
            var app = builder.Build();
            app.UseCors("spa");
            app.Run();

            static class Policies
            {
                public static void Narrow(CorsPolicyBuilder policy) => policy.WithOrigins("https://app.example");
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN015

    [Fact]
    public async Task CORSGEN015_RequireCors_without_UseCors()
    {
        var run = await VerifyAsync(PolicyProgram(
            """policy.WithOrigins("https://app.example.com")""",
            useCors: """app.MapGet("/a", () => "a").[|RequireCors("spa")|];"""), "CORSGEN015");

        Assert.StartsWith("'RequireCors(...)' attaches an ASP.NET Core CORS policy", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN015_EnableCors_attribute_without_UseCors()
    {
        var run = await VerifyAsync("""
            using Microsoft.AspNetCore.Cors;

            var app = WebApplication.Create(args);
            app.MapGet("/a", Handlers.Get);
            app.Run();

            static class Handlers
            {
                [[|EnableCors("spa")|]]
                public static string Get() => "a";
            }
            """, "CORSGEN015");

        Assert.StartsWith("'[EnableCors]' attaches an ASP.NET Core CORS policy", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN015_not_reported_when_UseCors_is_called()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", policy => policy.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/a", () => "a").RequireCors("spa");
            app.MapGet("/b", Handlers.Get);
            app.Run();

            static class Handlers
            {
                [EnableCors("spa")]
                public static string Get() => "b";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN015_EnableCors_on_a_lambda_without_UseCors()
    {
        await VerifyAsync("""
            using Microsoft.AspNetCore.Cors;

            var app = WebApplication.Create(args);
            app.MapGet("/a", [[|EnableCors("spa")|]] () => "a");
            app.Run();
            """, "CORSGEN015");
    }

    /// <summary>A CorsGen endpoint class whose /health route carries <paramref name="disableCors"/> (attribute text, markup allowed).</summary>
    private static string HealthEndpoints(string disableCors) => $$"""

        [CorsGen.AllowOrigins("https://app.example.com")]
        static partial class InfoEndpoints
        {
            [CorsGen.MapGet("/info")]
            public static string Get() => "info";

            [CorsGen.MapGet("/health")]
            [{{disableCors}}]
            public static string Health() => "ok";
        }
        """;

    [Fact]
    public async Task CORSGEN015_AspNetCore_DisableCors_on_a_CorsGen_route_without_UseCors()
    {
        // ASP.NET Core's [DisableCors] is ICorsMetadata too: its endpoint middleware answers 500 without UseCors().
        var run = await VerifyAsync("""
            using Microsoft.AspNetCore.Cors;

            var app = WebApplication.Create(args);
            app.Run();
            """ + HealthEndpoints("[|DisableCors|]"), "CORSGEN015");

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.StartsWith("'[DisableCors]' is ASP.NET Core CORS metadata", message);
        Assert.Contains("CorsGen's [DisableCors]", message);
    }

    [Theory]
    [InlineData("""app.MapGet("/a", () => "a").WithMetadata([|new DisableCorsAttribute()|]);""", "'new DisableCorsAttribute(...)' is ASP.NET Core CORS metadata")]
    [InlineData("""app.MapGet("/a", () => "a").WithMetadata([|new EnableCorsAttribute("spa")|]);""", "'new EnableCorsAttribute(...)' attaches an ASP.NET Core CORS policy")]
    public async Task CORSGEN015_CORS_attribute_created_as_metadata_without_UseCors(string map, string messageStart)
    {
        var run = await VerifyAsync($$"""
            using Microsoft.AspNetCore.Cors;

            var app = WebApplication.Create(args);
            {{map}}
            app.Run();
            """, "CORSGEN015");

        Assert.StartsWith(messageStart, Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN015_not_reported_for_CorsGen_DisableCors()
    {
        await VerifyAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/a", () => "a").WithMetadata(new CorsGen.DisableCorsAttribute());
            app.Run();
            """ + HealthEndpoints("CorsGen.DisableCors"));
    }

    // ---------------------------------------------------------------- CORSGEN016

    [Fact]
    public async Task CORSGEN016_origin_local_written_with_credentials()
    {
        await VerifyAsync("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers.Origin;
                [|context.Response.Headers["Access-Control-Allow-Origin"] = origin|];
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                await next(context);
            });
            app.Run();
            """, "CORSGEN016");
    }

    [Theory]
    [InlineData("""[|headers.Append("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|]; headers.Append("Access-Control-Allow-Credentials", "true");""")]
    [InlineData("""[|headers.AccessControlAllowOrigin = context.Request.Headers.Origin|]; headers.AccessControlAllowCredentials = "true";""")]
    [InlineData("""[|headers[HeaderNames.AccessControlAllowOrigin] = context.Request.Headers[HeaderNames.Origin].ToString()|]; headers[HeaderNames.AccessControlAllowCredentials] = "true";""")]
    [InlineData("""string o = context.Request.Headers.Origin.ToString(); var copy = o; headers.Add("Access-Control-Allow-Credentials", "true"); [|headers.Add("access-control-allow-origin", copy)|];""")]
    public async Task CORSGEN016_reflection_variants(string statements)
    {
        await VerifyAsync($$"""
            using Microsoft.Net.Http.Headers;

            public static class CorsMiddleware
            {
                public static void Write(HttpContext context)
                {
                    var headers = context.Response.Headers;
                    {{statements}}
                }
            }
            """, "CORSGEN016");
    }

    [Theory]
    [InlineData("no credentials", """headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;""")]
    [InlineData("credentials false", """headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin; headers["Access-Control-Allow-Credentials"] = "false";""")]
    [InlineData("a constant origin after the comparison", """
        if (context.Request.Headers.Origin == "https://app.example.com")
        {
            headers["Access-Control-Allow-Origin"] = "https://app.example.com";
            headers["Access-Control-Allow-Credentials"] = "true";
        }
        """)]
    [InlineData("another header reflected", """headers["Access-Control-Allow-Origin"] = "https://app.example.com"; headers["X-Seen-Origin"] = context.Request.Headers.Origin; headers["Access-Control-Allow-Credentials"] = "true";""")]
    public async Task CORSGEN016_not_reported(string because, string statements)
    {
        _ = because;
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

    [Fact]
    public async Task CORSGEN016_not_reported_when_the_origin_is_compared_with_a_constant_first()
    {
        await VerifyAsync("""
            public static class CorsMiddleware
            {
                private static readonly HashSet<string> Trusted = ["https://app.example.com"];

                public static void Write(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (origin == "https://app.example.com" || Trusted.Contains(origin))
                    {
                        context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                        context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                    }
                }
            }
            """);
    }

    /// <summary>A method that reads the origin into <c>origin</c> (a string) and runs <paramref name="statements"/> with <c>headers</c> and <c>Trusted</c> in scope.</summary>
    private static string OriginCheckProgram(string statements) => $$"""
        using System.Text.RegularExpressions;

        public static class CorsMiddleware
        {
            private static readonly HashSet<string> Trusted = ["https://app.example.com"];
            private static readonly Dictionary<string, int> Tenants = new() { ["https://app.example.com"] = 1 };

            private static bool IsTrusted(string origin) => Trusted.Contains(origin);

            public static void Write(HttpContext context)
            {
                var headers = context.Response.Headers;
                var origin = context.Request.Headers.Origin.ToString();
                {{statements}}
            }
        }
        """;

    private const string Reflect = """headers["Access-Control-Allow-Origin"] = origin; headers["Access-Control-Allow-Credentials"] = "true";""";
    private const string MarkedReflect = """[|headers["Access-Control-Allow-Origin"] = origin|]; headers["Access-Control-Allow-Credentials"] = "true";""";

    [Theory]
    [InlineData("if (Trusted.Contains(origin)) { " + Reflect + " }")]
    [InlineData("if (!Trusted.Contains(origin)) return; " + Reflect)]
    [InlineData("if (!Trusted.Contains(origin)) { throw new InvalidOperationException(); } " + Reflect)]
    [InlineData("if (origin != \"https://app.example.com\") { return; } " + Reflect)]
    [InlineData("if (Tenants.ContainsKey(origin) && origin.Length > 0) { " + Reflect + " }")]
    [InlineData("if (!IsTrusted(origin)) { headers[\"X-Refused\"] = \"1\"; } else { " + Reflect + " }")]
    [InlineData("if (string.Equals(origin, \"https://app.example.com\", StringComparison.Ordinal)) { " + Reflect + " }")]
    [InlineData("if (origin is \"https://app.example.com\" or \"https://admin.example.com\") { " + Reflect + " }")]
    [InlineData("if (origin is not \"https://app.example.com\") return; " + Reflect)]
    [InlineData("switch (origin) { case \"https://app.example.com\": case \"https://admin.example.com\": " + Reflect + " break; }")]
    [InlineData("if (Trusted.Any(t => t == origin)) { " + Reflect + " }")]
    public async Task CORSGEN016_not_reported_after_an_exact_allow_list_check(string statements)
    {
        await VerifyAsync(OriginCheckProgram(statements));
    }

    [Theory]
    [InlineData("presence only", "if (!string.IsNullOrEmpty(origin)) { " + MarkedReflect + " }")]
    [InlineData("not null", "if (origin != null) { " + MarkedReflect + " }")]
    [InlineData("compared with empty", "if (origin == \"\") return; " + MarkedReflect)]
    [InlineData("suffix test: https://evil-example.com passes", "if (origin.EndsWith(\"example.com\")) { " + MarkedReflect + " }")]
    [InlineData("substring of a constant list", "if (\"https://app.example.com https://admin.example.com\".Contains(origin)) { " + MarkedReflect + " }")]
    [InlineData("regular expression", "if (Regex.IsMatch(origin, \"example\\\\.com$\")) { " + MarkedReflect + " }")]
    [InlineData("well-formed is not trusted", "if (Uri.TryCreate(origin, UriKind.Absolute, out _)) { " + MarkedReflect + " }")]
    [InlineData("suffix test inside a lambda", "if (Trusted.Any(t => origin.EndsWith(t))) { " + MarkedReflect + " }")]
    [InlineData("one side of an or", "if (Trusted.Contains(origin) || origin.Length > 0) { " + MarkedReflect + " }")]
    [InlineData("checked in the other branch", "if (Trusted.Contains(origin)) { headers[\"X-Trusted\"] = \"1\"; } else { " + MarkedReflect + " }")]
    [InlineData("exit when trusted", "if (Trusted.Contains(origin)) return; " + MarkedReflect)]
    [InlineData("default case", "switch (origin) { case \"https://app.example.com\": break; default: " + MarkedReflect + " break; }")]
    [InlineData("check after the write", MarkedReflect + " if (!Trusted.Contains(origin)) return;")]
    public async Task CORSGEN016_reported_when_the_check_lets_any_origin_through(string because, string statements)
    {
        _ = because;
        await VerifyAsync(OriginCheckProgram(statements), "CORSGEN016");
    }

    // ---------------------------------------------------------------- CORSGEN017

    private const string CorsGenEndpoints = """

        [CorsGen.AllowOrigins("https://app.example.com")]
        static partial class InfoEndpoints
        {
            [CorsGen.MapGet("/info")]
            public static string Get() => "info";
        }
        """;

    [Theory]
    [InlineData("""options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com"))""", """[|app.UseCors("spa")|];""")]
    [InlineData("""options.AddPolicy({|CORSGEN039:"spa"|}, p => p.WithOrigins("https://app.example.com"))""", """[|app.UseCors(p => p.WithOrigins("https://app.example.com"))|];""")]
    [InlineData("""options.AddDefaultPolicy(p => p.WithOrigins("https://app.example.com"))""", """[|app.UseCors()|];""")]
    public async Task CORSGEN017_global_policy_next_to_CorsGen_endpoints(string addPolicy, string useCors)
    {
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => {{addPolicy}});
            var app = builder.Build();
            {{useCors}}
            app.Run();
            """ + CorsGenEndpoints, "CORSGEN017");
    }

    [Theory]
    [InlineData("[CorsGen.AllowOriginsFromConfiguration(\"Cors:Origins\")]")]
    [InlineData("[CorsGen.AllowOriginPredicate(nameof(IsTrusted))]")]
    [InlineData("[CorsGen.UseCorsPolicy(typeof(AppCors))]")]
    public async Task CORSGEN017_recognises_every_CorsGen_policy_attribute(string attribute)
    {
        // Not [AllowOrigins] alone: a route whose origins come from configuration, a predicate or a policy class has CorsGen's preflights too.
        await VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            [|app.UseCors()|];
            app.Run();

            [CorsGen.CorsPolicy, CorsGen.AllowOrigins("https://app.example.com")]
            static partial class AppCors;

            {{attribute}}
            static partial class InfoEndpoints
            {
                [CorsGen.MapGet("/info")]
                public static string Get() => "info";

                static bool IsTrusted(string origin) => origin == "https://app.example.com";
            }
            """, "CORSGEN017");
    }

    [Fact]
    public async Task CORSGEN017_not_reported_for_UseCors_without_a_default_policy()
    {
        // UseCors() with named policies only: the middleware acts only on endpoints with CORS metadata.
        await VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/legacy", () => "legacy").RequireCors("spa");
            app.Run();
            """ + CorsGenEndpoints);
    }

    [Fact]
    public async Task CORSGEN017_not_reported_without_CorsGen_endpoints()
    {
        await VerifyAsync(PolicyProgram("""policy.WithOrigins("https://app.example.com")"""));
    }
}
