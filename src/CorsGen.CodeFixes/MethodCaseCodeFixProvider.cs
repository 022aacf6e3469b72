using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN023: write a method name the way browsers send it (upper case).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MethodCaseCodeFixProvider))]
[Shared]
public sealed class MethodCaseCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN023.UpperCaseMethod";

    /// <summary>Creates the provider.</summary>
    public MethodCaseCodeFixProvider()
        : base(DiagnosticDescriptors.MethodCase)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // [AllowMethods] points at the argument, [MapMethods] at the whole attribute.
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var candidates = FixSyntax.StringLiterals(node).Where(l => IsMiscased(l.Token.ValueText)).ToList();
        if (FixSyntax.PickLiteral(candidates, diagnostic) is not { } literal)
        {
            return;
        }

        var upper = literal.Token.ValueText.ToUpperInvariant();
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use '{upper}'",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, FixSyntax.StringLiteral(upper, literal)))),
                EquivalenceKey),
            diagnostic);
    }

    private static bool IsMiscased(string method)
    {
        var upper = method.ToUpperInvariant();
        return upper != method && CorsRules.IsUpperCaseMethod(upper);
    }
}
