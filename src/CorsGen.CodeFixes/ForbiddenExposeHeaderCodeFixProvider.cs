using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN006: drop a forbidden response header (Set-Cookie, Set-Cookie2) from [ExposeHeaders].</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForbiddenExposeHeaderCodeFixProvider))]
[Shared]
public sealed class ForbiddenExposeHeaderCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN006.RemoveForbiddenHeader";

    /// <summary>Creates the provider.</summary>
    public ForbiddenExposeHeaderCodeFixProvider()
        : base(DiagnosticDescriptors.ForbiddenExposeHeader)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var candidates = FixSyntax.StringLiterals(node).Where(l => CorsRules.IsForbiddenExposeHeader(l.Token.ValueText)).ToList();
        if (FixSyntax.PickLiteral(candidates, diagnostic) is not { } literal || FixSyntax.RemoveListValue(root, literal) is not { } fixedRoot)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Remove '{literal.Token.ValueText}' from the exposed headers",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)),
                EquivalenceKey),
            diagnostic);
    }
}
