using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>CORSGEN032-034: [AllowOriginValidator] naming a type CorsGen cannot ask, or on a policy that never asks it.</summary>
public sealed class OriginValidatorAnalyzerTests
{
    private const string Header = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using CorsGen;

        namespace App;

        public sealed class TenantValidator : IAsyncOriginValidator
        {
            public ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken) => new(false);
        }

        public sealed class ListValidator : IOriginValidator
        {
            public bool IsOriginAllowed(OriginValidationContext context) => false;
        }


        """;

    private static Task<AnalyzerRun> Verify(string body, string? defaultId = null) => VerifyAsync(Header + body, defaultId);

    // ---------------------------------------------------------------- no diagnostic

    [Theory]
    [InlineData("TenantValidator")]
    [InlineData("ListValidator")]
    [InlineData("IAsyncOriginValidator")] // an interface registered with its implementation
    public async Task Not_reported_for_either_form_on_an_endpoint_class_a_method_or_a_policy_class(string validator)
    {
        await Verify($$"""
            [AllowOrigins("https://app.example.com")]
            [AllowOriginValidator(typeof({{validator}}))]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";

                [AllowOriginValidator(typeof({{validator}}))]
                [MapPut("/e/{id}")]
                public static string Put(string id) => id;
            }

            [CorsPolicy, AllowOriginValidator(typeof({{validator}}))]
            public static partial class Tenants;
            """);
    }

    // ---------------------------------------------------------------- CORSGEN032

    [Theory]
    [InlineData("string")]
    [InlineData("NotAValidator")]
    public async Task CORSGEN032_a_type_that_implements_neither_form(string type)
    {
        var run = await Verify($$"""
            public sealed class NotAValidator
            {
                public bool IsOriginAllowed(string origin) => true;
            }

            [AllowOrigins("https://app.example.com")]
            [[|AllowOriginValidator(typeof({{type}}))|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN032");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("implements neither IOriginValidator nor IAsyncOriginValidator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CORSGEN032_on_a_policy_class_used_by_WithCors()
    {
        await Verify("""
            [CorsPolicy, [|AllowOriginValidator(typeof(Uri))|]]
            public static partial class Tenants;
            """, "CORSGEN032");
    }

    // ---------------------------------------------------------------- CORSGEN033

    [Fact]
    public async Task CORSGEN033_a_validator_on_an_any_origin_policy()
    {
        var run = await Verify("""
            [AllowOrigins("*")]
            [[|AllowOriginValidator(typeof(TenantValidator))|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN033");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("'E'", StringComparison.Ordinal) && d.GetMessage().Contains("never asked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CORSGEN033_a_method_validator_under_a_class_wide_any_origin()
    {
        await Verify("""
            [AllowOrigins("*")]
            public static partial class E
            {
                [[|AllowOriginValidator(typeof(ListValidator))|]]
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN033");
    }

    // ---------------------------------------------------------------- CORSGEN034

    [Fact]
    public async Task CORSGEN034_an_open_generic_validator()
    {
        var run = await Verify("""
            public sealed class Generic<T> : IAsyncOriginValidator
            {
                public ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken) => new(false);
            }

            [AllowOrigins("https://app.example.com")]
            [[|AllowOriginValidator(typeof(Generic<>))|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN034");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("open generic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CORSGEN034_a_validator_with_both_forms()
    {
        var run = await Verify("""
            public sealed class Both : IOriginValidator, IAsyncOriginValidator
            {
                public bool IsOriginAllowed(OriginValidationContext context) => false;
                public ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken) => new(false);
            }

            [AllowOrigins("https://app.example.com")]
            [[|AllowOriginValidator(typeof(Both))|]]
            public static partial class E
            {
                [MapPost("/e")]
                public static string Post() => "e";
            }
            """, "CORSGEN034");

        Assert.Contains(run.Diagnostics, d => d.GetMessage().Contains("implements both", StringComparison.Ordinal));
    }
}
