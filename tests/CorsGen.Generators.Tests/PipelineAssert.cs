using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators.Tests;

/// <summary>
/// The pipeline checks every generator test can run: named steps cached on a second pass, the same sources
/// from it, and no Roslyn object in any model (as NetEscapades.EnumGenerators runs on every test).
/// </summary>
internal static class PipelineAssert
{
    /// <summary>Every named step, [CorsPolicy] classes and the CORS surface included.</summary>
    public static readonly string[] StepNames = [TrackingNames.Routes, TrackingNames.CollectedRoutes, TrackingNames.EndpointClasses, TrackingNames.PolicyClasses, TrackingNames.SurfaceGroups, TrackingNames.SurfaceModel, TrackingNames.Surface];

    // Steps every compilation with a route produces output for; PolicyClasses only with a [CorsPolicy] class.
    private static readonly string[] RouteStepNames = [TrackingNames.Routes, TrackingNames.CollectedRoutes, TrackingNames.EndpointClasses];

    /// <summary>
    /// Runs the generator again on a clone of <paramref name="run"/>'s input with its driver: every tracked
    /// step and output must be Cached or Unchanged and the sources the same; no model may hold a Roslyn object.
    /// </summary>
    public static void CachedSecondPassAndCleanModels(GeneratorRun run)
    {
        var problems = BannedObjects(run.Result, out _);
        Assert.True(problems.Count == 0, "Pipeline outputs hold Roslyn objects:\n" + string.Join("\n", problems));

        var second = GeneratorRunner.Run((CSharpCompilation)run.Input.Clone(), run.Driver);
        AssertAllCachedOrUnchanged(second.Result, requireRoutes: false);
        AssertSameSources(run, second);
    }

    /// <summary>
    /// Paths to Roslyn objects in the named steps' outputs and in what RegisterSourceOutput receives (the
    /// output steps' own outputs are Roslyn's results, with real Diagnostics); <paramref name="endpointModels"/>
    /// counts the endpoint-class models seen there.
    /// </summary>
    public static List<string> BannedObjects(GeneratorRunResult result, out int endpointModels)
    {
        var problems = new List<string>();
        foreach (var (name, steps) in result.TrackedSteps.Where(s => StepNames.Contains(s.Key)))
        {
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = 0; j < steps[i].Outputs.Length; j++)
                {
                    problems.AddRange(ModelGraph.FindBanned(steps[i].Outputs[j].Value, $"{name}[{i}].Outputs[{j}]"));
                }
            }
        }

        endpointModels = 0;
        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                foreach (var (source, index) in steps[i].Inputs)
                {
                    // The models arrive paired with the request-delegate switch (a Combine with the build options).
                    endpointModels += source.Outputs[index].Value is EndpointClassModel or (EndpointClassModel, bool) ? 1 : 0;
                    problems.AddRange(ModelGraph.FindBanned(source.Outputs[index].Value, $"{name}[{i}].Input({source.Name ?? "unnamed"})"));
                }
            }
        }

        return problems;
    }

    public static List<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorRunResult result, string stepName)
    {
        Assert.True(result.TrackedSteps.TryGetValue(stepName, out var steps), $"No tracked step named '{stepName}'; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return [.. steps.SelectMany(s => s.Outputs)];
    }

    public static void AssertTrackedStepsRan(GeneratorRunResult result)
    {
        foreach (var name in RouteStepNames)
        {
            Assert.True(Outputs(result, name).Count > 0, $"Tracked step '{name}' produced no output.");
        }

        Assert.NotEmpty(result.TrackedOutputSteps);
    }

    public static void AssertAllCachedOrUnchanged(GeneratorRunResult result, bool requireRoutes = true)
    {
        if (requireRoutes)
        {
            AssertTrackedStepsRan(result);
        }

        var changed = new List<string>();
        foreach (var (name, steps) in result.TrackedSteps.Where(s => StepNames.Contains(s.Key)).Concat(result.TrackedOutputSteps))
        {
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = 0; j < steps[i].Outputs.Length; j++)
                {
                    var (value, reason) = steps[i].Outputs[j];
                    if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                    {
                        changed.Add($"{name}[{i}].Outputs[{j}] is {reason}: {value}");
                    }
                }
            }
        }

        Assert.True(changed.Count == 0, "Expected every tracked output Cached or Unchanged:\n" + string.Join("\n", changed));
    }

    public static void AssertSameSources(GeneratorRun first, GeneratorRun second)
    {
        Assert.Equal(first.Sources.Select(s => s.HintName), second.Sources.Select(s => s.HintName));
        foreach (var source in first.Sources)
        {
            Assert.Equal(source.SourceText.ToString(), second.SourceText(source.HintName));
        }
    }
}
