using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN011: remove the CORS attribute that [DisableCors] makes dead.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DisableCorsContradictionCodeFixProvider))]
[Shared]
public sealed class DisableCorsContradictionCodeFixProvider : CodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN011.RemoveContradictedAttribute";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.DisableCorsContradiction.Id);

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
            // The diagnostic covers the contradicted attribute exactly.
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
                || attribute.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Remove [{FixSyntax.ShortName(attribute)}]",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(FixSyntax.RemoveAttribute(root, attribute))),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
