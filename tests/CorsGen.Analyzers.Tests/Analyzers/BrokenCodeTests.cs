using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// Code being typed is broken most of the time: the analyzers must never throw on it (an exception
/// surfaces as AD0001 and disables the analyzer for the file). The harness fails a run on any
/// analyzer exception. The inputs are what the parser meets in the IDE while code is typed: syntax
/// errors, missing, null and mistyped arguments, attributes on members that cannot be routes.
/// </summary>
public sealed class BrokenCodeTests
{
    public static TheoryData<string, string> BrokenAttributeCode => new()
    {
        { "route attribute without pattern", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapGet] public static string Get() => ""; }""" },
        { "route attribute with empty argument list", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapPost()] public static string Get() => ""; }""" },
        { "unclosed route attribute", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapGet("/a" public static string Get() => ""; }""" },
        { "unclosed origin string", """[AllowOrigins("https://app.example.com)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "dangling comma", """[AllowOrigins("https://a.example.com", )] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "MaxAge without seconds", """[AllowOrigins("https://app.example.com"), MaxAge] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "MaxAge with a string", """[AllowOrigins("https://app.example.com"), MaxAge("ten")] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "MaxAge with null", """[AllowOrigins("https://app.example.com"), MaxAge(null)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "AllowOrigins without origins", """[AllowOrigins] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "AllowOrigins with null, null", """[AllowOrigins(null, null)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "AllowOrigins with a null array cast", """[AllowOrigins((string[])null)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "AllowOrigins with numbers", """[AllowOrigins(42, 43)] public static partial class E { [MapGet(7)] public static string Get() => ""; }""" },
        { "non-constant origin", """public static class C { public static readonly string O = "https://a.example.com"; } [AllowOrigins(C.O)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "undefined constant", """[AllowOrigins(Missing.Origin), AllowMethods(Missing.Method)] public static partial class E { [MapGet(Missing.Pattern)] public static string Get() => ""; }""" },
        { "MapMethods without methods", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapMethods("/a")] public static string Get() => ""; }""" },
        { "MapMethods with null methods", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapMethods("/a", null)] public static string Get() => ""; }""" },
        { "MapMethods with null pattern and element", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapMethods(null, "GET", null)] public static string Get() => ""; }""" },
        { "null headers and methods", """[AllowOrigins("https://app.example.com"), AllowMethods(null), AllowHeaders(null), ExposeHeaders(null, null)] public static partial class E { [MapGet("/a")] public static string Get() => ""; }""" },
        { "attribute on a class with no members", """[AllowOrigins("https://app.example.com"), AllowCredentials] public static partial class E""" },
        { "route on a method without a body", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapGet("/a")] public static string Get() }""" },
        { "route on a property", """[AllowOrigins("https://app.example.com")] public static partial class E { [MapGet("/a")] public static string Get => ""; }""" },
        { "route on a constructor and an operator", """[AllowOrigins("https://app.example.com")] public partial class E { [MapGet("/a")] public E() { } [MapGet("/b")] public static E operator +(E a, E b) => a; }""" },
        { "route on a local function", """public static partial class E { public static void M() { [MapGet("/a")] static string Local() => ""; } }""" },
        { "route on an interface and an enum", """[AllowOrigins("https://a.example.com")] public partial interface I { [MapGet("/a")] static string Get() => ""; } [AllowOrigins("https://a.example.com")] public enum En { A }""" },
        { "generic nested endpoint class", """public partial class Outer<T> { [AllowOrigins("https://a.example.com")] public static partial class E<U> { [MapGet("/a")] public static string Get() => ""; } }""" },
        { "duplicate attributes", """[AllowOrigins("https://a.example.com"), AllowOrigins("*")] [AllowCredentials, AllowCredentials] public static partial class E { [MapGet("/a"), MapGet("/a")] [DisableCors, DisableCors, AllowOrigins("null")] public static string Get() => ""; }""" },
        { "partial class in two parts with conflicting modifiers", """[AllowOrigins("https://a.example.com")] public static partial class E { [MapGet("/a")] public static string Get() => ""; } public partial class E { [MapGet("/a")] public string Get() => ""; }""" },
        { "garbage", """[AllowOrigins("https://a.example.com"] public static partial class E { [MapGet("/a")] public static string Get( => ""; ]]] }}} @#""" },
    };

    public static TheoryData<string, string> BrokenAspNetCoreCode => new()
    {
        { "hand-mapped route without handler", """var app = WebApplication.Create(args); app.MapPost("/a", ); app.MapPost(); app.MapMethods("/a", null, null); app.Run();""" },
        { "hand-mapped route with a missing handler method", """var app = WebApplication.Create(args); app.MapPost("/a", Missing.Handler); app.MapPut(null, H.Post); app.Run(); static class H { [CorsGen.AllowOrigins("https://a.example.com")] public static string Post() => ""; }""" },
        { "hand-mapped route with a computed pattern", """var app = WebApplication.Create(args); var p = args[0]; app.MapPost(p, H.Post); app.MapMethods("/a", args, H.Post); app.Run(); static class H { [CorsGen.AllowOrigins(null)] public static string Post() => ""; }""" },
        { "policy builder calls with missing and null arguments", """var b = WebApplication.CreateBuilder(args); b.Services.AddCors(o => o.AddPolicy("p", p => p.WithOrigins(null).WithOrigins().SetIsOriginAllowed().SetIsOriginAllowed(null).AllowCredentials())); b.Build().Run();""" },
        { "policy predicate of the wrong type", """var b = WebApplication.CreateBuilder(args); b.Services.AddCors(o => o.AddPolicy("p", p => p.SetIsOriginAllowed(origin => "yes").SetIsOriginAllowed(42).AllowCredentials())); b.Build().Run();""" },
        { "UseCors and RequireCors half typed", """var app = WebApplication.Create(args); app.UseCors(; app.MapGet("/a", () => "").RequireCors(); app.Run();""" },
        { "header writes with missing arguments", """var app = WebApplication.Create(args); app.Use(async (context, next) => { context.Response.Headers.Append("Access-Control-Allow-Origin"); context.Response.Headers[] = context.Request.Headers.Origin; context.Response.Headers["Access-Control-Allow-Credentials"] = ; context.Response.Headers.Append(null, null); await next(context); }); app.Run();""" },
        { "header writes through an unknown local", """public static class M { public static void W(HttpContext c) { c.Response.Headers["Access-Control-Allow-Origin"] = missing; c.Response.Headers["Access-Control-Allow-Credentials"] = "true"; var x = x; c.Response.Headers.AccessControlAllowOrigin = x; } }""" },
        { "EnableCors with wrong arguments", """using Microsoft.AspNetCore.Cors; public static class H { [EnableCors(1, 2)] public static string Get() => ""; [EnableCors(] public static string Get2() => ""; }""" },
    };

    [Theory]
    [MemberData(nameof(BrokenAttributeCode))]
    public async Task Attribute_analyzer_never_throws_on_broken_code(string because, string code)
    {
        _ = because;
        await AssertNoAnalyzerException("using CorsGen;\n\nnamespace App;\n\n" + code);
    }

    [Theory]
    [MemberData(nameof(BrokenAspNetCoreCode))]
    public async Task AspNetCore_analyzer_never_throws_on_broken_code(string because, string code)
    {
        _ = because;
        await AssertNoAnalyzerException(code);
    }

    private static async Task AssertNoAnalyzerException(string source)
    {
        // RunAsync fails on any exception an analyzer throws; AD0001 is how a build reports one.
        var run = await RunAsync(source, CorsGenAnalyzers);

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "AD0001" or "AD0002");
    }
}
