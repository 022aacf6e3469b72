using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.CodeFixes;

/// <summary>
/// CORSGEN045, CORSGEN046, CORSGEN047: rewrites CorsSurface.txt with the compiled surface, which every such
/// diagnostic carries whole (<see cref="CorsSurfaceAnalyzer.SurfaceProperty"/>), so one fix settles them all.
/// </summary>
/// <remarks>
/// Not a <see cref="CorsGenCodeFixProvider"/>: that base reads a C# document's syntax root, and a removed line's
/// diagnostic sits in the additional file, which has none. Fix All writes each project's file once.
/// </remarks>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CorsSurfaceCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
[Shared]
public sealed class CorsSurfaceCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "CorsGen.UpdateCorsSurface";
    private const string Title = "Update CorsSurface.txt with the compiled CORS surface";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SurfaceWidened.Id,
        DiagnosticDescriptors.SurfaceChanged.Id,
        DiagnosticDescriptors.SurfaceBaselineProblem.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => SurfaceFixAll.Instance;

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(context.TextDocument.Project, diagnostic) is { } target)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => Task.FromResult(Write(context.TextDocument.Project.Solution, new[] { target })), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The project's CorsSurface.txt and the text the diagnostic says it should hold; null when either is missing.</summary>
    private static (DocumentId File, string Text)? Target(Project project, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(CorsSurfaceAnalyzer.SurfaceProperty, out var text) || text is null
            || !diagnostic.Properties.TryGetValue(CorsSurfaceAnalyzer.FileProperty, out var path) || path is null)
        {
            return null;
        }

        var file = project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.OrdinalIgnoreCase));
        return file is null ? null : (file.Id, text);
    }

    private static Solution Write(Solution solution, IEnumerable<(DocumentId File, string Text)> targets)
    {
        foreach (var (file, text) in targets)
        {
            solution = solution.WithAdditionalDocumentText(file, SourceText.From(text));
        }

        return solution;
    }

    /// <summary>Fix All in a document, project or solution: one write per project's file, from any of its diagnostics.</summary>
    private sealed class SurfaceFixAll : FixAllProvider
    {
        public static readonly SurfaceFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAsync(fixAllContext, ct), EquivalenceKey));

        private static async Task<Solution> FixAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var projects = context.Scope == FixAllScope.Solution ? context.Solution.Projects : new[] { context.Project };
            var targets = new Dictionary<DocumentId, string>();
            foreach (var project in projects)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var diagnostic in diagnostics.Where(d => context.DiagnosticIds.Contains(d.Id)))
                {
                    if (Target(project, diagnostic) is { } target)
                    {
                        targets[target.File] = target.Text;
                    }
                }
            }

            return Write(context.Solution, targets.Select(t => (t.Key, t.Value)));
        }
    }
}
