using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>Named policies, predicates, preflight status and hand-mapped routes given a policy with WithCors.</summary>
public sealed class PolicyAnalyzerTests
{
    private const string Header = """
        using System;
        using CorsGen;

        namespace App;


        """;

    private const string HandMappedProgram = """
        using CorsGen;
        using Microsoft.AspNetCore.Builder;

        var app = WebApplication.Create(args);
        {0}
        app.Run();

        static class OrderHandlers
        {
            [AllowOrigins("https://app.example.com")]
            public static string Create() => "created";
        }

        // Stands in for a [CorsPolicy] class's generated Policy property (the generator does not run here).
        static class Policies
        {
            public static CompiledCorsPolicy Partner => null!;
        }
        """;

    private static Task<AnalyzerRun> Verify(string body, string? defaultId = null) => VerifyAsync(Header + body, defaultId);

    // ---------------------------------------------------------------- CORSGEN001 and WithCors

    [Theory]
    [InlineData("""app.WithCors(Policies.Partner).MapPost("/orders", OrderHandlers.Create);""")]
    [InlineData("""app.MapGroup("/api").WithCors(Policies.Partner).RequireAuthorization().MapPost("/orders", OrderHandlers.Create);""")]
    [InlineData("""var api = app.MapGroup("/api").WithCors(Policies.Partner); api.MapPost("/orders", OrderHandlers.Create);""")]
    [InlineData("""var api = app.MapGroup("/api"); api.WithCors(Policies.Partner); api.MapPost("/orders", OrderHandlers.Create);""")]
    public async Task CORSGEN001_not_reported_for_routes_mapped_through_WithCors(string statements)
    {
        await VerifyAsync(HandMappedProgram.Replace("{0}", statements));
    }

    [Fact]
    public async Task CORSGEN001_still_reported_for_a_group_without_WithCors()
    {
        await VerifyAsync(HandMappedProgram.Replace("{0}", """var api = app.MapGroup("/api"); {|CORSGEN001:api.MapPost("/orders", OrderHandlers.Create)|};"""));
    }

    // ---------------------------------------------------------------- [CorsPolicy] classes

    [Fact]
    public async Task Policy_class_attributes_are_not_dead_and_are_checked_once()
    {
        // The invalid origin sits in the policy class: reported there, once, however many classes use it.
        await Verify("""
            [CorsPolicy]
            [AllowOrigins({|CORSGEN003:"https://App.example.com"|}), AllowCredentials, MaxAge(60)]
            public static partial class Partner;

            [UseCorsPolicy(typeof(Partner))]
            public static partial class A
            {
                [MapPost("/a")]
                public static string Post() => "a";
            }

            [UseCorsPolicy(typeof(Partner))]
            public static partial class B
            {
                [MapPost("/b")]
                public static string Post() => "b";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN009_policy_class_must_be_static_partial()
    {
        await Verify("""
            [CorsPolicy, AllowOrigins("https://app.example.com")]
            public class [|Partner|];
            """, "CORSGEN009");
    }

    [Fact]
    public async Task CORSGEN027_UseCorsPolicy_names_a_class_without_CorsPolicy()
    {
        var run = await Verify("""
            [{|CORSGEN009:AllowOrigins("https://app.example.com")|}]
            public static partial class NotAPolicy;

            [[|UseCorsPolicy(typeof(NotAPolicy))|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN027");

        Assert.Contains(run.Diagnostics, d => d.Id == "CORSGEN027" && d.GetMessage().Contains("'NotAPolicy'", StringComparison.Ordinal));
    }

    // ---------------------------------------------------------------- CORSGEN025

    [Theory]
    [InlineData("Missing", "no method of that name exists")]
    [InlineData("TakesInt", "must be static, non-generic, return bool")]
    [InlineData("ReturnsString", "must be static, non-generic, return bool")]
    public async Task CORSGEN025_predicate_of_the_wrong_shape(string name, string problem)
    {
        var run = await Verify($$"""
            [[|AllowOriginPredicate("{{name}}")|]]
            public static partial class E
            {
                static bool TakesInt(int origin) => true;
                static string ReturnsString(string origin) => origin;

                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN025");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CORSGEN025_private_predicate_of_a_policy_used_by_another_class()
    {
        var run = await Verify("""
            [CorsPolicy, [|AllowOriginPredicate(nameof(IsPartner))|]]
            public static partial class Partner
            {
                private static bool IsPartner(string origin) => origin == "https://partner.example.com";
            }

            [UseCorsPolicy(typeof(Partner))]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN025");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("make it internal", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("static bool IsAllowed(string origin) => true;")]
    [InlineData("static bool IsAllowed(ReadOnlySpan<char> origin) => true;")]
    [InlineData("internal static bool IsAllowed(string origin) => true;")]
    public async Task CORSGEN025_not_reported_for_both_predicate_shapes(string predicate)
    {
        await Verify($$"""
            [AllowOriginPredicate(nameof(IsAllowed))]
            public static partial class E
            {
                {{predicate}}

                [MapPost("/e")]
                public static string Post() => "e";
            }
            """);
    }

    [Theory]
    [InlineData("Missing", "no method of that name exists")]
    [InlineData("TakesInt", "must be static, non-generic, return bool")]
    [InlineData("Hidden", "the method is private")]
    public async Task CORSGEN025_checks_a_predicate_of_another_class(string name, string problem)
    {
        var run = await Verify($$"""
            public static class OriginRules
            {
                internal static bool TakesInt(int origin) => true;
                private static bool Hidden(string origin) => true;
            }

            [[|AllowOriginPredicate(typeof(OriginRules), "{{name}}")|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN025");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains(problem, StringComparison.Ordinal) && d.GetMessage().Contains("OriginRules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_predicate_of_another_class_serves_several_policies_without_diagnostics()
    {
        await Verify("""
            public static class OriginRules
            {
                public static bool IsTenant(string origin) => origin.EndsWith(".tenant.example", System.StringComparison.Ordinal);
            }

            [CorsPolicy, AllowOriginPredicate(typeof(OriginRules), nameof(OriginRules.IsTenant))]
            public static partial class TenantApi;

            [AllowOriginPredicate(typeof(OriginRules), nameof(OriginRules.IsTenant))]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN029_an_always_true_predicate_of_another_class_with_credentials()
    {
        await Verify("""
            public static class OriginRules
            {
                public static bool Anything(string origin) => true;
            }

            [[|AllowOriginPredicate(typeof(OriginRules), nameof(OriginRules.Anything))|], AllowCredentials]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN029");
    }

    // ---------------------------------------------------------------- CORSGEN026

    [Theory]
    [InlineData(201)]
    [InlineData(302)]
    [InlineData(0)]
    public async Task CORSGEN026_preflight_status_other_than_200_or_204(int status)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com"), [|PreflightSuccessStatus({{status}})|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN026");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public async Task CORSGEN026_not_reported_for_200_and_204(int status)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com"), PreflightSuccessStatus({{status}}), AllowPrivateNetwork, PreflightContinue]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """);
    }
}

/// <summary>CORSGEN028: in trimmed/AOT builds, handlers whose binding CorsGen cannot generate are named.</summary>
public sealed class ReflectionBoundHandlerTests
{
    private const string Source = """
        using System.Collections.Generic;
        using CorsGen;
        using Microsoft.AspNetCore.Http;

        namespace App;

        [AllowOrigins("https://app.example.com")]
        public static partial class E
        {
            [MapGet("/ok/{id}")]
            public static string Ok(int id, string? q, HttpResponse response) => "ok";

            [MapGet("/list")]
            public static string [|List|](int[] ids) => "list";

            [MapPost("/any")]
            public static object [|Any|]() => new();
        }
        """;

    [Theory]
    [InlineData("PublishAot")]
    [InlineData("PublishTrimmed")]
    [InlineData("EnableRequestDelegateGenerator")]
    [InlineData("CorsGenRequestDelegates")]
    public async Task Reported_in_trimmed_and_aot_builds(string property)
    {
        var run = await AnalyzerHarness.VerifyWithPropertiesAsync(Source, "CORSGEN028", (property, "true"));

        Assert.Contains(run.Diagnostics, d => d.GetMessage().StartsWith("'E.List' is mapped with ASP.NET Core's reflection-based parameter binding because parameter 'ids'", StringComparison.Ordinal));
        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("because it returns object", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Not_reported_in_ordinary_builds_or_when_switched_off()
    {
        await AnalyzerHarness.VerifyAsync(Source.Replace("[|List|]", "List").Replace("[|Any|]", "Any"));
        await AnalyzerHarness.VerifyWithPropertiesAsync(Source.Replace("[|List|]", "List").Replace("[|Any|]", "Any"), null, ("PublishAot", "true"), ("CorsGenRequestDelegates", "false"));
    }
}

/// <summary>CORSGEN029: the reflect-everything predicate with credentials.</summary>
public sealed class AllowAllPredicateTests
{
    [Theory]
    [InlineData("static bool Any(string origin) => true;")]
    [InlineData("static bool Any(string origin) { return true; }")]
    [InlineData("static bool Any(System.ReadOnlySpan<char> origin) => (!false);")]
    public async Task CORSGEN029_always_true_predicate_with_credentials(string predicate)
    {
        await AnalyzerHarness.VerifyAsync($$"""
            using CorsGen;

            namespace App;

            [[|AllowOriginPredicate(nameof(Any))|], AllowCredentials]
            public static partial class E
            {
                {{predicate}}

                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN029");
    }

    [Theory]
    [InlineData("static bool Any(string origin) => true;", "")]                                            // no credentials: any origin without them is "*" said differently
    [InlineData("static bool Any(string origin) => origin.EndsWith(\".partner.example\");", ", AllowCredentials")]
    public async Task CORSGEN029_not_reported(string predicate, string credentials)
    {
        await AnalyzerHarness.VerifyAsync($$"""
            using CorsGen;

            namespace App;

            [AllowOriginPredicate(nameof(Any)){{credentials}}]
            public static partial class E
            {
                {{predicate}}

                [MapPost("/e")]
                public static string Post() => "e";
            }
            """);
    }
}

/// <summary>CORSGEN009 for classes the generated code could not extend or reach.</summary>
public sealed class UnreachableClassShapeTests
{
    private const string Cors = "[AllowOrigins(\"https://app.example.com\")] ";
    private const string Route = "{ [MapGet(\"/a\")] public static string Get() => \"\"; }";

    [Theory]
    [InlineData("public static partial class Outer { " + Cors + "private static partial class [|E|] " + Route + " }", "make it internal or public")]
    [InlineData("internal partial class Outer { " + Cors + "protected static partial class [|E|] " + Route + " }", "make it internal or public")]
    [InlineData("internal partial class Outer { private partial struct Inner { " + Cors + "internal static partial class [|E|] " + Route + " } }", "its containing type 'Inner' is not")]
    [InlineData(Cors + "file static partial class [|E|] " + Route, "must not be 'file'-local")]
    [InlineData(Cors + "public static partial class [|E|] { [MapGet(\"/a\")] public static string Get() => \"\"; public static int CorsGenRoutes; }", "declares a member named 'CorsGenRoutes'")]
    public async Task CORSGEN009_for_classes_generated_code_cannot_extend(string declaration, string message)
    {
        var run = await AnalyzerHarness.VerifyAsync("using CorsGen;\n\nnamespace App;\n\n" + declaration, "CORSGEN009");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains(message, StringComparison.Ordinal));
    }
}
