using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace CorsGen.Generators.Tests;

/// <summary>
/// Approved-file snapshots of generated sources. Each generated file of test <c>T</c> with hint name
/// <c>H.g.cs</c> must equal <c>Snapshots/T.H.verified.cs</c> beside the calling test file (line endings
/// normalized, nothing else). A mismatch or missing file writes <c>T.H.received.cs</c> and fails with a
/// diff; a verified file of <c>T</c> that the generator no longer produces fails too. With
/// <c>CORSGEN_ACCEPT_SNAPSHOTS=1</c> the verified files are (re)written and stale ones deleted instead.
/// Each check also runs <see cref="PipelineAssert.CachedSecondPassAndCleanModels"/>.
/// </summary>
internal static class SnapshotHarness
{
    public const string AcceptVariable = "CORSGEN_ACCEPT_SNAPSHOTS";
    private const int ContextLines = 3;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static void Verify(GeneratorRun run, [CallerMemberName] string testName = "", [CallerFilePath] string callerFile = "")
    {
        var directory = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        if (!Directory.Exists(Path.GetDirectoryName(callerFile)))
        {
            Assert.Fail($"Snapshot directory not found from [CallerFilePath] '{callerFile}' (source paths mapped?).");
        }

        Directory.CreateDirectory(directory);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        var problems = new List<string>();
        var produced = new HashSet<string>(StringComparer.Ordinal);

        if (run.Sources.IsEmpty)
        {
            problems.Add("The generator produced no source at all.");
        }

        foreach (var source in run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            var stem = source.HintName.EndsWith(".g.cs", StringComparison.Ordinal)
                ? source.HintName[..^".g.cs".Length]
                : Path.GetFileNameWithoutExtension(source.HintName);
            var verifiedPath = Path.Combine(directory, $"{testName}.{stem}.verified.cs");
            var receivedPath = Path.Combine(directory, $"{testName}.{stem}.received.cs");
            produced.Add(Path.GetFileName(verifiedPath));

            Check(source.HintName, NormalizeLineEndings(source.SourceText.ToString()), verifiedPath, receivedPath, accept, problems);
        }

        // The CORS surface of the same input, as -p:CorsGenUpdateSurface=true has the generator emit it.
        Check(
            "the CORS surface",
            GeneratorRunner.Surface(run.Input),
            Path.Combine(directory, $"{testName}.CorsSurface.verified.txt"),
            Path.Combine(directory, $"{testName}.CorsSurface.received.txt"),
            accept,
            problems);

        foreach (var verified in Directory.GetFiles(directory, $"{testName}.*.verified.cs"))
        {
            if (produced.Contains(Path.GetFileName(verified)))
            {
                continue;
            }

            if (accept)
            {
                File.Delete(verified);
            }
            else
            {
                problems.Add($"Stale snapshot: {verified} exists but the generator produced no such file.");
            }
        }

        if (problems.Count > 0)
        {
            Assert.Fail($"Snapshot check of {testName} failed:\n\n" + string.Join("\n\n", problems));
        }
        // Every snapshot also proves the pipeline: a cached second pass with the same output, clean models.
        PipelineAssert.CachedSecondPassAndCleanModels(run);
    }

    private static void Check(string what, string actual, string verifiedPath, string receivedPath, bool accept, List<string> problems)
    {
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual, Utf8NoBom);
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual, Utf8NoBom);
            problems.Add($"New generated file '{what}': no {verifiedPath}.\n"
                + $"Wrote {receivedPath}; review it, then rename it or rerun with {AcceptVariable}=1.");
            return;
        }

        var expected = NormalizeLineEndings(File.ReadAllText(verifiedPath));
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual, Utf8NoBom);
        problems.Add($"'{what}' differs from {verifiedPath} (received: {receivedPath}):\n" + Diff(expected, actual));
    }

    public static string NormalizeLineEndings(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>A unified-style diff: changed lines with a few lines of context and @@ line headers.</summary>
    public static string Diff(string expected, string actual)
    {
        var lines = new InlineDiffBuilder(new Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false).Lines;
        var show = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var j = Math.Max(0, i - ContextLines); j <= Math.Min(lines.Count - 1, i + ContextLines); j++)
                {
                    show[j] = true;
                }
            }
        }

        var text = new StringBuilder("--- verified\n+++ received\n");
        int oldLine = 0, newLine = 0;
        var inHunk = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Type is ChangeType.Unchanged or ChangeType.Deleted) oldLine++;
            if (line.Type is ChangeType.Unchanged or ChangeType.Inserted) newLine++;
            if (!show[i])
            {
                inHunk = false;
                continue;
            }

            if (!inHunk)
            {
                text.Append("@@ verified line ").Append(oldLine).Append(", received line ").Append(newLine).Append(" @@\n");
                inHunk = true;
            }

            var prefix = line.Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            };
            text.Append(prefix).Append(line.Text).Append('\n');
        }

        if (!show.Contains(true))
        {
            text.Append($"(no line differs: the texts differ only at the end; verified ends with {Tail(expected)}, received with {Tail(actual)})\n");
        }

        return text.ToString();
    }

    private static string Tail(string text) =>
        '"' + text[Math.Max(0, text.Length - 10)..].Replace("\n", "\\n").Replace("\t", "\\t") + '"';
}
