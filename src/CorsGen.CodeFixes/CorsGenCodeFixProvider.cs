using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>
/// What every CorsGen code fix shares: the IDs it fixes, batch Fix All, and one
/// <see cref="RegisterFixes"/> call per diagnostic with the document's syntax root.
/// </summary>
public abstract class CorsGenCodeFixProvider : CodeFixProvider
{
    private protected CorsGenCodeFixProvider(params DiagnosticDescriptor[] fixes) =>
        FixableDiagnosticIds = fixes.Select(d => d.Id).ToImmutableArray();

    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds { get; }

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            RegisterFixes(context, root, diagnostic);
        }
    }

    /// <summary>Registers the fixes for one diagnostic; the default registers none.</summary>
    private protected virtual void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
    }
}
