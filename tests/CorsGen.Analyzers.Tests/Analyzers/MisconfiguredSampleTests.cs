using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// The analyzers as a real <c>dotnet build</c> loads them: samples/CorsGen.Misconfigured holds one
/// instance of every rule and must list each, with its help link; samples/CorsGen.Sample must list none.
/// Both builds run in this one class, so xunit runs them one after the other.
/// </summary>
public sealed class MisconfiguredSampleTests
{
    private const string HelpLinkBase = "https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/";
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Misconfigured_sample_build_reports_every_rule_with_its_help_link()
    {
        var result = await DotnetAsync("build", "samples/CorsGen.Misconfigured", "-c", "Release");

        // The sample has CORSGEN errors: a failing build is the expected outcome.
        Assert.True(result.ExitCode != 0, "The misconfigured sample built successfully; its CORSGEN errors were not reported.\n" + result.Output);
        var missing = new List<string>();
        foreach (var (id, severity) in AnalyzerHarness.Severities)
        {
            // Info rules are raised to warning by samples/CorsGen.Misconfigured/.editorconfig.
            var level = severity == DiagnosticSeverity.Error ? "error" : "warning";
            var line = new Regex($@": {level} {id}: .+ \({Regex.Escape(HelpLinkBase + id + ".md")}\)");
            if (!line.IsMatch(result.Output))
            {
                missing.Add($"{level} {id}");
            }
        }

        Assert.True(missing.Count == 0, $"Not in the build output: {string.Join(", ", missing)}\n\n{Tail(result.Output)}");
        foreach (var id in AnalyzerHarness.Severities.Keys)
        {
            Assert.True(File.Exists(Path.Combine(RepoRoot, "docs", "diagnostics", id + ".md")), $"docs/diagnostics/{id}.md, the help link of {id}, does not exist.");
        }

        // Nothing but CORSGEN diagnostics and the nullable warning of CORSGEN019's null argument.
        var others = Regex.Matches(result.Output, @": (?:error|warning) (?!CORSGEN)([A-Z]+[0-9]+):")
            .Select(m => m.Groups[1].Value)
            .Where(id => id != "CS8625" && !id.StartsWith("NU", StringComparison.Ordinal)) // NuGet audit depends on the feed
            .Distinct()
            .ToList();
        Assert.True(others.Count == 0, $"Unexpected diagnostics in the misconfigured sample: {string.Join(", ", others)}\n\n{Tail(result.Output)}");
    }

    [Fact]
    public async Task Good_sample_build_reports_no_CorsGen_diagnostic()
    {
        // First a plain build, which builds CorsGen and the generator in Release if needed; then a rebuild
        // of the sample alone, so the compiler really runs with the analyzers even when it was up to date.
        var build = await DotnetAsync("build", "samples/CorsGen.Sample", "-c", "Release");
        Assert.True(build.ExitCode == 0, "samples/CorsGen.Sample does not build:\n" + Tail(build.Output));

        var rebuild = await DotnetAsync("build", "samples/CorsGen.Sample", "-c", "Release", "--no-dependencies", "--no-incremental", "-v:n");
        Assert.True(rebuild.ExitCode == 0, "samples/CorsGen.Sample does not rebuild:\n" + Tail(rebuild.Output));
        Assert.Matches(@"/analyzer:\S*CorsGen\.Generators\.dll", rebuild.Output);

        foreach (var output in new[] { build.Output, rebuild.Output })
        {
            var ids = Regex.Matches(output, @"CORSGEN[0-9]{3}").Select(m => m.Value).Distinct().ToList();
            Assert.True(ids.Count == 0, $"The good sample reports {string.Join(", ", ids)}:\n{Tail(output)}");
        }
    }

    [Fact]
    public async Task Good_sample_builds_for_trimming_and_AOT_without_a_warning_or_a_hidden_one()
    {
        // CorsGenAotCheck turns on ASP.NET Core's Request Delegate Generator and the trim and AOT analyzers
        // in the sample only (obj/aot-check, bin/aot-check). The error log also lists suppressed results.
        var errorLog = Path.Combine(Path.GetTempPath(), $"corsgen-aot-check-{Guid.NewGuid():N}.sarif");
        try
        {
            var build = await DotnetAsync("build", "samples/CorsGen.Sample", "-c", "Release", "-p:CorsGenAotCheck=true", $"-p:ErrorLog={errorLog}%2Cversion=2.1");
            Assert.True(build.ExitCode == 0, "samples/CorsGen.Sample does not build for AOT:\n" + Tail(build.Output));
            var warnings = Regex.Matches(build.Output, @": warning ([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.True(warnings.Count == 0, $"Warnings: {string.Join(", ", warnings)}\n{Tail(build.Output)}");

            // Nothing in CorsGen's generated files, not even suppressed: CorsGen binds its handlers itself there.
            using var log = System.Text.Json.JsonDocument.Parse(File.ReadAllText(errorLog));
            var inGenerated = log.RootElement.GetProperty("runs").EnumerateArray()
                .SelectMany(run => run.TryGetProperty("results", out var results) ? results.EnumerateArray().ToList() : [])
                .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("IL", StringComparison.Ordinal))
                .Select(result => result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
                .Where(uri => uri.EndsWith(".CorsGen.g.cs", StringComparison.Ordinal))
                .ToList();
            Assert.True(inGenerated.Count == 0, "Trim/AOT analyzer results in CorsGen's generated code: " + string.Join(", ", inGenerated));
        }
        finally
        {
            File.Delete(errorLog);
        }
    }

    private static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorsGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CorsGen.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int ExitCode, string Output)> DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Plain console logger (one diagnostic per line), no MSBuild nodes left behind by the test.
        start.ArgumentList.Add("-tl:off");
        start.ArgumentList.Add("-nodeReuse:false");

        // The test host's MSBuild variables point at its own build; the child build finds its own.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(BuildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} did not finish within {BuildTimeout}:\n{Tail(output.ToString())}");
        }

        process.WaitForExit(); // flushes the redirected output
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static string Tail(string output) => output.Length <= 8000 ? output : "...\n" + output[^8000..];
}
