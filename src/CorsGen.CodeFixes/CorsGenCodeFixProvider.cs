using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>
/// What every CorsGen code fix shares: the IDs it fixes, batch Fix All, the document's syntax root (and its
/// semantic model, fetched once and only when a fix asks), and one call per diagnostic.
/// </summary>
public abstract class CorsGenCodeFixProvider : CodeFixProvider
{
    private protected CorsGenCodeFixProvider(params DiagnosticDescriptor[] fixes) =>
        FixableDiagnosticIds = fixes.Select(d => d.Id).ToImmutableArray();

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => FixAll ?? WellKnownFixAllProviders.BatchFixer;

    /// <summary>A Fix All of its own, for fixes whose edits depend on each other (null: the batch fixer merges independent fixes).</summary>
    private protected virtual FixAllProvider? FixAll => null;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var document = new FixDocument(context, root);
        foreach (var diagnostic in context.Diagnostics)
        {
            await RegisterFixesAsync(document, diagnostic).ConfigureAwait(false);
        }
    }

    /// <summary>Registers the fixes for one diagnostic; the default calls the synchronous <see cref="RegisterFixes"/>.</summary>
    private protected virtual Task RegisterFixesAsync(FixDocument document, Diagnostic diagnostic)
    {
        RegisterFixes(document.Context, document.Root, diagnostic);
        return Task.CompletedTask;
    }

    /// <summary>Registers the fixes for one diagnostic that needs only syntax; the default registers none.</summary>
    private protected virtual void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
    }

    /// <summary>The document being fixed: its context, syntax root and, on first request, its semantic model.</summary>
    private protected sealed class FixDocument
    {
        private SemanticModel? _model;

        public FixDocument(CodeFixContext context, SyntaxNode root)
        {
            Context = context;
            Root = root;
        }

        public CodeFixContext Context { get; }

        public SyntaxNode Root { get; }

        public async Task<SemanticModel?> GetSemanticModelAsync() =>
            _model ??= await Context.Document.GetSemanticModelAsync(Context.CancellationToken).ConfigureAwait(false);
    }
}
