using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Generators.Tests;

internal static class DiagnosticAssert
{
    /// <summary>
    /// Asserts that CorsGen (generator or analyzer) reported <paramref name="id"/> with <paramref name="severity"/>, each
    /// time at a span of the user's file that lies inside the (unique) text <paramref name="within"/>.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Reported(GeneratorRun run, string id, DiagnosticSeverity severity, string within)
    {
        var tree = run.Input.SyntaxTrees.Single(t => t.GetText().ToString().Contains(within, StringComparison.Ordinal));
        var text = tree.GetText().ToString();
        var start = text.IndexOf(within, StringComparison.Ordinal);
        Assert.True(text.IndexOf(within, start + 1, StringComparison.Ordinal) < 0, $"'{within}' is not unique in the input.");
        var expected = new TextSpan(start, within.Length);

        var all = run.Diagnostics;
        var found = all.Where(d => d.Id == id).ToList();
        if (found.Count == 0)
        {
            Assert.Fail($"Expected {id}; CorsGen reported:\n{Describe(all)}");
        }

        foreach (var diagnostic in found)
        {
            Assert.True(diagnostic.Severity == severity, $"{id} has severity {diagnostic.Severity}, expected {severity}: {diagnostic}");
            var lineSpan = diagnostic.Location.GetLineSpan();
            Assert.True(lineSpan.Path == tree.FilePath, $"{id} is located in '{lineSpan.Path}', expected the user's file '{tree.FilePath}': {diagnostic}");
            Assert.True(
                expected.Contains(diagnostic.Location.SourceSpan) && !diagnostic.Location.SourceSpan.IsEmpty,
                $"{id} is at {diagnostic.Location.SourceSpan} ('{Slice(text, diagnostic.Location.SourceSpan)}'), expected inside {expected} ('{within}').");
        }

        return found;
    }

    /// <summary>CorsGen's diagnostics at warning or error level, as distinct "ID" strings, sorted.</summary>
    public static string[] Ids(GeneratorRun run) =>
        [.. run.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.Id)
            .Distinct()
            .Order(StringComparer.Ordinal)];

    public static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var list = diagnostics.ToList();
        return list.Count == 0 ? "(nothing)" : GeneratorRunner.Format(list);
    }

    private static string Slice(string text, TextSpan span) =>
        span.End <= text.Length ? text.Substring(span.Start, span.Length) : "<outside the file>";
}
