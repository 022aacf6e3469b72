using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators.Tests;

/// <summary>The switch between the framework's binding and CorsGen's generated request delegates (trimmed/AOT builds).</summary>
public sealed class RequestDelegateModeTests
{
    private const string Source = """
        using CorsGen;

        namespace App;

        [AllowOrigins("https://app.example.com")]
        public static partial class OrderEndpoints
        {
            public sealed record Order(string Item);

            [MapPost("/orders")]
            public static Order Create(Order order) => order;

            [MapGet("/orders/{id:int}")]
            public static string Get(int id) => "order " + id;
        }
        """;

    private static GeneratorDriver Driver(params (string Name, string Value)[] properties) =>
        CSharpGeneratorDriver.Create(
            [new CorsGenerator().AsSourceGenerator()],
            parseOptions: GeneratorRunner.ParseOptions,
            optionsProvider: new BuildProperties(properties),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static string Generated(GeneratorDriver driver, out Compilation output)
    {
        driver.RunGeneratorsAndUpdateCompilation(GeneratorRunner.CreateCompilation(Source), out output, out _);
        return output.SyntaxTrees.Single(t => t.FilePath.EndsWith("App.OrderEndpoints.CorsGen.g.cs", StringComparison.Ordinal)).ToString();
    }

    [Fact]
    public void An_ordinary_build_maps_handlers_with_the_framework_binding()
    {
        var source = Generated(Driver(), out _);

        Assert.Contains("EndpointRouteBuilderExtensions.MapPost(group, \"/orders\", Create)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("HandlerBinding", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PublishAot")]
    [InlineData("PublishTrimmed")]
    [InlineData("EnableRequestDelegateGenerator")]
    [InlineData("CorsGenRequestDelegates")]
    public void A_trimmed_or_aot_build_gets_generated_request_delegates_that_compile(string property)
    {
        var source = Generated(Driver((property, "true")), out var output);

        Assert.DoesNotContain("EndpointRouteBuilderExtensions.MapPost(", source, StringComparison.Ordinal);
        Assert.Contains("global::CorsGen.HandlerBinding.ReadJsonAsync(context, bodyJson0", source, StringComparison.Ordinal);
        Assert.Contains("global::CorsGen.HandlerBinding.TryParse<int>(text0, out var value0)", source, StringComparison.Ordinal);
        GeneratorRunner.AssertNoProblems("The compilation after generation", output.GetDiagnostics());
    }

    [Fact]
    public void Filter_invocation_contexts_are_generic_up_to_eight_arguments_and_a_list_beyond()
    {
        const string Shapes = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://app.example.com")]
            public static partial class ShapeEndpoints
            {
                [MapGet("/none")]
                public static string None() => "none";

                [MapGet("/eight")]
                public static int Eight(int a, int b, int c, int d, int e, int f, int g, int h) => a + h;

                [MapGet("/nine")]
                public static int Nine(int a, int b, int c, int d, int e, int f, int g, int h, int i) => a + i;
            }
            """;
        CSharpGeneratorDriver.Create(
                [new CorsGenerator().AsSourceGenerator()],
                parseOptions: GeneratorRunner.ParseOptions,
                optionsProvider: new BuildProperties([("CorsGenRequestDelegates", "true")]))
            .RunGeneratorsAndUpdateCompilation(GeneratorRunner.CreateCompilation(Shapes), out var output, out _);
        var source = output.SyntaxTrees.Single(t => t.FilePath.EndsWith("App.ShapeEndpoints.CorsGen.g.cs", StringComparison.Ordinal)).ToString();

        Assert.Contains("new global::Microsoft.AspNetCore.Http.DefaultEndpointFilterInvocationContext(context)", source, StringComparison.Ordinal);
        Assert.Contains("EndpointFilterInvocationContext.Create<int, int, int, int, int, int, int, int>(context, arg0,", source, StringComparison.Ordinal);
        Assert.Contains("new global::Microsoft.AspNetCore.Http.DefaultEndpointFilterInvocationContext(context, arg0,", source, StringComparison.Ordinal);
        GeneratorRunner.AssertNoProblems("The compilation after generation", output.GetDiagnostics());
    }

    [Fact]
    public void CorsGenRequestDelegates_false_wins_over_PublishAot()
    {
        var source = Generated(Driver(("PublishAot", "true"), ("CorsGenRequestDelegates", "false")), out _);

        Assert.DoesNotContain("HandlerBinding", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Turning_the_switch_regenerates_and_a_rerun_after_it_is_cached()
    {
        var compilation = GeneratorRunner.CreateCompilation(Source);
        var driver = Driver().RunGenerators(compilation);
        var switched = driver.WithUpdatedAnalyzerConfigOptions(new BuildProperties([("PublishAot", "true")])).RunGenerators(compilation);
        var again = switched.RunGenerators(compilation);

        var switchedOutputs = switched.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(switchedOutputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        var againOutputs = again.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.All(againOutputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }
}
