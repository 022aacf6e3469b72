using System.Reflection;
using CorsGen.Shared;
using Microsoft.AspNetCore.Routing.Patterns;

namespace CorsGen.Generators.Tests;

/// <summary>
/// src/Shared is compiled into the generator (and, through it, the code fixes) and into the runtime. These
/// tests hold the copies to one behaviour, and the compile-time route-pattern key to the one the runtime
/// takes from a parsed <see cref="RoutePattern"/>.
/// </summary>
public sealed class SharedRulesTests
{
    private static readonly Assembly Generator = typeof(CorsGenerator).Assembly;
    private static readonly Assembly Runtime = typeof(SerializedOrigin).Assembly;

    public static TheoryData<string> Templates =>
    [
        "/items", "items", "/Items/", "~/items", "/items/{id}", "/items/{ID:int}", "/items/{id?}", "/items/{*rest}",
        "/items/{**rest}", "/files/file.{ext}", "/files/File.{name}", "/files/{name}.{ext}", "/files/{name}.{ext?}",
        "/a/{x}-{y}/b", "/a/prefix{x}suffix", "/{a}/{b:regex(^\\d{{3}}$)}", "/literal{{braces}}", "/", "",
    ];

    public static TheoryData<string> Origins =>
    [
        "https://app.example.com", "http://localhost:5000", "https://*.example.com", "*", "null", "https://App.example.com",
        "https://app.example.com/", "https://app.example.com:443", "http://[::1]:8080", "http://127.0.0.1", "https://-bad.example.com",
        "https://a..b", "https://" + new string('a', 64) + ".com", "ws://h:80", "https://h:0443", "ftp://files.example.com",
        "https://xn--bcher-kva.example", "https://exa mple.com", "https://bücher.example", "https://user@example.com",
    ];

    [Theory]
    [MemberData(nameof(Templates))]
    public void Compile_time_pattern_key_equals_the_runtime_key_of_the_parsed_pattern(string template)
    {
        var parsed = RoutePatternFactory.Parse(template);
        var runtimeKey = (string)Runtime.GetType("CorsGen.CorsPreflightDataSource", throwOnError: true)!
            .GetMethod("PatternKey", BindingFlags.NonPublic | BindingFlags.Static)!
            .Invoke(null, [parsed])!;

        Assert.Equal(runtimeKey, RoutePatternKey.FromTemplate(template));
    }

    [Fact]
    public void A_parameter_in_a_complex_segment_does_not_count_by_name_or_case()
    {
        // Used to stay "/files/file.{ext}" at compile time while the runtime keyed "files/file.{}":
        // two classes' preflights at one path were keyed apart by the generator.
        Assert.Equal("/files/file.{}", RoutePatternKey.FromTemplate("/files/file.{ext}"));
        Assert.Equal(RoutePatternKey.FromTemplate("/Files/FILE.{name}"), RoutePatternKey.FromTemplate("/files/file.{ext}"));
        Assert.Equal("/a/{}-{}", RoutePatternKey.FromTemplate("/a/{x}-{y}"));
        Assert.NotEqual(RoutePatternKey.FromTemplate("/a/{x}"), RoutePatternKey.FromTemplate("/a/{x}-{y}"));
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Copies_agree_on_route_pattern_keys(string template) =>
        AssertCopiesAgree("RoutePatternKey", "FromTemplate", template);

    [Theory]
    [MemberData(nameof(Origins))]
    public void Copies_agree_on_origins(string origin)
    {
        AssertCopiesAgree("OriginSyntax", "Parse", origin);
        AssertCopiesAgree("HttpTokenRule", "IsToken", origin);
        AssertCopiesAgree("CorsRules", "IsForbiddenExposeHeader", origin);
        AssertCopiesAgree("CorsRules", "IsUpperCaseMethod", origin);
    }

    [Theory]
    [MemberData(nameof(Origins))]
    public void The_runtime_accepts_every_origin_the_compiler_accepts(string origin)
    {
        var parsed = OriginSyntax.Parse(origin);
        if (parsed.Kind == OriginKind.Exact && origin != "null")
        {
            Assert.True(SerializedOrigin.IsValid(origin), origin);
        }
    }

    [Fact]
    public void Copies_agree_on_limits_and_names()
    {
        foreach (var type in new[] { "CorsRules", "HttpTokenRule", "DnsLabels" })
        {
            var generatorFields = Fields(Generator, type);
            Assert.NotEmpty(generatorFields);
            Assert.Equal(generatorFields, Fields(Runtime, type));
        }
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("X-Custom")]
    [InlineData("Set-Cookie")]
    [InlineData("bad header")]
    [InlineData("")]
    public void The_runtime_token_check_uses_the_shared_rule(string value) =>
        Assert.Equal(HttpTokenRule.IsToken(value), HttpTokens.IsToken(value));

    private static void AssertCopiesAgree(string type, string method, string argument) =>
        Assert.Equal(Invoke(Generator, type, method, argument), Invoke(Runtime, type, method, argument));

    private static object? Invoke(Assembly assembly, string type, string method, string argument) =>
        assembly.GetType("CorsGen.Shared." + type, throwOnError: true)!
            .GetMethod(method, BindingFlags.Public | BindingFlags.Static, [typeof(string)])!
            .Invoke(null, [argument])?.ToString();

    private static List<string> Fields(Assembly assembly, string type) =>
        assembly.GetType("CorsGen.Shared." + type, throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Name + "=" + (f.GetValue(null) is string[] array ? string.Join(",", array) : f.GetValue(null)))
            .ToList();
}
