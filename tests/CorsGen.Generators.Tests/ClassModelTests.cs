using CorsGen.Generators.Model;

namespace CorsGen.Generators.Tests;

/// <summary>The decisions the emit model carries, so the emitters only write them.</summary>
public sealed class ClassModelTests
{
    private static EndpointClassModel Model(string source, string className)
    {
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(source));
        return PipelineAssert.Outputs(run.Result, TrackingNames.EndpointClasses)
            .Select(o => o.Value switch
            {
                EndpointClassModel m => m,
                (EndpointClassModel m, bool) => m,
                _ => null,
            })
            .Single(m => m?.Class.Name == className)!;
    }

    [Fact]
    public void A_class_with_one_policy_names_it_for_the_class_and_one_with_several_for_their_first_route_methods()
    {
        var single = Model("""
            using CorsGen;
            [AllowOrigins("https://app.example.com")]
            public static partial class Items
            {
                [MapGet("/items")] public static string List() => "";
                [MapPost("/items")] public static string Create() => "";
            }
            """, "Items");
        Assert.Equal(["Items"], single.Policies.Select(p => p.Name));

        var several = Model("""
            using CorsGen;
            [AllowOrigins("https://app.example.com")]
            public static partial class Items
            {
                [MapGet("/items")] public static string List() => "";
                [MapDelete("/items/{id}"), AllowOrigins("https://admin.example.com")] public static string Delete(string id) => id;
            }
            """, "Items");
        Assert.Equal(["Items.List", "Items.Delete"], several.Policies.Select(p => p.Name));
    }

    [Fact]
    public void A_continuing_preflight_names_the_OPTIONS_route_it_hands_on_to_whatever_the_pattern_is_written_as()
    {
        var model = Model("""
            using CorsGen;
            [AllowOrigins("https://app.example.com"), PreflightContinue]
            public static partial class Files
            {
                [MapPut("/files/{name}")] public static string Put(string name) => name;
                [MapMethods("/Files/{Name}", "OPTIONS")] public static string Options() => "";
            }
            """, "Files");

        var preflight = Assert.Single(model.Preflights);
        Assert.True(preflight.Continues);
        Assert.Equal(0, preflight.RefusingPolicyIndex);
        var options = Assert.Single(model.Routes, r => r.HttpMethods.Contains("OPTIONS"));
        Assert.Equal(0, options.ContinuedPreflightIndex);
        Assert.All(model.Routes.Where(r => !r.HttpMethods.Contains("OPTIONS")), r => Assert.Equal(-1, r.ContinuedPreflightIndex));
    }

    [Fact]
    public void A_preflight_without_continue_does_not_continue()
    {
        var model = Model("""
            using CorsGen;
            [AllowOrigins("https://app.example.com")]
            public static partial class Files
            {
                [MapPut("/files")] public static string Put() => "";
                [MapMethods("/files", "OPTIONS")] public static string Options() => "";
            }
            """, "Files");

        Assert.False(Assert.Single(model.Preflights).Continues);
        Assert.All(model.Routes, r => Assert.Equal(-1, r.ContinuedPreflightIndex));
    }
}
