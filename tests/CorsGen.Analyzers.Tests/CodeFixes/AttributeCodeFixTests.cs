using CorsGen.CodeFixes;
using CorsGen.Generators;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN002: "*" with [AllowCredentials].</summary>
public sealed class WildcardOriginWithCredentialsFixTests
{
    private static readonly WildcardOriginWithCredentialsCodeFixProvider Provider = new();

    [Fact]
    public async Task Removes_the_attribute_list_of_a_method_level_AllowCredentials()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*")]
                [AllowCredentials]
                public static string Me() => "me";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*")]
                public static string Me() => "me";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN002", "Remove [AllowCredentials]", expected, equivalenceKey: "CORSGEN002.RemoveAllowCredentials");
    }

    [Fact]
    public async Task Removes_AllowCredentials_from_a_shared_attribute_list()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*"), AllowCredentials, MaxAge(600)]
                public static string Me() => "me";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*"), MaxAge(600)]
                public static string Me() => "me";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN002", "Remove [AllowCredentials]", expected);
    }

    [Fact]
    public async Task Class_level_any_origin_removes_AllowCredentials_from_the_class_and_every_method_using_its_origins()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("*")]
            [AllowCredentials]
            public static partial class Api
            {
                [MapGet("/a")]
                [AllowCredentials]
                public static string A() => "a";

                [MapGet("/b")]
                [AllowOrigins("https://app.example.com")]
                [AllowCredentials]
                public static string B() => "b";
            }
            """;
        // B has its own origins: its credentials stay (they were never the problem).
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("*")]
            public static partial class Api
            {
                [MapGet("/a")]
                public static string A() => "a";

                [MapGet("/b")]
                [AllowOrigins("https://app.example.com")]
                [AllowCredentials]
                public static string B() => "b";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN002", "Remove [AllowCredentials]", expected);
    }

    [Theory]
    [InlineData("    [AllowOrigins(\"*\")] [AllowCredentials] public static string Me() => \"me\";", "    [AllowOrigins(\"*\")] public static string Me() => \"me\";")]
    [InlineData("    [AllowOrigins(\"*\")][AllowCredentials] public static string Me() => \"me\";", "    [AllowOrigins(\"*\")] public static string Me() => \"me\";")]
    [InlineData("    [AllowCredentials] [AllowOrigins(\"*\")] public static string Me() => \"me\";", "    [AllowOrigins(\"*\")] public static string Me() => \"me\";")]
    [InlineData("    [AllowOrigins(\"*\")]\n    [AllowCredentials] public static string Me() => \"me\";", "    [AllowOrigins(\"*\")]\n    public static string Me() => \"me\";")]
    public async Task Removes_an_attribute_list_sharing_its_line(string line, string fixedLine)
    {
        static string Source(string member) => $$"""
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
            {{member}}
            }
            """;
        await VerifyFixAsync(Provider, Source(line), "CORSGEN002", "Remove [AllowCredentials]", Source(fixedLine));
    }

    [Fact]
    public async Task Removes_a_leading_wildcard_next_to_explicit_origins()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*", "https://app.example.com")]
                [AllowCredentials]
                public static string Me() => "me";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("https://app.example.com")]
                [AllowCredentials]
                public static string Me() => "me";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN002", "Remove \"*\" from the allowed origins", expected, equivalenceKey: "CORSGEN002.RemoveWildcardOrigin");
    }

    [Fact]
    public async Task Removes_a_trailing_wildcard_from_class_level_origins()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com", "https://admin.example.com", "*")]
            [AllowCredentials]
            public static partial class Api
            {
                [MapGet("/me")]
                public static string Me() => "me";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com", "https://admin.example.com")]
            [AllowCredentials]
            public static partial class Api
            {
                [MapGet("/me")]
                public static string Me() => "me";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN002", "Remove \"*\" from the allowed origins", expected);
    }

    [Fact]
    public async Task Does_not_offer_removing_the_wildcard_when_it_is_the_only_origin()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins("*")]
                [AllowCredentials]
                public static string Me() => "me";
            }
            """;
        Assert.Equal(["Remove [AllowCredentials]"], await TitlesAsync(Provider, source, "CORSGEN002"));
    }

    [Fact]
    public async Task Does_not_offer_removing_a_wildcard_that_is_not_a_literal()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static class Origins
            {
                public const string Any = "*";
            }

            public static partial class Api
            {
                [MapGet("/me")]
                [AllowOrigins(Origins.Any, "https://app.example.com")]
                [AllowCredentials]
                public static string Me() => "me";
            }
            """;
        Assert.Equal(["Remove [AllowCredentials]"], await TitlesAsync(Provider, source, "CORSGEN002"));
    }
}

/// <summary>CORSGEN003: [AllowOrigins] entries that never match.</summary>
public sealed class InvalidOriginFixTests
{
    private static readonly InvalidOriginCodeFixProvider Provider = new();

    private static string Source(string origins) => $$"""
        using CorsGen;

        namespace App;

        public static partial class Api
        {
            [MapGet("/data")]
            [AllowOrigins({{origins}})]
            public static string Data() => "data";
        }
        """;

    [Theory]
    [InlineData("https://app.example.com/", "https://app.example.com")]
    [InlineData("https://app.example.com/login/", "https://app.example.com")]
    [InlineData("HTTPS://App.Example.COM", "https://app.example.com")]
    [InlineData("https://app.example.com:443", "https://app.example.com")]
    [InlineData("http://app.example.com:80/", "http://app.example.com")]
    [InlineData("wss://app.example.com:443", "wss://app.example.com")]
    [InlineData("ws://app.example.com:80", "ws://app.example.com")]
    [InlineData("https://app.example.com:8443/", "https://app.example.com:8443")]
    [InlineData("  https://app.example.com ", "https://app.example.com")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    [InlineData("https://*.Example.com/", "https://*.example.com")]
    [InlineData("https://*.bücher.example", "https://*.xn--bcher-kva.example")]
    public async Task Replaces_the_origin_with_its_serialized_form(string written, string serialized)
    {
        await VerifyFixAsync(
            Provider,
            Source($"\"{written}\""),
            "CORSGEN003",
            $"Use '{serialized}'",
            Source($"\"{serialized}\""),
            equivalenceKey: "CORSGEN003.NormalizeOrigin");
    }

    [Fact]
    public async Task Fixes_only_the_entry_the_diagnostic_is_about()
    {
        await VerifyFixAsync(
            Provider,
            Source("\"https://a.example.com/\", \"https://ok.example.com\", \"HTTPS://B.EXAMPLE.COM\""),
            "CORSGEN003",
            "Use 'https://b.example.com'",
            Source("\"https://a.example.com/\", \"https://ok.example.com\", \"https://b.example.com\""),
            occurrence: 1);
    }

    [Fact]
    public async Task Fixes_the_entry_named_by_the_message_when_the_diagnostics_share_the_attribute()
    {
        // An array argument gives every entry the attribute's location; the message names the entry.
        await VerifyFixAsync(
            Provider,
            Source("new[] { \"https://a.example.com/\", \"HTTPS://B.EXAMPLE.COM\" }"),
            "CORSGEN003",
            "Use 'https://b.example.com'",
            Source("new[] { \"https://a.example.com/\", \"https://b.example.com\" }"),
            messageContains: "'HTTPS://B.EXAMPLE.COM'");
    }

    [Fact]
    public async Task Keeps_a_verbatim_literal_replaced_by_a_regular_one()
    {
        await VerifyFixAsync(Provider, Source("@\"https://app.example.com/\""), "CORSGEN003", "Use 'https://app.example.com'", Source("\"https://app.example.com\""));
    }

    [Fact]
    public async Task Fix_all_in_document_fixes_every_entry_including_those_sharing_an_attribute_location()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://a.example.com/", "HTTPS://B.example.com")]
            public static partial class Api
            {
                [MapGet("/data")]
                public static string Data() => "data";

                [MapGet("/other")]
                [AllowOrigins(new[] { "https://c.example.com:443", "https://ok.example.com", " https://d.example.com" })]
                public static string Other() => "other";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://a.example.com", "https://b.example.com")]
            public static partial class Api
            {
                [MapGet("/data")]
                public static string Data() => "data";

                [MapGet("/other")]
                [AllowOrigins(new[] { "https://c.example.com", "https://ok.example.com", "https://d.example.com" })]
                public static string Other() => "other";
            }
            """;
        await VerifyFixAllAsync(Provider, source, "CORSGEN003", "CORSGEN003.NormalizeOrigin", expected);
    }

    [Theory]
    [InlineData("https://app.example.com/?tenant=1")] // query: a URL, not an origin
    [InlineData("https://app.example.com#top")] // fragment
    [InlineData("https://user@app.example.com")] // userinfo
    [InlineData("app.example.com")] // no scheme: which one is a guess
    [InlineData("https://app_example.com")] // not a host name whatever the case
    [InlineData("https://app.example.com:0443")] // leading zero
    [InlineData("ftp://files.example.com:21")] // only http(s)/ws(s) default ports are dropped
    [InlineData("https://*.com/")] // serialized, it would still be a pattern for all of .com
    public async Task Offers_nothing_when_there_is_no_serialized_form(string written)
    {
        await VerifyNoFixAsync(Provider, Source($"\"{written}\""), "CORSGEN003");
    }
}

/// <summary>CORSGEN023: method names in the wrong case.</summary>
public sealed class MethodCaseFixTests
{
    private static readonly MethodCaseCodeFixProvider Provider = new();

    [Fact]
    public async Task Upper_cases_an_AllowMethods_entry()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            [AllowMethods("GET", "patch")]
            public static partial class Api
            {
                [MapGet("/items")]
                public static string Get() => "items";

                [MapPatch("/items")]
                public static string Patch() => "patched";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            [AllowMethods("GET", "PATCH")]
            public static partial class Api
            {
                [MapGet("/items")]
                public static string Get() => "items";

                [MapPatch("/items")]
                public static string Patch() => "patched";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN023", "Use 'PATCH'", expected, equivalenceKey: "CORSGEN023.UpperCaseMethod");
    }

    [Fact]
    public async Task Upper_cases_a_MapMethods_entry_whose_diagnostic_covers_the_attribute()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            public static partial class Api
            {
                [MapMethods("/items", "Delete", "PURGE")]
                public static string Remove() => "gone";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            public static partial class Api
            {
                [MapMethods("/items", "DELETE", "PURGE")]
                public static string Remove() => "gone";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN023", "Use 'DELETE'", expected);
    }

    [Fact]
    public async Task Offers_nothing_for_a_constant_that_is_not_a_literal_here()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static class Methods
            {
                public const string Patch = "patch";
            }

            [AllowOrigins("https://app.example.com")]
            [AllowMethods(Methods.Patch)]
            public static partial class Api
            {
                [MapPatch("/items")]
                public static string Patch() => "patched";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN023");
    }
}

/// <summary>CORSGEN006: Set-Cookie in [ExposeHeaders].</summary>
public sealed class ForbiddenExposeHeaderFixTests
{
    private static readonly ForbiddenExposeHeaderCodeFixProvider Provider = new();

    private static string Source(string attributes) => $$"""
        using CorsGen;

        namespace App;

        public static partial class Api
        {
            [MapGet("/data")]
            [AllowOrigins("https://app.example.com")]
        {{attributes}}
            public static string Data() => "data";
        }
        """;

    [Fact]
    public async Task Removes_the_argument()
    {
        await VerifyFixAsync(
            Provider,
            Source("    [ExposeHeaders(\"X-Request-Id\", \"Set-Cookie\", \"ETag\")]"),
            "CORSGEN006",
            "Remove 'Set-Cookie' from the exposed headers",
            Source("    [ExposeHeaders(\"X-Request-Id\", \"ETag\")]"),
            equivalenceKey: "CORSGEN006.RemoveForbiddenHeader");
    }

    [Fact]
    public async Task Removes_the_attribute_list_when_it_was_the_only_header()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/data")]
                [ExposeHeaders("set-cookie")]
                [AllowOrigins("https://app.example.com")]
                public static string Data() => "data";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/data")]
                [AllowOrigins("https://app.example.com")]
                public static string Data() => "data";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN006", "Remove 'set-cookie' from the exposed headers", expected);
    }

    [Fact]
    public async Task Removes_only_the_attribute_when_it_shares_a_list()
    {
        await VerifyFixAsync(
            Provider,
            Source("    [MaxAge(600), ExposeHeaders(\"Set-Cookie2\")]"),
            "CORSGEN006",
            "Remove 'Set-Cookie2' from the exposed headers",
            Source("    [MaxAge(600)]"));
    }

    [Fact]
    public async Task Removes_an_array_element()
    {
        await VerifyFixAsync(
            Provider,
            Source("    [ExposeHeaders(new[] { \"X-Request-Id\", \"Set-Cookie\" })]"),
            "CORSGEN006",
            "Remove 'Set-Cookie' from the exposed headers",
            Source("    [ExposeHeaders(new[] { \"X-Request-Id\" })]"));
    }

    [Fact]
    public async Task Offers_nothing_for_a_constant()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static class Headers
            {
                public const string Cookie = "Set-Cookie";
            }

            public static partial class Api
            {
                [MapGet("/data")]
                [AllowOrigins("https://app.example.com")]
                [ExposeHeaders(Headers.Cookie)]
                public static string Data() => "data";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN006");
    }
}

/// <summary>CORSGEN011: [DisableCors] next to another CORS attribute.</summary>
public sealed class DisableCorsContradictionFixTests
{
    private static readonly DisableCorsContradictionCodeFixProvider Provider = new();

    [Fact]
    public async Task Removes_the_contradicted_attribute_and_keeps_the_doc_comment_above_it()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            public static partial class Api
            {
                /// <summary>Health probe.</summary>
                [AllowCredentials]
                [DisableCors]
                [MapGet("/health")]
                public static string Health() => "ok";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            public static partial class Api
            {
                /// <summary>Health probe.</summary>
                [DisableCors]
                [MapGet("/health")]
                public static string Health() => "ok";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN011", "Remove [AllowCredentials]", expected, equivalenceKey: "CORSGEN011.RemoveContradictedAttribute");
    }

    [Fact]
    public async Task Removes_the_one_the_diagnostic_names_from_a_shared_list()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/health")]
                [DisableCors, MaxAgeAttribute(600), AllowHeaders("X-Trace")]
                public static string Health() => "ok";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/health")]
                [DisableCors, AllowHeaders("X-Trace")]
                public static string Health() => "ok";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN011", "Remove [MaxAge]", expected, messageContains: "[MaxAge]");
    }

    [Fact]
    public async Task Offers_nothing_where_the_location_is_not_that_attribute()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class Api
            {
                [MapGet("/health")]
                [DisableCors]
                public static string Health() => "ok";
            }
            """;
        await VerifyNoFixAtAsync(Provider, source, DiagnosticDescriptors.DisableCorsContradiction, "Health");
    }
}

/// <summary>CORSGEN022 and CORSGEN005: [MaxAge] out of range.</summary>
public sealed class MaxAgeFixTests
{
    private static readonly MaxAgeCodeFixProvider Provider = new();

    private static string Source(string maxAge) => $$"""
        using CorsGen;

        namespace App;

        [AllowOrigins("https://app.example.com")]
        [MaxAge({{maxAge}})]
        public static partial class Api
        {
            [MapGet("/data")]
            public static string Data() => "data";
        }
        """;

    [Fact]
    public async Task Lowers_a_max_age_above_the_cap_to_7200()
    {
        await VerifyFixAsync(Provider, Source("86400"), "CORSGEN022", "Use 7200 (Chromium's cap)", Source("7200"), equivalenceKey: "CORSGEN022.UseChromiumCap");
    }

    [Fact]
    public async Task Keeps_the_parameter_name()
    {
        await VerifyFixAsync(Provider, Source("seconds: 24 * 60 * 60"), "CORSGEN022", "Use 7200 (Chromium's cap)", Source("seconds: 7200"));
    }

    [Fact]
    public async Task Raises_a_negative_max_age_to_0()
    {
        await VerifyFixAsync(Provider, Source("-1"), "CORSGEN005", "Use 0", Source("0"), equivalenceKey: "CORSGEN005.UseZero");
    }

    [Fact]
    public async Task Fix_all_in_document_caps_every_max_age()
    {
        const string source = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            [MaxAge(86400)]
            public static partial class Api
            {
                [MapGet("/data")]
                public static string Data() => "data";

                [MapGet("/other")]
                [MaxAge(int.MaxValue)]
                public static string Other() => "other";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            [MaxAge(7200)]
            public static partial class Api
            {
                [MapGet("/data")]
                public static string Data() => "data";

                [MapGet("/other")]
                [MaxAge(7200)]
                public static string Other() => "other";
            }
            """;
        await VerifyFixAllAsync(Provider, source, "CORSGEN022", "CORSGEN022.UseChromiumCap", expected);
    }

    [Fact]
    public async Task Offers_nothing_where_the_location_is_not_a_MaxAge_attribute()
    {
        await VerifyNoFixAtAsync(Provider, Source("86400"), DiagnosticDescriptors.MaxAgeAboveBrowserCap, "Data");
    }
}
