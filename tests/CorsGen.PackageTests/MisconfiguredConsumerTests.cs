using System.Text.RegularExpressions;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>
/// Consumers/Misconfigured: the package's analyzers, loaded by a real <c>dotnet build</c> from the package's
/// analyzers/dotnet/cs folder, report each marked mistake at its line with its help link.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class MisconfiguredConsumerTests(PackageFixture package)
{
    private const string HelpLinkBase = "https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/";

    [Fact]
    public async Task Package_analyzers_report_every_marked_mistake_at_its_line_with_its_help_link()
    {
        var expected = ExpectedDiagnostics(Path.Combine(PackageFixture.TemplatesRoot, "Misconfigured"));
        Assert.NotEmpty(expected);

        var build = await package.BuildConsumerAsync("Misconfigured", "Misconfigured");

        Assert.True(build.Result.ExitCode != 0, "The misconfigured consumer built; its CORSGEN errors were not reported.\n" + build.Result.Describe());
        var reported = DiagnosticLine().Matches(build.Result.Output)
            .Select(m => new Diagnostic(Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["severity"].Value, m.Groups["id"].Value, m.Groups["link"].Value))
            .Distinct()
            .ToList();

        foreach (var diagnostic in reported)
        {
            Assert.True(diagnostic.HelpLink == HelpLinkBase + diagnostic.Id + ".md", $"{diagnostic.Id} has the help link '{diagnostic.HelpLink}'.");
        }

        var actual = reported.Select(d => $"{d.File}({d.Line}): {d.Severity} {d.Id}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"Expected:\n{string.Join('\n', expected)}\n\nReported:\n{string.Join('\n', actual)}\n\n{build.Result.Tail}");

        // Nothing but CorsGen's diagnostics: the package brings no other analyzer and the generated code compiles.
        var others = Regex.Matches(build.Result.Output, @": (?:error|warning) (?!CORSGEN)([A-Z]+[0-9]+):").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.True(others.Count == 0, $"Other diagnostics: {string.Join(", ", others)}\n{build.Result.Tail}");
    }

    /// <summary>"File.cs(line): severity ID" for each "// expect severity ID" comment of the template's sources.</summary>
    private static List<string> ExpectedDiagnostics(string template) =>
        Directory.EnumerateFiles(template, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((text, index) => (File: Path.GetFileName(file), Line: index + 1, Match: ExpectComment().Match(text))))
            .Where(x => x.Match.Success)
            .Select(x => $"{x.File}({x.Line}): {x.Match.Groups[1].Value} {x.Match.Groups[2].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed record Diagnostic(string File, int Line, string Severity, string Id, string HelpLink);

    [GeneratedRegex(@"// expect (error|warning) (CORSGEN[0-9]{3})\b")]
    private static partial Regex ExpectComment();

    // /path/Endpoints.cs(7,2): error CORSGEN002: message (help link) [/path/project.csproj]
    [GeneratedRegex(@"^(?<file>[^\r\n(]+\.cs)\((?<line>[0-9]+),[0-9]+\): (?<severity>error|warning) (?<id>CORSGEN[0-9]{3}): [^\r\n]*\((?<link>https?://[^\s)]+)\)", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
