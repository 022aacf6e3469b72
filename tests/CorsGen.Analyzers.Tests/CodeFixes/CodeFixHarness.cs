using System.Collections.Immutable;
using CorsGen.Generators.Analyzers;
using CorsGen.Generators.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// Runs CorsGen's analyzers over one document, asks a code fix provider for its actions on one
/// diagnostic, applies the chosen one and checks the result: exact text, the diagnostic gone, no
/// compiler errors, no new diagnostics.
/// </summary>
internal static class CodeFixHarness
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers =
        [new CorsAttributeAnalyzer(), new AspNetCoreCorsAnalyzer()];

    public static Document CreateDocument(string source)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var project = ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "CodeFixTest",
            "CodeFixTest",
            LanguageNames.CSharp,
            // A top-level program compiles only as an executable.
            compilationOptions: new CSharpCompilationOptions(
                CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any() ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: ReferenceAssemblies.Net10AspNetCore);
        var documentId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(project)
            .AddDocument(documentId, "Test.cs", SourceText.From(source));
        return solution.GetDocument(documentId)!;
    }

    public static async Task<(ImmutableArray<Diagnostic> Compiler, ImmutableArray<Diagnostic> Analyzer)> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var analyzerDiagnostics = await compilation.WithAnalyzers(Analyzers).GetAnalyzerDiagnosticsAsync();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (errors, analyzerDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray());
    }

    public static async Task<ImmutableArray<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic)
    {
        Assert.Contains(diagnostic.Id, provider.FixableDiagnosticIds);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    /// <summary>
    /// Applies the action titled <paramref name="title"/> for the <paramref name="occurrence"/>-th
    /// <paramref name="diagnosticId"/> diagnostic (in source order) and checks the outcome.
    /// </summary>
    public static async Task VerifyFixAsync(
        CodeFixProvider provider,
        string source,
        string diagnosticId,
        string title,
        string expected,
        int occurrence = 0,
        string? equivalenceKey = null,
        string? messageContains = null)
    {
        var document = CreateDocument(source);
        var (errors, before) = await DiagnosticsAsync(document);
        Assert.True(errors.IsEmpty, "The test source does not compile:\n" + Describe(errors));
        var matching = before.Where(d => d.Id == diagnosticId).ToList();
        var selected = messageContains is null ? matching : matching.Where(d => d.GetMessage().Contains(messageContains, StringComparison.Ordinal)).ToList();
        Assert.True(selected.Count > occurrence, $"Expected at least {occurrence + 1} {diagnosticId}{(messageContains is null ? "" : " mentioning " + messageContains)}, got:\n{Describe(before)}");
        var diagnostic = selected[occurrence];

        var actions = await ActionsAsync(provider, document, diagnostic);
        var action = actions.SingleOrDefault(a => a.Title == title);
        Assert.True(action is not null, $"No action titled \"{title}\" for {diagnostic}; offered: [{string.Join(", ", actions.Select(a => "\"" + a.Title + "\""))}]");
        Assert.False(string.IsNullOrEmpty(action!.EquivalenceKey), "The action has no equivalence key.");
        if (equivalenceKey is not null)
        {
            Assert.Equal(equivalenceKey, action.EquivalenceKey);
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        var changed = apply.ChangedSolution.GetDocument(document.Id)!;
        var actual = (await changed.GetTextAsync()).ToString();
        if (actual != expected)
        {
            Assert.Fail($"The fixed source differs{FirstDifference(expected, actual)}.\n---- expected ----\n{expected}\n---- actual ----\n{actual}\n----");
        }

        // The fixed source compiles, the diagnostic is gone and nothing new is reported.
        var (fixedErrors, after) = await DiagnosticsAsync(CreateDocument(actual));
        Assert.True(fixedErrors.IsEmpty, "The fixed source does not compile:\n" + Describe(fixedErrors));
        var remaining = after.Count(d => d.Id == diagnosticId);
        Assert.True(remaining == matching.Count - 1, $"Expected {matching.Count - 1} {diagnosticId} after the fix, got:\n{Describe(after)}");
        var known = before.Select(Key).ToHashSet();
        var introduced = after.Where(d => d.Id != diagnosticId && !known.Contains(Key(d))).ToList();
        Assert.True(introduced.Count == 0, "The fix introduced diagnostics:\n" + Describe(introduced));
    }

    /// <summary>Asserts that every <paramref name="diagnosticId"/> diagnostic of the source is reported, and that <paramref name="provider"/> offers nothing for it.</summary>
    public static async Task VerifyNoFixAsync(CodeFixProvider provider, string source, string diagnosticId, int expectedCount = 1)
    {
        var document = CreateDocument(source);
        var (errors, diagnostics) = await DiagnosticsAsync(document);
        Assert.True(errors.IsEmpty, "The test source does not compile:\n" + Describe(errors));
        var matching = diagnostics.Where(d => d.Id == diagnosticId).ToList();
        Assert.True(matching.Count == expectedCount, $"Expected {expectedCount} {diagnosticId}, got:\n{Describe(diagnostics)}");
        foreach (var diagnostic in matching)
        {
            var actions = await ActionsAsync(provider, document, diagnostic);
            Assert.True(actions.IsEmpty, $"Expected no fix for {diagnostic}; offered: [{string.Join(", ", actions.Select(a => "\"" + a.Title + "\""))}]");
        }
    }

    /// <summary>
    /// Asserts that <paramref name="provider"/> offers nothing for a <paramref name="descriptor"/> diagnostic
    /// placed on the first occurrence of <paramref name="text"/>: a location the fix cannot use, as a
    /// diagnostic computed before an edit can be.
    /// </summary>
    public static async Task VerifyNoFixAtAsync(CodeFixProvider provider, string source, DiagnosticDescriptor descriptor, string text)
    {
        var document = CreateDocument(source);
        var tree = (await document.GetSyntaxTreeAsync())!;
        var start = source.IndexOf(text, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{text}' is not in the source");
        var diagnostic = Diagnostic.Create(descriptor, Location.Create(tree, new TextSpan(start, text.Length)), "x", "y");
        var actions = await ActionsAsync(provider, document, diagnostic);
        Assert.True(actions.IsEmpty, $"Expected no fix for {diagnostic}; offered: [{string.Join(", ", actions.Select(a => "\"" + a.Title + "\""))}]");
    }

    /// <summary>
    /// Runs the provider's Fix All (document scope) for every <paramref name="diagnosticId"/> diagnostic,
    /// with <paramref name="equivalenceKey"/>, and checks the text and that none is left.
    /// </summary>
    public static async Task VerifyFixAllAsync(CodeFixProvider provider, string source, string diagnosticId, string equivalenceKey, string expected)
    {
        var document = CreateDocument(source);
        var (errors, before) = await DiagnosticsAsync(document);
        Assert.True(errors.IsEmpty, "The test source does not compile:\n" + Describe(errors));
        var matching = before.Where(d => d.Id == diagnosticId).ToImmutableArray();
        Assert.True(matching.Length > 1, $"Fix All needs several {diagnosticId}, got:\n{Describe(before)}");

        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            equivalenceKey,
            [diagnosticId],
            new FixedDiagnostics(matching),
            CancellationToken.None);
        var action = await fixAll!.GetFixAsync(context);
        Assert.NotNull(action);
        var apply = Assert.Single((await action!.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        var actual = (await apply.ChangedSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();
        if (actual != expected)
        {
            Assert.Fail($"The fixed source differs{FirstDifference(expected, actual)}.\n---- expected ----\n{expected}\n---- actual ----\n{actual}\n----");
        }

        var (fixedErrors, after) = await DiagnosticsAsync(CreateDocument(actual));
        Assert.True(fixedErrors.IsEmpty, "The fixed source does not compile:\n" + Describe(fixedErrors));
        Assert.True(!after.Any(d => d.Id == diagnosticId), $"Expected no {diagnosticId} after Fix All, got:\n{Describe(after)}");
    }

    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }

    /// <summary>The titles offered for the <paramref name="occurrence"/>-th <paramref name="diagnosticId"/> diagnostic.</summary>
    public static async Task<IReadOnlyList<string>> TitlesAsync(CodeFixProvider provider, string source, string diagnosticId, int occurrence = 0)
    {
        var document = CreateDocument(source);
        var (_, diagnostics) = await DiagnosticsAsync(document);
        var matching = diagnostics.Where(d => d.Id == diagnosticId).ToList();
        Assert.True(matching.Count > occurrence, $"Expected at least {occurrence + 1} {diagnosticId}, got:\n{Describe(diagnostics)}");
        return (await ActionsAsync(provider, document, matching[occurrence])).Select(a => a.Title).ToList();
    }

    private static string Key(Diagnostic d) => d.Id + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics.Select(d => "  " + d).ToList();
        return lines.Count == 0 ? "  (none)" : string.Join("\n", lines);
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $" at line {i + 1}: expected `{el}`, actual `{al}`";
            }
        }

        return string.Empty;
    }
}
