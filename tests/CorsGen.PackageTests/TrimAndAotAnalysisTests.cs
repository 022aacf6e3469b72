using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>
/// CorsGen in builds that trim or compile ahead of time. There ASP.NET Core's Request Delegate Generator
/// cannot see CorsGen's Map calls (generators never see each other's output), so CorsGen generates the
/// request delegates itself: no <c>Map(pattern, Delegate)</c> call, no IL2026/IL3050, reported or
/// suppressed. A trimmed, self-contained publish and a Native AOT publish are run for real.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class TrimAndAotAnalysisTests(PackageFixture package)
{
    [Fact]
    public async Task Generated_code_is_clean_for_the_trim_and_AOT_analyzers()
    {
        var errorLog = Path.Combine(package.WorkRoot, "aot-analysis.sarif");
        var build = await package.BuildConsumerAsync("WebApp", "WebApp.AotAnalysis",
            "-f", "net10.0",
            "-p:EnableRequestDelegateGenerator=true", "-p:EnableTrimAnalyzer=true", "-p:EnableAotAnalyzer=true", "-p:IsAotCompatible=true",
            $"-p:ErrorLog={errorLog}%2Cversion=2.1");
        Assert.True(build.Result.ExitCode == 0, "The consumer does not build with the trim and AOT analyzers.\n" + build.Result.Describe());

        var shown = Regex.Matches(build.Result.Output, @": warning ([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(shown.Count == 0, $"Warnings in the build output: {string.Join(", ", shown)}\n{build.Result.Tail}");

        // Not hidden by a suppressor either: the trim and AOT analyzers find nothing in CorsGen's file.
        var generatedFolder = Path.Combine(build.Directory, "obj", "Release", "net10.0", "generated");
        var generated = Path.Combine(generatedFolder, "CorsGen.Generators", "CorsGen.Generators.CorsGenerator", "Consumer.WebApp.InfoEndpoints.CorsGen.g.cs");
        var trimResults = ReadResults(errorLog).Where(r => r.RuleId.StartsWith("IL", StringComparison.Ordinal)).ToList();
        Assert.True(trimResults.Count == 0, "Trim/AOT analyzer results: " + string.Join(", ", trimResults.Select(r => $"{r.RuleId} {Path.GetFileName(r.File)}:{r.Line} {r.SuppressedBy}")));

        var source = File.ReadAllText(generated);
        Assert.DoesNotMatch(DelegateMapCall(), source);
        Assert.Contains("global::CorsGen.HandlerBinding.ReadJsonAsync", source, StringComparison.Ordinal);
    }

    [Fact]
    public Task A_trimmed_self_contained_publish_answers_preflights_and_binds_json() =>
        PublishAndCallAsync("WebApp.Trimmed", "trimmed", "--self-contained", "-p:PublishTrimmed=true");

    [Fact]
    public Task A_native_AOT_publish_answers_preflights_and_binds_json() =>
        PublishAndCallAsync("WebApp.NativeAot", "Native AOT", "-p:PublishAot=true");

    // Publishes the consumer from the package with publishArguments, with no trimming or AOT warning, then runs
    // the published executable: a real preflight, a JSON POST with CORS headers, and a 415 for a non-JSON body.
    private async Task PublishAndCallAsync(string copyName, string kind, params string[] publishArguments)
    {
        var directory = package.CopyConsumer("WebApp", copyName);
        var publish = await package.RunInConsumerAsync(directory,
            ["publish", "-c", "Release", "-f", "net10.0", "-r", "linux-x64", .. publishArguments, "-p:UseAppHost=true", "-o", "published"]);
        Assert.True(publish.ExitCode == 0, $"The {kind} publish fails.\n" + publish.Describe());
        var trimWarnings = Regex.Matches(publish.Output, @": warning (IL[0-9]+):").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(trimWarnings.Count == 0, $"The {kind} publish warns: " + string.Join(", ", trimWarnings) + "\n" + publish.Tail);

        var published = Path.Combine(directory, "published");
        await using var app = await RunningApp.StartExecutableAsync(published, Path.Combine(published, "Consumer.WebApp"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/info");
        preflight.Headers.Add("Origin", "http://127.0.0.1:9000");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using (var response = await client.SendAsync(preflight))
        {
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Preflight: {(int)response.StatusCode}\n{app.Output}");
            Assert.Equal(["http://127.0.0.1:9000"], response.Headers.GetValues("Access-Control-Allow-Origin"));
        }

        using var post = new HttpRequestMessage(HttpMethod.Post, "/info") { Content = JsonContent.Create(new { name = "Ada" }) };
        post.Headers.Add("Origin", "https://app.example.com");
        using (var response = await client.SendAsync(post))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST: {(int)response.StatusCode}\n{body}\n{app.Output}");
            Assert.Equal(["https://app.example.com"], response.Headers.GetValues("Access-Control-Allow-Origin"));
            Assert.Contains("\"Ada\"", body, StringComparison.Ordinal);
        }

        using (var response = await client.PostAsync("/info", new StringContent("not json", System.Text.Encoding.UTF8, "text/plain")))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        }
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
                var location = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
                    ? locations[0].GetProperty("physicalLocation")
                    : default;
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
                    location.ValueKind == JsonValueKind.Undefined ? "" : Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? ""),
                    location.ValueKind == JsonValueKind.Undefined ? 0 : location.GetProperty("region").GetProperty("startLine").GetInt32(),
                    suppressedBy);
            }
        }
    }

    [GeneratedRegex(@"EndpointRouteBuilderExtensions\.Map(Get|Post|Put|Patch|Delete)\(")]
    private static partial Regex DelegateMapCall();
}
