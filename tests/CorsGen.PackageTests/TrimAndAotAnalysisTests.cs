using System.Text.Json;
using System.Text.RegularExpressions;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>
/// What the trim and AOT analyzers say about CorsGen's generated code in a consumer built as for Native AOT
/// (the analyzers and ASP.NET Core's Request Delegate Generator on, as <c>PublishAot</c> turns them on).
/// Native AOT itself cannot be tried here: the ILCompiler packs are not available.
/// </summary>
/// <remarks>
/// A known gap, asserted as it is today so that any change shows: the generated registrations call
/// <c>MapGet(IEndpointRouteBuilder, string, Delegate)</c> and <c>MapPost(...)</c>, which carry
/// <c>[RequiresUnreferencedCode]</c> and <c>[RequiresDynamicCode]</c>. The Request Delegate Generator never
/// sees another generator's output, so it writes no interceptor for those calls (they stay on the
/// reflection-based RequestDelegateFactory), yet its diagnostic suppressor (RDGS001, RDGS002) hides the
/// IL2026/IL3050 warnings the trim analyzer reports there. The build output shows no warning at all.
/// </remarks>
[Collection(PackageCollection.Name)]
public sealed partial class TrimAndAotAnalysisTests(PackageFixture package)
{
    [Fact]
    public async Task Known_gap_generated_Map_calls_need_reflection_and_the_Request_Delegate_Generator_hides_their_warnings()
    {
        var errorLog = Path.Combine(package.WorkRoot, "aot-analysis.sarif");
        var build = await package.BuildConsumerAsync("WebApp", "WebApp.AotAnalysis",
            "-f", "net10.0",
            "-p:EnableRequestDelegateGenerator=true", "-p:EnableTrimAnalyzer=true", "-p:EnableAotAnalyzer=true", "-p:IsAotCompatible=true",
            $"-p:ErrorLog={errorLog}%2Cversion=2.1");
        Assert.True(build.Result.ExitCode == 0, "The consumer does not build with the trim and AOT analyzers.\n" + build.Result.Describe());

        // What the user sees: no warning.
        var shown = Regex.Matches(build.Result.Output, @": warning ([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(shown.Count == 0, $"Warnings in the build output: {string.Join(", ", shown)}\n{build.Result.Tail}");

        // What the trim analyzer reports: IL2026 and IL3050 at each generated MapGet/MapPost call, in CorsGen's generated file.
        var generatedFolder = Path.Combine(build.Directory, "obj", "Release", "net10.0", "generated");
        var generated = Path.Combine(generatedFolder, "CorsGen.Generators", "CorsGen.Generators.CorsGenerator", "Consumer.WebApp.InfoEndpoints.CorsGen.g.cs");
        var mapLines = File.ReadLines(generated)
            .Select((text, index) => (text, line: index + 1))
            .Where(x => DelegateMapCall().IsMatch(x.text))
            .Select(x => x.line)
            .ToList();
        Assert.True(mapLines.Count == 2, // [MapGet("/info")] and [MapPost("/info")]
            $"{mapLines.Count} Map(pattern, Delegate) calls in {generated}, not 2. If the generator no longer maps routes through the "
            + "Delegate overloads, the gap this test pins down may be closed: update this test and README's Limitations.");

        var results = ReadResults(errorLog).Where(r => r.RuleId is "IL2026" or "IL3050").ToList();
        var expected = mapLines.SelectMany(line => new[] { $"IL2026 {Path.GetFileName(generated)}:{line} RDGS001", $"IL3050 {Path.GetFileName(generated)}:{line} RDGS002" }).Order(StringComparer.Ordinal);
        var actual = results.Select(r => $"{r.RuleId} {Path.GetFileName(r.File)}:{r.Line} {r.SuppressedBy}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        // ...although the Request Delegate Generator intercepted none of them: the consumer's own code maps nothing itself.
        var interceptors = Directory.EnumerateFiles(generatedFolder, "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("RequestDelegateGenerator", StringComparison.Ordinal))
            .Sum(f => Regex.Matches(File.ReadAllText(f), @"\[global::System\.Runtime\.CompilerServices\.InterceptsLocation(Attribute)?\(").Count);
        Assert.Equal(0, interceptors);
    }

    private static IEnumerable<(string RuleId, string File, int Line, string SuppressedBy)> ReadResults(string sarif)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarif));
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var suppressedBy = "";
                if (result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0
                    && suppressions[0].TryGetProperty("properties", out var properties)
                    && properties.TryGetProperty("suppressionType", out var type))
                {
                    // "DiagnosticSuppressor { Suppression Id: RDGS001, Suppression Justification: ... }"
                    suppressedBy = Regex.Match(type.GetString() ?? "", @"Suppression Id: (\w+)").Groups[1].Value;
                }

                yield return (
                    result.GetProperty("ruleId").GetString() ?? "",
                    Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? ""),
                    location.GetProperty("region").GetProperty("startLine").GetInt32(),
                    suppressedBy);
            }
        }
    }

    [GeneratedRegex(@"EndpointRouteBuilderExtensions\.Map(Get|Post|Put|Patch|Delete)\(")]
    private static partial Regex DelegateMapCall();
}
