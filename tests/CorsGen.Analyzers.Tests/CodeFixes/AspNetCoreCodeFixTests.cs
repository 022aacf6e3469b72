using CorsGen.CodeFixes;
using CorsGen.Generators;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN012: AllowAnyOrigin() with AllowCredentials().</summary>
public sealed class AspNetAnyOriginWithCredentialsFixTests
{
    private static readonly AspNetAnyOriginWithCredentialsCodeFixProvider Provider = new();

    private static string Source(string body) => $$"""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        namespace App;

        public static class CorsSetup
        {
            public static void Configure(CorsOptions options)
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public async Task Removes_the_last_call_of_a_chain()
    {
        const string before = """
                    options.AddPolicy("open", policy => policy
                        .AllowAnyOrigin()
                        .AllowAnyHeader()
                        .AllowCredentials());
            """;
        const string after = """
                    options.AddPolicy("open", policy => policy
                        .AllowAnyOrigin()
                        .AllowAnyHeader());
            """;
        await VerifyFixAsync(Provider, Source(before), "CORSGEN012", "Remove AllowCredentials()", Source(after), equivalenceKey: "CORSGEN012.RemoveAllowCredentials");
    }

    [Fact]
    public async Task Removes_a_call_in_the_middle_of_a_chain()
    {
        const string before = """
                    options.AddPolicy("open", policy => policy
                        .AllowAnyOrigin()
                        .AllowCredentials()
                        .AllowAnyHeader());
            """;
        const string after = """
                    options.AddPolicy("open", policy => policy
                        .AllowAnyOrigin()
                        .AllowAnyHeader());
            """;
        await VerifyFixAsync(Provider, Source(before), "CORSGEN012", "Remove AllowCredentials()", Source(after));
    }

    [Fact]
    public async Task Removes_a_call_of_a_one_line_chain()
    {
        await VerifyFixAsync(
            Provider,
            Source("        var policy = new CorsPolicyBuilder().AllowAnyOrigin().AllowCredentials().Build();\n        options.AddPolicy(\"open\", policy);"),
            "CORSGEN012",
            "Remove AllowCredentials()",
            Source("        var policy = new CorsPolicyBuilder().AllowAnyOrigin().Build();\n        options.AddPolicy(\"open\", policy);"));
    }

    [Fact]
    public async Task Removes_a_standalone_statement()
    {
        const string before = """
                    options.AddPolicy("open", policy =>
                    {
                        policy.AllowAnyOrigin();
                        // Cookies too.
                        policy.AllowCredentials();
                        policy.AllowAnyMethod();
                    });
            """;
        const string after = """
                    options.AddPolicy("open", policy =>
                    {
                        policy.AllowAnyOrigin();
                        // Cookies too.
                        policy.AllowAnyMethod();
                    });
            """;
        await VerifyFixAsync(Provider, Source(before), "CORSGEN012", "Remove AllowCredentials()", Source(after));
    }

    [Fact]
    public async Task Offers_nothing_where_the_location_is_not_an_AllowCredentials_call()
    {
        const string body = """
                    options.AddPolicy("open", policy => policy.AllowAnyOrigin().AllowCredentials());
            """;
        await VerifyNoFixAtAsync(Provider, Source(body), DiagnosticDescriptors.AspNetAnyOriginWithCredentials, "AllowAnyOrigin()");
    }
}

/// <summary>CORSGEN014: WithOrigins(...) entries that never match.</summary>
public sealed class AspNetInvalidOriginFixTests
{
    private static readonly InvalidOriginCodeFixProvider Provider = new();

    private static string Source(string policy) => $$"""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        namespace App;

        public static class CorsSetup
        {
            public static void Configure(CorsOptions options)
            {
                options.AddPolicy("app", policy => {{policy}});
            }
        }
        """;

    [Theory]
    [InlineData("https://app.example.com/", "https://app.example.com")]
    [InlineData("https://app.example.com:443", "https://app.example.com")]
    [InlineData("http://localhost:80/", "http://localhost")]
    [InlineData("https://app.example.com/signin", "https://app.example.com")]
    [InlineData(" https://App.example.com", "https://app.example.com")]
    public async Task Replaces_the_origin_with_its_serialized_form(string written, string serialized)
    {
        await VerifyFixAsync(
            Provider,
            Source($"policy.WithOrigins(\"https://ok.example.com\", \"{written}\").AllowAnyMethod()"),
            "CORSGEN014",
            $"Use '{serialized}'",
            Source($"policy.WithOrigins(\"https://ok.example.com\", \"{serialized}\").AllowAnyMethod()"));
    }

    [Fact]
    public async Task Fixes_a_subdomain_pattern_when_the_policy_allows_wildcard_subdomains()
    {
        await VerifyFixAsync(
            Provider,
            Source("policy.WithOrigins(\"https://*.example.com/\").SetIsOriginAllowedToAllowWildcardSubdomains()"),
            "CORSGEN014",
            "Use 'https://*.example.com'",
            Source("policy.WithOrigins(\"https://*.example.com\").SetIsOriginAllowedToAllowWildcardSubdomains()"));
    }

    [Fact]
    public async Task Fixes_a_subdomain_pattern_when_another_statement_allows_wildcard_subdomains()
    {
        await VerifyFixAsync(
            Provider,
            Source("{ policy.WithOrigins(new[] { \"https://*.example.com:443\" }); policy.SetIsOriginAllowedToAllowWildcardSubdomains(); }"),
            "CORSGEN014",
            "Use 'https://*.example.com'",
            Source("{ policy.WithOrigins(new[] { \"https://*.example.com\" }); policy.SetIsOriginAllowedToAllowWildcardSubdomains(); }"));
    }

    [Fact]
    public async Task Offers_nothing_for_a_subdomain_pattern_without_wildcard_subdomains()
    {
        // Serialized it would still not match: the pattern needs SetIsOriginAllowedToAllowWildcardSubdomains().
        await VerifyNoFixAsync(Provider, Source("policy.WithOrigins(\"https://*.example.com/\")"), "CORSGEN014");
    }

    [Fact]
    public async Task Offers_nothing_when_another_builder_allows_wildcard_subdomains()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            namespace App;

            public static class CorsSetup
            {
                public static void Configure(CorsOptions options)
                {
                    options.AddPolicy("app", policy => policy.WithOrigins("https://*.example.com/"));
                    options.AddPolicy("other", other => other.WithOrigins("https://*.example.org").SetIsOriginAllowedToAllowWildcardSubdomains());
                }
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN014");
    }

    [Theory]
    [InlineData("https://app.example.com/?x=1")]
    [InlineData("https://user@app.example.com")]
    [InlineData("app.example.com")]
    public async Task Offers_nothing_when_there_is_no_serialized_form(string written)
    {
        await VerifyNoFixAsync(Provider, Source($"policy.WithOrigins(\"{written}\")"), "CORSGEN014");
    }
}
