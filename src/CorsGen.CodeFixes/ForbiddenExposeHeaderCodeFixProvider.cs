using System;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN006: drop a forbidden response header (Set-Cookie, Set-Cookie2) from [ExposeHeaders].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForbiddenExposeHeaderCodeFixProvider))]
[Shared]
public sealed class ForbiddenExposeHeaderCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN006.RemoveForbiddenHeader";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ForbiddenExposeHeader.Id);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var candidates = FixSyntax.StringLiterals(node).Where(l => IsForbidden(l.Token.ValueText)).ToList();
            if (FixSyntax.PickLiteral(candidates, diagnostic) is not { } literal || FixSyntax.RemoveListValue(root, literal) is not { } fixedRoot)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove '{literal.Token.ValueText}' from the exposed headers",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static bool IsForbidden(string header) =>
        string.Equals(header, "Set-Cookie", StringComparison.OrdinalIgnoreCase) || string.Equals(header, "Set-Cookie2", StringComparison.OrdinalIgnoreCase);
}
