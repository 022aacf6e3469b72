using System.Collections.Immutable;
using CorsGen.Analyzers.Tests.Analyzers;
using CorsGen.CodeFixes;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>The fix for CORSGEN045-047 rewrites CorsSurface.txt (an additional document), one diagnostic or all at once.</summary>
public sealed class SurfaceCodeFixTests
{
    // Two differences: an origin added (at the attribute) and a max-age removed from the file (at its line).
    private const string Source = """
        using CorsGen;

        namespace App;

        [AllowOrigins("https://app.example.com", "https://evil.example")]
        public static partial class Items
        {
            [MapGet("/items")]
            public static string List() => "list";

            [MapPost("/items")]
            public static string Create() => "created";
        }
        """;

    private static readonly string Baseline = SurfaceAnalyzerTests.ItemsSurface.Replace("max-age (none)", "max-age 60");

    private static readonly string Expected = SurfaceAnalyzerTests.ItemsSurface.Replace(
        "  origin https://app.example.com\n", "  origin https://app.example.com\n  origin https://evil.example\n");

    [Theory]
    [InlineData("CORSGEN045")]
    [InlineData("CORSGEN046")]
    public async Task One_fix_writes_the_compiled_surface_and_leaves_no_difference(string id)
    {
        var project = CreateProject(Source, Baseline);
        var diagnostics = await DiagnosticsAsync(project);
        Assert.Equal(["CORSGEN045", "CORSGEN046"], diagnostics.Select(d => d.Id).Order());
        var diagnostic = diagnostics.Single(d => d.Id == id);

        var actions = new List<CodeAction>();
        var document = id == "CORSGEN045" ? project.Documents.Single() : (TextDocument)project.AdditionalDocuments.Single();
        var context = new CodeFixContext(document, diagnostic.Location.SourceSpan, [diagnostic], (action, _) => actions.Add(action), CancellationToken.None);
        await new CorsSurfaceCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        Assert.Equal("Update CorsSurface.txt with the compiled CORS surface", action.Title);

        var fixedProject = await ApplyAsync(action, project);

        Assert.Equal(Expected, (await fixedProject.AdditionalDocuments.Single().GetTextAsync()).ToString());
        Assert.Equal(Source, (await fixedProject.Documents.Single().GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(fixedProject));
    }

    [Theory]
    [InlineData(FixAllScope.Document)]
    [InlineData(FixAllScope.Project)]
    [InlineData(FixAllScope.Solution)]
    public async Task Fix_all_writes_the_file_once(FixAllScope scope)
    {
        var project = CreateProject(Source, Baseline);
        var provider = new CorsSurfaceCodeFixProvider();
        var diagnostics = await DiagnosticsAsync(project);
        var fixAll = provider.GetFixAllProvider();
        Assert.Contains(scope, fixAll.GetSupportedFixAllScopes());
        var context = new FixAllContext(
            project.Documents.Single(),
            provider,
            scope,
            "CorsGen.UpdateCorsSurface",
            provider.FixableDiagnosticIds,
            new Diagnostics(diagnostics),
            CancellationToken.None);

        var action = await fixAll.GetFixAsync(context);
        var fixedProject = await ApplyAsync(action!, project);

        Assert.Equal(Expected, (await fixedProject.AdditionalDocuments.Single().GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(fixedProject));
    }

    [Fact]
    public async Task An_empty_file_is_filled()
    {
        var project = CreateProject(Source.Replace(", \"https://evil.example\"", ""), "");
        var diagnostic = Assert.Single(await DiagnosticsAsync(project));
        Assert.Equal("CORSGEN047", diagnostic.Id);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(project.AdditionalDocuments.Single(), diagnostic.Location.SourceSpan, [diagnostic], (action, _) => actions.Add(action), CancellationToken.None);
        await new CorsSurfaceCodeFixProvider().RegisterCodeFixesAsync(context);
        var fixedProject = await ApplyAsync(Assert.Single(actions), project);

        Assert.Equal(SurfaceAnalyzerTests.ItemsSurface, (await fixedProject.AdditionalDocuments.Single().GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(fixedProject));
    }

    private static Project CreateProject(string source, string baseline)
    {
        var document = CodeFixHarness.CreateDocument(source);
        var solution = document.Project.Solution.AddAdditionalDocument(
            DocumentId.CreateNewId(document.Project.Id), "CorsSurface.txt", SourceText.From(baseline), filePath: SurfaceAnalyzerTests.SurfacePath);
        return solution.GetProject(document.Project.Id)!;
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var options = new AnalyzerOptions([.. project.AnalyzerOptions.AdditionalFiles]);
        return await compilation.WithAnalyzers([new CorsSurfaceAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
    }

    private static async Task<Project> ApplyAsync(CodeAction action, Project project)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var solution = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        return solution.GetProject(project.Id)!;
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> all) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(all);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(all.Where(d => !d.Location.IsInSource));
    }
}
