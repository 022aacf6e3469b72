using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Tests;

/// <summary>
/// How handler signatures are bound in trimmed/AOT builds. The parser recognises ASP.NET Core's types by
/// name and namespace (it runs for every route on every edit); these pin the cases where that must read
/// exactly as the types' full names do: nullable annotations, look-alike types, inner '?'s.
/// </summary>
public sealed class HandlerParserTests
{
    private const string Source = """
        using System.Collections.Generic;
        using System.Security.Claims;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Mvc;

        namespace App;

        public enum Shade { Light, Dark }
        public sealed record Order(string Item);
        public sealed class Greeter { }
        public sealed class Bound { public static ValueTask<Bound?> BindAsync(HttpContext context) => default; }
        public sealed class Outer { public sealed class HttpContext { } }

        public static class Handlers
        {
            public static string Context(HttpContext context, HttpRequest request, HttpResponse response, CancellationToken aborted, ClaimsPrincipal user) => "";
            public static string AnnotatedContext(HttpContext? context) => "";
            public static string LookAlike(Outer.HttpContext context) => "";
            public static string Id(int ID) => "";
            public static string Optional(int? page, Shade shade = Shade.Dark, string? filter = null) => "";
            public static string Named([FromQuery(Name = "p")] int page, [FromHeader(Name = "X-Tenant")] string tenant, [FromRoute] long id) => "";
            public static string Service([FromServices] Greeter greeter) => "";
            public static string Keyed([Microsoft.Extensions.DependencyInjection.FromKeyedServices("eu")] Greeter greeter) => "";
            public static string Form([FromForm] string name) => "";
            public static string SimpleBody([FromBody] int count) => "";
            public static string CustomBinding(Bound bound) => "";
            public static string Complex(Order order) => "";
            public static string Tags(List<string?> tags) => "";
            public static Task<IResult> Result() => null!;
            public static IResult? AnnotatedResult() => null;
            public static Task Awaited() => Task.CompletedTask;
            public static ValueTask<string> Text() => default;
            public static IAsyncEnumerable<int> Stream() => null!;
        }
        """;

    private static readonly INamedTypeSymbol Handlers = GeneratorRunner.CreateCompilation(Source).GetTypeByMetadataName("App.Handlers")!;

    [Theory]
    [InlineData("Context", "GET", "HttpContext context | HttpRequest request | HttpResponse response | CancellationToken aborted | User user")]
    [InlineData("AnnotatedContext", "GET", "Service context global::Microsoft.AspNetCore.Http.HttpContext? optional")]
    [InlineData("LookAlike", "GET", "Service context global::App.Outer.HttpContext")]
    [InlineData("Id", "GET", "Route ID int parses int")]
    [InlineData("Optional", "GET", "Query page int? parses int optional | Query shade global::App.Shade parses global::App.Shade enum optional = (global::App.Shade)1 | Query filter string? optional = default")]
    [InlineData("Named", "GET", "Query p int parses int | Header X-Tenant string | Route id long parses long")]
    [InlineData("Service", "GET", "Service greeter global::App.Greeter")]
    [InlineData("Complex", "POST", "Body order global::App.Order inferred")]
    [InlineData("Complex", "GET", "Service order global::App.Order")]
    [InlineData("Tags", "PUT", "Body tags global::System.Collections.Generic.List<string?> inferred")]
    public void Parameters_bind_as_minimal_apis_infer(string method, string httpMethod, string expected)
    {
        var (handler, unsupported) = Parse(method, httpMethod);

        Assert.Null(unsupported);
        Assert.Equal(expected, string.Join(" | ", handler!.Parameters.Select(Describe)));
    }

    [Theory]
    [InlineData("Form", "parameter 'name' binds from a source CorsGen does not generate ([FromFormAttribute])")]
    [InlineData("SimpleBody", "body parameter 'count' has a simple type")]
    [InlineData("Keyed", "parameter 'greeter' uses keyed services")]
    [InlineData("CustomBinding", "parameter 'bound' has a type with its own BindAsync or endpoint metadata")]
    [InlineData("AnnotatedResult", "it returns Microsoft.AspNetCore.Http.IResult?, whose JSON shape is only known at run time")]
    [InlineData("Stream", "it returns System.Collections.Generic.IAsyncEnumerable<int>, whose JSON shape is only known at run time")]
    public void Other_shapes_keep_the_framework_binding(string method, string expected)
    {
        var (handler, unsupported) = Parse(method, "GET");

        Assert.Null(handler);
        Assert.Equal(expected, unsupported);
    }

    [Theory]
    [InlineData("Result", "Result global::Microsoft.AspNetCore.Http.IResult awaited")]
    [InlineData("Awaited", "None awaited")]
    [InlineData("Text", "Text awaited")]
    [InlineData("Context", "Text")]
    public void Results_are_written_by_kind(string method, string expected)
    {
        var (handler, _) = Parse(method, "GET");

        Assert.Equal(expected, $"{handler!.Result}{(handler.ResultType is { } type ? " " + type : string.Empty)}{(handler.IsAwaitable ? " awaited" : string.Empty)}");
    }

    private static (HandlerSpec? Handler, string? Unsupported) Parse(string method, string httpMethod) =>
        CorsGenerator.HandlerParser.Parse(
            Handlers.GetMembers(method).OfType<IMethodSymbol>().Single(),
            "/items/{id:int}",
            new EquatableArray<string>([httpMethod]));

    private static string Describe(HandlerParameterSpec p) =>
        $"{p.Source} {(p.Key.Length == 0 ? p.Name : p.Key)}" + (p.Source is ParameterSource.Route or ParameterSource.Query or ParameterSource.Header or ParameterSource.Service or ParameterSource.Body ? " " + p.Type : string.Empty)
        + (p.ValueType is { } valueType && p.Source is not (ParameterSource.Service or ParameterSource.Body) ? " parses " + valueType : string.Empty)
        + (p.IsEnum ? " enum" : string.Empty)
        + (p.IsOptional ? " optional" : string.Empty)
        + (p.DefaultValue is { } value ? " = " + value : string.Empty)
        + (p.Inferred ? " inferred" : string.Empty);
}
