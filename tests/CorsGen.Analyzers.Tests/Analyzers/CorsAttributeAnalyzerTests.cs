using Microsoft.CodeAnalysis;
using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// CorsAttributeAnalyzer: each rule fires with its ID at its exact span, and near-misses stay quiet.
/// The generator is not run, so the sources never call the generated Map*Endpoints().
/// </summary>
public sealed class CorsAttributeAnalyzerTests
{
    private const string Header = """
        using CorsGen;

        namespace App;


        """;

    private static Task<AnalyzerRun> Verify(string body, string? defaultId = null) => VerifyAsync(Header + body, defaultId);

    // ---------------------------------------------------------------- CORSGEN001

    [Theory]
    [InlineData("MapPost", "POST", "Post")]
    [InlineData("MapPut", "PUT", "Put")]
    [InlineData("MapPatch", "PATCH", "Patch")]
    [InlineData("MapDelete", "DELETE", "Delete")]
    public async Task CORSGEN001_hand_mapped_unsafe_route_to_a_CorsGen_handler(string map, string verb, string attribute)
    {
        var run = await VerifyAsync($$"""
            using CorsGen;

            var app = WebApplication.Create(args);
            [|app.{{map}}("/orders", OrderHandlers.Create)|];
            app.Run();

            static class OrderHandlers
            {
                [AllowOrigins("https://app.example.com")]
                public static string Create() => "created";
            }
            """, "CORSGEN001");

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.Equal(
            $"'OrderHandlers.Create' maps {verb} '/orders' by hand to a handler with CorsGen CORS attributes, which only take effect on [Map{attribute}] routes: "
            + $"the browser's preflight for it finds no OPTIONS route and the request is blocked; map it with [Map{attribute}(\"/orders\")] on the method, "
            + "or give the route a policy and its preflight with WithCors(...) (for example app.WithCors(OrderHandlers.Policy).Map" + attribute + "(...) with [CorsPolicy] on OrderHandlers)",
            message);
    }

    [Fact]
    public async Task CORSGEN001_handler_class_attributes_count_too()
    {
        // The class-level [AllowOrigins] applies to the handler; the class has no route methods, so CORSGEN009 says it is dead.
        await VerifyAsync("""
            using CorsGen;

            var app = WebApplication.Create(args);
            {|CORSGEN001:app.MapPost("/orders", OrderHandlers.Create)|};
            app.Run();

            [{|CORSGEN009:AllowOrigins("https://app.example.com")|}]
            static class OrderHandlers
            {
                public static string Create() => "created";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN001_hand_mapped_GETs_of_a_half_migrated_class()
    {
        // The todo app half-way: the writes are attribute routes, the reads still hand-mapped. The reads get no
        // CORS headers, so browser scripts cannot read them, though the pattern has a preflight route.
        var run = await VerifyAsync("""
            using CorsGen;

            var app = WebApplication.Create(args);
            {|CORSGEN001:app.MapGet("/todos", Todos.GetAll)|};
            {|CORSGEN001:app.MapGet("/todos/{id}", Todos.Get)|};
            app.Run();

            [AllowOrigins("https://app.example.com")]
            static partial class Todos
            {
                public static string GetAll() => "all";
                public static string Get(int id) => "one";
                [MapPost("/todos")] public static string Create() => "created";
                [MapDelete("/todos/{id}")] public static string Delete(int id) => "deleted";
            }
            """);

        Assert.All(run.Diagnostics, d => Assert.Contains(
            "only take effect on [MapGet] routes: its responses carry no CORS headers, so browser scripts cannot read them; map it with [MapGet(", d.GetMessage()));
    }

    [Theory]
    [InlineData("a handler without CorsGen attributes", """app.MapPost("/orders", OrderHandlers.Plain);""")]
    [InlineData("a lambda handler", """app.MapPost("/orders", () => "created");""")]
    public async Task CORSGEN001_not_reported(string because, string statements)
    {
        _ = because;
        await VerifyAsync($$"""
            using CorsGen;

            var app = WebApplication.Create(args);
            {{statements}}
            app.Run();

            static class OrderHandlers
            {
                [AllowOrigins("https://app.example.com")]
                public static string Create() => "created";

                public static string Plain() => "plain";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN001_when_a_CorsGen_class_maps_the_pattern_the_responses_still_lack_CORS()
    {
        // The generated preflight route of OrderEndpoints answers the hand-mapped POST's preflight, but the POST's
        // own response carries no CORS headers.
        var run = await VerifyAsync("""
            using CorsGen;

            var app = WebApplication.Create(args);
            {|CORSGEN001:app.MapPost("/orders", OrderHandlers.Create)|};
            app.Run();

            static class OrderHandlers
            {
                [AllowOrigins("https://app.example.com")]
                public static string Create() => "created";
            }

            [AllowOrigins("https://app.example.com")]
            static partial class OrderEndpoints
            {
                [MapGet("/orders")]
                public static string List() => "orders";
            }
            """);

        Assert.Contains("its responses carry no CORS headers", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("""app.MapMethods("/orders", new[] { "OPTIONS" }, () => "");""")]
    [InlineData("""app.MapMethods("/Orders/", new[] { "options" }, () => "");""")]
    [InlineData("""app.MapMethods("/orders", new[] { "GET", "OPTIONS" }, () => "");""")]
    [InlineData("""app.MapMethods("/orders", ["OPTIONS"], () => "");""")]
    [InlineData("""app.MapMethods("/orders", new[] { HttpMethods.Options }, () => "");""")]
    public async Task CORSGEN001_with_a_hand_written_OPTIONS_route_names_the_missing_headers(string optionsRoute)
    {
        var run = await VerifyAsync($$"""
            using CorsGen;

            var app = WebApplication.Create(args);
            {|CORSGEN001:app.MapPost("/orders", OrderHandlers.Create)|};
            {{optionsRoute}}
            app.Run();

            static class OrderHandlers
            {
                [AllowOrigins("https://app.example.com")]
                public static string Create() => "created";
            }
            """);

        // The hand-written OPTIONS route answers the preflight; the POST's own response still has no CORS headers.
        Assert.Contains("its responses carry no CORS headers", Assert.Single(run.Diagnostics).GetMessage());
    }

    // ---------------------------------------------------------------- CORSGEN002

    [Fact]
    public async Task CORSGEN002_wildcard_origin_with_credentials_on_the_class()
    {
        var run = await Verify("""
            [[|AllowOrigins("*")|], AllowCredentials]
            public static partial class AccountEndpoints
            {
                [MapGet("/me")]
                public static string Me() => "me";

                [MapPost("/me")]
                public static string Update() => "updated";
            }
            """, "CORSGEN002");

        Assert.Contains("on 'AccountEndpoints'", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN002_wildcard_origin_on_a_method_with_class_credentials()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com"), AllowCredentials]
            public static partial class AccountEndpoints
            {
                [MapGet("/me")]
                [[|AllowOrigins("https://other.example.com", "*")|]]
                public static string Me() => "me";
            }
            """, "CORSGEN002");

        Assert.Contains("on 'AccountEndpoints.Me'", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("""[AllowOrigins("*")]""")]
    [InlineData("""[AllowOrigins("https://app.example.com"), AllowCredentials]""")]
    [InlineData("""[AllowOrigins("https://*.example.com"), AllowCredentials]""")]
    public async Task CORSGEN002_not_reported(string attributes)
    {
        await Verify($$"""
            {{attributes}}
            public static partial class AccountEndpoints
            {
                [MapGet("/me")]
                public static string Me() => "me";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN003

    [Theory]
    [InlineData("https://app.example.com/", "it has a trailing slash")]
    [InlineData("https://App.Example.com", "upper-case")]
    [InlineData("https://app.example.com:443", "default port")]
    [InlineData("http://app.example.com:80", "default port")]
    [InlineData("app.example.com", "no scheme")]
    [InlineData("https://*example.com", "'*' may only stand alone")]
    [InlineData("https://*.com", "at least two labels")]
    [InlineData("https://app.example.com/api", "path")]
    [InlineData("https://user@app.example.com", "userinfo")]
    [InlineData("https://app.example.com:08443", "leading zero")]
    [InlineData("https://app.example.com:70000", "1 to 65535")]
    [InlineData("https://app.example.com ", "whitespace")]
    [InlineData("https://bücher.example", "punycode")]
    [InlineData("https://[0:0:0:0:0:0:0:1]", "canonical form")]
    [InlineData("https://010.0.0.1", "dotted-decimal")]
    [InlineData("", "it is empty")]
    [InlineData("NULL", "no scheme")]
    public async Task CORSGEN003_origin_that_is_not_serialized(string origin, string reason)
    {
        var run = await Verify($$"""
            [AllowOrigins("https://ok.example.com", [|"{{origin}}"|])]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN003");

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.StartsWith($"'{origin}' can never match a browser's Origin header: ", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task CORSGEN003_on_a_method_attribute_and_reported_once_for_a_class_attribute_with_many_routes()
    {
        await Verify("""
            [AllowOrigins({|CORSGEN003:"https://app.example.com/"|})]
            public static partial class E
            {
                [MapGet("/a")]
                public static string GetA() => "a";

                [MapGet("/b")]
                public static string GetB() => "b";

                [MapPost("/c")]
                [AllowOrigins({|CORSGEN003:"HTTPS://c.example.com"|})]
                public static string PostC() => "c";
            }
            """);
    }

    [Theory]
    [InlineData("https://app.example.com:8443")]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://localhost:5173")]
    [InlineData("https://*.example.com")]
    [InlineData("https://*.example.com:8443")]
    [InlineData("https://[::1]:8443")]
    [InlineData("https://xn--bcher-kva.example")]
    [InlineData("https://192.168.0.10")]
    [InlineData("chrome-extension://abcdefghijklmnop")]
    [InlineData("*")]
    public async Task CORSGEN003_not_reported_for_serialized_origins(string origin)
    {
        await Verify($$"""
            [AllowOrigins("{{origin}}")]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN004 / CORSGEN020

    [Fact]
    public async Task CORSGEN004_null_origin_trusted()
    {
        await Verify("""
            [[|AllowOrigins("https://app.example.com", "null")|]]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN004");
    }

    [Fact]
    public async Task CORSGEN020_null_origin_with_credentials_is_an_error_and_not_also_CORSGEN004()
    {
        await Verify("""
            [[|AllowOrigins("null")|]]
            public static partial class E
            {
                [MapGet("/a")]
                [AllowCredentials]
                public static string Get() => "a";
            }
            """, "CORSGEN020");
    }

    [Theory]
    [InlineData("https://null.example.com")]
    [InlineData("https://app.example.com")]
    public async Task CORSGEN004_and_CORSGEN020_not_reported_for_real_origins(string origin)
    {
        await Verify($$"""
            [AllowOrigins("{{origin}}"), AllowCredentials]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN020_not_reported_when_the_null_origin_route_has_no_credentials()
    {
        // Credentials are on another route of the class; the "null" route itself is only CORSGEN004.
        await Verify("""
            public static partial class E
            {
                [MapGet("/a")]
                [{|CORSGEN004:AllowOrigins("null")|}]
                public static string Get() => "a";

                [MapGet("/b")]
                [AllowOrigins("https://app.example.com"), AllowCredentials]
                public static string GetB() => "b";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN005 / CORSGEN022

    [Fact]
    public async Task CORSGEN005_negative_max_age()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com"), [|MaxAge(-1)|]]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN005");

        Assert.Contains("[MaxAge(-1)]", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600)]
    [InlineData(7200)]
    public async Task CORSGEN005_and_CORSGEN022_not_reported(int seconds)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com"), MaxAge({{seconds}})]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);
    }

    [Theory]
    [InlineData(7201)]
    [InlineData(86400)]
    public async Task CORSGEN022_max_age_above_the_chromium_cap_is_info(int seconds)
    {
        var run = await Verify($$"""
            public static partial class E
            {
                [MapGet("/a")]
                [AllowOrigins("https://app.example.com"), [|MaxAge({{seconds}})|]]
                public static string Get() => "a";
            }
            """, "CORSGEN022");

        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(run.Diagnostics).Severity);
    }

    // ---------------------------------------------------------------- CORSGEN006

    [Theory]
    [InlineData("Set-Cookie")]
    [InlineData("set-cookie")]
    [InlineData("Set-Cookie2")]
    public async Task CORSGEN006_forbidden_response_header_exposed(string header)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com")]
            [ExposeHeaders("ETag", [|"{{header}}"|])]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN006");
    }

    [Theory]
    [InlineData("ETag")]
    [InlineData("X-Set-Cookie")]
    [InlineData("Set-Cookie-Policy")]
    [InlineData("Cookie")]
    public async Task CORSGEN006_not_reported_for_exposable_headers(string header)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com")]
            [ExposeHeaders("{{header}}")]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN007

    [Fact]
    public async Task CORSGEN007_any_header_with_credentials()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com"), AllowCredentials]
            public static partial class E
            {
                [MapPost("/a")]
                [AllowHeaders("X-Api-Key", [|"*"|])]
                public static string Post() => "a";
            }
            """, "CORSGEN007");

        Assert.Contains("on 'E.Post'", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN007_class_attribute_reported_once()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com"), AllowCredentials, AllowHeaders([|"*"|])]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";

                [MapPost("/a")]
                public static string Post() => "a";
            }
            """, "CORSGEN007");
    }

    [Theory]
    [InlineData("""[AllowOrigins("https://app.example.com"), AllowHeaders("*")]""")]
    [InlineData("""[AllowOrigins("https://app.example.com"), AllowCredentials, AllowHeaders("Authorization", "X-Api-Key")]""")]
    public async Task CORSGEN007_not_reported(string attributes)
    {
        await Verify($$"""
            {{attributes}}
            public static partial class E
            {
                [MapPost("/a")]
                public static string Post() => "a";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN008

    [Theory]
    [InlineData("GET POST")]
    [InlineData("GET,POST")]
    [InlineData("")]
    [InlineData("PÖST")]
    [InlineData("(GET)")]
    public async Task CORSGEN008_allowed_method_that_is_not_a_token(string method)
    {
        var run = await Verify($$"""
            [AllowOrigins("https://app.example.com"), AllowMethods("GET", [|"{{method}}"|])]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN008");

        Assert.StartsWith($"'{method}' is not an HTTP method token", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN008_mapped_method_that_is_not_a_token()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapMethods("/a", "GET", [|"PRO PFIND"|])]
                public static string Get() => "a";
            }
            """, "CORSGEN008");
    }

    [Fact]
    public async Task CORSGEN008_not_reported_for_tokens_and_the_wildcard()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapMethods("/a", "GET", "PROPFIND", "M-SEARCH")]
                [AllowMethods("GET", "PROPFIND", "M-SEARCH")]
                public static string Get() => "a";

                [MapGet("/b")]
                [AllowMethods("*")]
                public static string GetB() => "b";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN009

    [Theory]
    [InlineData("public class")]
    [InlineData("public static class")]
    [InlineData("public partial class")]
    public async Task CORSGEN009_endpoint_class_not_static_partial(string declaration)
    {
        var run = await Verify($$"""
            [AllowOrigins("https://app.example.com")]
            {{declaration}} [|InfoEndpoints|]
            {
                [MapGet("/info")]
                public static string Get() => "info";

                [MapPost("/info")]
                public static string Post() => "info";
            }
            """, "CORSGEN009");

        Assert.Equal("Endpoint class 'InfoEndpoints' must be declared 'static partial' so CorsGen can add its routes to it", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN009_generic_route_method()
    {
        await Verify("""
            public static partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static string [|Get|]<T>() => "info";
            }
            """, "CORSGEN009");
    }

    [Fact]
    public async Task CORSGEN009_endpoint_class_nested_in_a_non_partial_type()
    {
        await Verify("""
            public class Outer
            {
                public static partial class [|InfoEndpoints|]
                {
                    [MapGet("/info")]
                    public static string Get() => "info";
                }
            }
            """, "CORSGEN009");
    }

    [Fact]
    public async Task CORSGEN009_CORS_attribute_on_a_class_without_routes()
    {
        var run = await Verify("""
            [[|AllowOrigins("https://app.example.com")|], [|MaxAge(60)|]]
            public static class Settings
            {
                public static string Get() => "info";
            }
            """, "CORSGEN009");

        Assert.Equal(2, run.Diagnostics.Length);
        Assert.Contains(run.Diagnostics, d => d.GetMessage() == "[AllowOrigins] on 'Settings' has no effect: the class has no [MapGet]/[MapPost]/... route methods and is not a [CorsPolicy] class");
    }

    [Fact]
    public async Task CORSGEN009_not_reported_for_well_shaped_classes_and_unrelated_ones()
    {
        await Verify("""
            public partial class Outer
            {
                [AllowOrigins("https://app.example.com")]
                public static partial class InfoEndpoints
                {
                    [MapGet("/info")]
                    internal static string Get() => "info";

                    public static string NotARoute<T>() => "helper";
                }
            }

            public class Unrelated
            {
                public string Get() => "not a CorsGen class";
            }

            public static partial class NoCors
            {
                [MapGet("/plain")]
                public static string Get() => "no CORS, still a well-shaped endpoint class";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN010

    [Fact]
    public async Task CORSGEN010_one_pattern_two_policies()
    {
        var run = await Verify("""
            [AllowOrigins("https://a.example.com")]
            public static partial class A
            {
                [MapGet("/items/{id}")]
                public static string Get(int id) => "a";
            }

            [AllowOrigins("https://b.example.com")]
            public static partial class [|B|]
            {
                [MapPut("/Items/{key:int}/")]
                public static string Put(int key) => "b";
            }
            """, "CORSGEN010");

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("'/Items/{key:int}/' is mapped with CORS by 'A' and by 'B' with different policies; a preflight answers per path, so one of them would answer with the other's policy; put the routes of one pattern in one class or give them the same CORS attributes", diagnostic.GetMessage());
        var additional = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("A", run.Source.Substring(additional.SourceSpan.Start, additional.SourceSpan.Length));
    }

    [Theory]
    [InlineData("same policy", """[AllowOrigins("https://a.example.com")]""", """[MapPut("/items/{id}")]""")]
    [InlineData("other pattern", """[AllowOrigins("https://b.example.com")]""", """[MapPut("/things/{id}")]""")]
    [InlineData("no CORS on the other route", "", """[MapPut("/items/{id}")]""")]
    [InlineData("DisableCors on the other route", """[AllowOrigins("https://b.example.com")]""", """[MapPut("/items/{id}"), DisableCors]""")]
    public async Task CORSGEN010_not_reported(string because, string bAttributes, string route)
    {
        _ = because;
        await Verify($$"""
            [AllowOrigins("https://a.example.com")]
            public static partial class A
            {
                [MapGet("/items/{id}")]
                public static string Get(int id) => "a";
            }

            {{bAttributes}}
            public static partial class B
            {
                {{route}}
                public static string Put(int id) => "b";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN011

    [Fact]
    public async Task CORSGEN011_DisableCors_next_to_CORS_attributes()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapGet("/a")]
                [DisableCors, [|AllowCredentials|]]
                [[|MaxAge(60)|]]
                public static string Get() => "a";
            }
            """, "CORSGEN011");

        Assert.Contains(run.Diagnostics, d => d.GetMessage() == "[AllowCredentials] has no effect on 'Get', which also carries [DisableCors]; remove one of them");
    }

    [Fact]
    public async Task CORSGEN011_not_reported_for_DisableCors_under_class_attributes()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com"), AllowCredentials, MaxAge(60)]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";

                [MapGet("/internal")]
                [DisableCors]
                public static string Internal() => "internal";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN018

    [Theory]
    [InlineData("AllowHeaders", "X Api Key")]
    [InlineData("AllowHeaders", "X-Api-Key:")]
    [InlineData("AllowHeaders", "")]
    [InlineData("ExposeHeaders", "X-Total, X-Page")]
    [InlineData("ExposeHeaders", "X-Tötal")]
    public async Task CORSGEN018_header_name_that_is_not_a_token(string attribute, string header)
    {
        var run = await Verify($$"""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapPost("/a")]
                [{{attribute}}("X-Ok", [|"{{header}}"|])]
                public static string Post() => "a";
            }
            """, "CORSGEN018");

        Assert.StartsWith($"'{header}' is not an HTTP header field name", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Fact]
    public async Task CORSGEN018_not_reported_for_tokens()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com")]
            [AllowHeaders("X-Api-Key", "Authorization", "x_custom", "X.Trace~Id")]
            [ExposeHeaders("ETag", "X-Total-Count")]
            public static partial class E
            {
                [MapPost("/a")]
                public static string Post() => "a";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN019

    [Fact]
    public async Task CORSGEN019_null_arguments()
    {
        var run = await Verify("""
            [{|CORSGEN019:AllowOrigins(null)|}]
            public static partial class E
            {
                [{|CORSGEN019:MapGet(null)|}]
                public static string Get() => "a";

                [MapGet("/b")]
                [AllowOrigins("https://app.example.com", {|CORSGEN019:null|})]
                public static string GetB() => "b";
            }
            """);

        Assert.Contains(run.Diagnostics, d => d.GetMessage() == "The argument of [AllowOrigins] must be a compile-time constant string, not null or a computed value");
        Assert.Contains(run.Diagnostics, d => d.GetMessage() == "The argument of [MapGet] must be a compile-time constant string, not null or a computed value");
    }

    [Fact]
    public async Task CORSGEN019_not_reported_for_constants()
    {
        await Verify("""
            public static class Origins
            {
                public const string App = "https://app.example.com";
                public const string Pattern = "/a";
                public const int Minutes = 60;
            }

            [AllowOrigins(Origins.App), MaxAge(10 * Origins.Minutes)]
            public static partial class E
            {
                [MapGet(Origins.Pattern)]
                [AllowHeaders("X-" + nameof(E))]
                public static string Get() => "a";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN021

    [Fact]
    public async Task CORSGEN021_plain_http_origin_with_credentials_next_to_https()
    {
        var run = await Verify("""
            [{|CORSGEN021:{|CORSGEN021:AllowOrigins("https://app.example.com", "http://app.example.com", "http://legacy.example.com:8080")|}|}, AllowCredentials]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);

        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'http://app.example.com' is plain HTTP", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'http://legacy.example.com:8080' is plain HTTP", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("without credentials", """[AllowOrigins("https://app.example.com", "http://app.example.com")]""")]
    [InlineData("only plain-HTTP origins", """[AllowOrigins("http://app.example.com", "http://other.example.com"), AllowCredentials]""")]
    [InlineData("loopback development origins", """[AllowOrigins("https://app.example.com", "http://localhost:5173", "http://127.0.0.1:9000", "http://[::1]:3000"), AllowCredentials]""")]
    public async Task CORSGEN021_not_reported(string because, string attributes)
    {
        _ = because;
        await Verify($$"""
            {{attributes}}
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """);
    }

    [Theory]
    [InlineData("http://localhost.attacker.example")]
    [InlineData("http://127.0.0.1.nip.example")]
    public async Task CORSGEN021_reported_for_internet_hosts_that_only_look_like_loopback(string origin)
    {
        await Verify($$"""
            [[|AllowOrigins("https://app.example.com", "{{origin}}")|], AllowCredentials]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";
            }
            """, "CORSGEN021");
    }

    // ---------------------------------------------------------------- CORSGEN023

    [Fact]
    public async Task CORSGEN023_method_names_in_the_wrong_case()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapMethods("/a", {|CORSGEN023:"patch"|}, {|CORSGEN023:"Delete"|})]
                [AllowMethods({|CORSGEN023:"patch"|}, {|CORSGEN023:"Delete"|})]
                public static string Change() => "a";
            }
            """);

        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'patch' is compared case-sensitively", StringComparison.Ordinal) && d.GetMessage().EndsWith("which is 'PATCH' by convention", StringComparison.Ordinal));
        // The MapMethods attribute carries two wrong-case names: one diagnostic each, at its argument.
        Assert.Equal(4, run.Diagnostics.Length);
    }

    [Fact]
    public async Task Values_inside_an_array_argument_are_reported_at_their_element()
    {
        await Verify("""
            [AllowOrigins(new[] { "https://ok.example.com", {|CORSGEN003:"https://Bad.example.com"|} })]
            public static partial class E
            {
                [MapGet("/a")]
                [AllowHeaders(["X-Ok", {|CORSGEN018:"X Bad"|}])]
                public static string Get() => "a";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN023_not_reported_for_upper_case_and_extension_methods()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapMethods("/a", "PATCH", "Purge", "propfind")]
                [AllowMethods("PATCH", "Purge", "propfind")]
                public static string Change() => "a";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN023_alone_for_a_lower_case_allowed_method_of_a_mapped_route()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapPatch("/a")]
                [AllowMethods([|"patch"|])]
                public static string Change() => "a";
            }
            """, "CORSGEN023");
    }

    // ---------------------------------------------------------------- CORSGEN024

    [Fact]
    public async Task CORSGEN024_allowed_method_not_mapped()
    {
        var run = await Verify("""
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapGet("/a")]
                [{|CORSGEN024:{|CORSGEN024:AllowMethods("GET", "PUT", "DELETE", "OPTIONS")|}|}]
                public static string Get() => "a";
            }
            """);

        Assert.All(run.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Info, d.Severity));
        Assert.Contains(run.Diagnostics, d => d.GetMessage() == "[AllowMethods] on 'Get' allows PUT, but no route at '/a' maps it, so the actual request would get 405 after a successful preflight");
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("allows DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CORSGEN024_class_attribute_reported_once_per_method_and_pattern()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com"), [|AllowMethods("GET", "PUT")|]]
            public static partial class E
            {
                [MapGet("/a")]
                public static string Get() => "a";

                [MapGet("/a/")]
                public static string GetAgain() => "a";
            }
            """, "CORSGEN024");
    }

    [Fact]
    public async Task CORSGEN024_not_reported_when_every_allowed_method_is_mapped_at_the_pattern()
    {
        await Verify("""
            [AllowOrigins("https://app.example.com"), AllowMethods("GET", "PUT", "DELETE", "OPTIONS")]
            public static partial class E
            {
                [MapGet("/a/{id}")]
                public static string Get(int id) => "a";

                [MapPut("/a/{id}")]
                public static string Put(int id) => "a";
            }

            // DELETE is mapped at the same pattern by another class, without CORS.
            public static partial class Admin
            {
                [MapDelete("/A/{key}")]
                public static string Delete(int key) => "deleted";
            }

            [AllowOrigins("https://app.example.com"), AllowMethods("*")]
            public static partial class Any
            {
                [MapGet("/any")]
                public static string Get() => "any";
            }
            """);
    }
}
