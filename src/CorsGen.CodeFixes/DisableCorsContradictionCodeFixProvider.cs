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
public sealed class DisableCorsContradictionCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN011.RemoveContradictedAttribute";

    /// <summary>Creates the provider.</summary>
    public DisableCorsContradictionCodeFixProvider()
        : base(DiagnosticDescriptors.DisableCorsContradiction)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // The diagnostic covers the contradicted attribute exactly.
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
            || attribute.Span != diagnostic.Location.SourceSpan)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Remove [{FixSyntax.ShortName(attribute)}]",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(FixSyntax.RemoveAttribute(root, attribute))),
                EquivalenceKey),
            diagnostic);
    }
}
