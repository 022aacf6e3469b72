using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators.Tests;

/// <summary>
/// The pipeline's named steps must cache: an edit that does not touch CorsGen's attributes leaves
/// every tracked output Cached or Unchanged (nothing re-emitted), an edit that does is Modified.
/// </summary>
public sealed class IncrementalTests
{
    private const string Alpha = """
        using CorsGen;

        namespace App;

        [AllowOrigins("https://alpha.example.com")]
        public static partial class AlphaEndpoints
        {
            // A comment that edits may change.
            [MapGet("/alpha")]
            public static string Get() => "alpha";

            [MapPost("/alpha")]
            public static string Post() => "posted";
        }
        """;

    private const string Beta = """
        using CorsGen;

        namespace App;

        [AllowOrigins("https://beta.example.com")]
        [MaxAge(60)]
        public static partial class BetaEndpoints
        {
            [MapGet("/beta")]
            public static string Get() => "beta";

            [MapDelete("/beta/{id}")]
            public static string Delete(string id) => id;
        }
        """;

    private const string Unrelated = """
        namespace App;

        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void Rerun_on_an_unchanged_compilation_is_all_cached()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        var second = GeneratorRunner.Run((CSharpCompilation)first.Input.Clone(), first.Driver);

        PipelineAssert.AssertTrackedStepsRan(first.Result);
        PipelineAssert.AssertAllCachedOrUnchanged(second.Result);
    }

    [Fact]
    public void Rerun_with_a_policy_class_caches_the_policy_classes_step()
    {
        const string policy = """
            using CorsGen;

            namespace App;

            [CorsPolicy]
            [AllowOrigins("https://partner.example.com")]
            public static partial class PartnerPolicy;
            """;
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, policy));
        Assert.NotEmpty(PipelineAssert.Outputs(first.Result, TrackingNames.PolicyClasses));

        var second = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, policy, Unrelated), first.Driver);

        PipelineAssert.AssertAllCachedOrUnchanged(second.Result);
        Assert.NotEmpty(PipelineAssert.Outputs(second.Result, TrackingNames.PolicyClasses));
    }

    [Fact]
    public void Adding_an_unrelated_file_is_all_cached()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        var edited = first.Input.AddSyntaxTrees(GeneratorRunner.Parse(Unrelated, "/src/Helpers.cs"));
        var second = GeneratorRunner.Run(edited, first.Driver);

        PipelineAssert.AssertAllCachedOrUnchanged(second.Result);
        PipelineAssert.AssertSameSources(first, second);
    }

    [Theory]
    [InlineData("=> \"alpha\";", "=> \"alpha, edited\";")]
    [InlineData("// A comment that edits may change.", "// The comment, changed.")]
    [InlineData("public static string Post() => \"posted\";", "public static string Post() { return \"posted\"; }")]
    public void Editing_a_method_body_or_comment_is_all_cached(string before, string after)
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        var second = GeneratorRunner.Run(ReplaceInFirstTree(first.Input, before, after), first.Driver);

        PipelineAssert.AssertAllCachedOrUnchanged(second.Result);
        PipelineAssert.AssertSameSources(first, second);
    }

    [Fact]
    public void Changing_an_origin_modifies_only_that_class_output()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        var edited = ReplaceInFirstTree(first.Input, "https://alpha.example.com", "https://alpha2.example.com");
        var second = GeneratorRunner.Run(edited, first.Driver);

        var endpointOutputs = PipelineAssert.Outputs(second.Result, TrackingNames.EndpointClasses);
        Assert.Contains(endpointOutputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
        var sourceOutputs = second.Result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.Contains(sourceOutputs, o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);

        Assert.Contains("https://alpha2.example.com", second.SourceText("App.AlphaEndpoints.CorsGen.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain("https://alpha.example.com", second.SourceText("App.AlphaEndpoints.CorsGen.g.cs"), StringComparison.Ordinal);
        Assert.Equal(first.SourceText("App.BetaEndpoints.CorsGen.g.cs"), second.SourceText("App.BetaEndpoints.CorsGen.g.cs"));
    }

    [Fact]
    public void Adding_an_endpoint_class_adds_its_output_and_leaves_the_others_cached()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        const string Gamma = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://gamma.example.com")]
            public static partial class GammaEndpoints
            {
                [MapPut("/gamma")]
                public static string Put() => "gamma";
            }
            """;
        var second = GeneratorRunner.Run(first.Input.AddSyntaxTrees(GeneratorRunner.Parse(Gamma, "/src/Gamma.cs")), first.Driver);

        var outputs = PipelineAssert.Outputs(second.Result, TrackingNames.EndpointClasses);
        Assert.Equal(1, outputs.Count(o => o.Reason == IncrementalStepRunReason.New));
        Assert.All(outputs.Where(o => o.Reason != IncrementalStepRunReason.New),
            o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.Contains("https://gamma.example.com", second.SourceText("App.GammaEndpoints.CorsGen.g.cs"), StringComparison.Ordinal);
        Assert.Equal(first.SourceText("App.AlphaEndpoints.CorsGen.g.cs"), second.SourceText("App.AlphaEndpoints.CorsGen.g.cs"));
    }

    [Fact]
    public void An_edit_that_changes_the_generated_code_but_not_the_surface_leaves_the_surface_cached()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));

        // A route without CORS changes the class's preflight (its method is never offered), not the surface.
        var edited = ReplaceInFirstTree(
            first.Input,
            "    // A comment that edits may change.",
            "    [MapPut(\"/alpha\")]\n    [DisableCors]\n    public static string Put() => \"put\";\n");
        var second = GeneratorRunner.Run(edited, first.Driver);

        Assert.Contains(PipelineAssert.Outputs(second.Result, TrackingNames.EndpointClasses), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.NotEqual(first.SourceText("App.AlphaEndpoints.CorsGen.g.cs"), second.SourceText("App.AlphaEndpoints.CorsGen.g.cs"));
        Assert.All(PipelineAssert.Outputs(second.Result, TrackingNames.SurfaceModel), o => Assert.Equal(IncrementalStepRunReason.Unchanged, o.Reason));
        Assert.All(PipelineAssert.Outputs(second.Result, TrackingNames.Surface), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void An_unrelated_edit_leaves_every_surface_step_cached_and_a_new_origin_modifies_the_surface()
    {
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta));
        var unrelated = GeneratorRunner.Run(first.Input.AddSyntaxTrees(GeneratorRunner.Parse(Unrelated, "/src/Helpers.cs")), first.Driver);
        Assert.All(PipelineAssert.Outputs(unrelated.Result, TrackingNames.SurfaceModel), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.All(PipelineAssert.Outputs(unrelated.Result, TrackingNames.Surface), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));

        var widened = GeneratorRunner.Run(ReplaceInFirstTree(unrelated.Input, "\"https://alpha.example.com\"", "\"https://alpha.example.com\", \"https://evil.example\""), unrelated.Driver);
        var surface = Assert.Single(PipelineAssert.Outputs(widened.Result, TrackingNames.Surface));
        Assert.Equal(IncrementalStepRunReason.Modified, surface.Reason);
        Assert.Contains("\n  origin https://evil.example\n", (string)surface.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_WithCors_call_is_a_group_line_and_editing_code_around_it_leaves_the_surface_cached()
    {
        const string program = """
            using CorsGen;
            using Microsoft.AspNetCore.Builder;

            namespace App;

            [CorsPolicy]
            [AllowOrigins("https://partner.example.com")]
            public static partial class PartnerApi;

            public static class Startup
            {
                public static void Map(WebApplication app)
                {
                    var unrelated = 1;
                    app.MapGroup("/partners")
                        .WithCors(PartnerApi.Policy);
                }
            }
            """;
        var first = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, program));
        Assert.Contains("group app.MapGroup(\"/partners\") in Startup.Map -> PartnerApi\n", GeneratorRunner.Surface(first.Input), StringComparison.Ordinal);

        var edited = first.Input.ReplaceSyntaxTree(
            first.Input.SyntaxTrees.Last(),
            GeneratorRunner.Parse(program.Replace("var unrelated = 1;", "var unrelated = 2;", StringComparison.Ordinal), first.Input.SyntaxTrees.Last().FilePath));
        var second = GeneratorRunner.Run(edited, first.Driver);

        Assert.All(PipelineAssert.Outputs(second.Result, TrackingNames.SurfaceModel), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(PipelineAssert.Outputs(second.Result, TrackingNames.Surface), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_compilations_or_locations()
    {
        // Includes a broken attribute so diagnostic information flows through the models too.
        var broken = """
            using CorsGen;

            namespace App;

            [AllowOrigins("https://gamma.example.com/", "*")]
            [AllowCredentials]
            public static partial class GammaEndpoints
            {
                [MapMethods("/gamma", "GET", "OPTIONS")]
                public static string Get() => "gamma";
            }
            """;
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Alpha, Beta, broken));

        PipelineAssert.AssertTrackedStepsRan(run.Result);
        var problems = PipelineAssert.BannedObjects(run.Result, out var modelsSeen);

        Assert.Equal(3, modelsSeen); // Alpha, Beta, Gamma
        Assert.True(problems.Count == 0, "Pipeline outputs hold Roslyn objects:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Model_walker_finds_banned_objects_deep_inside_collections()
    {
        var tree = GeneratorRunner.Parse("class C { }", "/src/C.cs");
        var dirty = new { Name = "x", Items = new List<object> { 1, new { Where = tree.GetRoot().GetLocation() } } };
        var clean = new { Name = "x", Items = new List<object> { 1, new { Where = "C.cs" } } };

        var found = ModelGraph.FindBanned(dirty, "dirty");
        Assert.NotEmpty(found);
        Assert.All(found, f => Assert.Contains("Items", f, StringComparison.Ordinal));
        Assert.Empty(ModelGraph.FindBanned(clean, "clean"));
        Assert.NotEmpty(ModelGraph.FindBanned((tree.GetRoot(), 1), "tuple"));
    }

    private static CSharpCompilation ReplaceInFirstTree(CSharpCompilation compilation, string before, string after)
    {
        var tree = compilation.SyntaxTrees.First();
        var text = tree.GetText().ToString();
        Assert.Contains(before, text, StringComparison.Ordinal);
        var newTree = tree.WithChangedText(tree.GetText().Replace(text.IndexOf(before, StringComparison.Ordinal), before.Length, after));
        return compilation.ReplaceSyntaxTree(tree, newTree);
    }
}
