using System.Composition;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>
/// CORSGEN038: replace a misspelt policy name with the one registered name within two edits of it
/// (<see cref="DiagnosticProperties.Value"/>; absent when no single name is that close, and then no fix is offered).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnregisteredCorsPolicyNameCodeFixProvider))]
[Shared]
public sealed class UnregisteredCorsPolicyNameCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN038.UseRegisteredName";

    /// <summary>Creates the provider.</summary>
    public UnregisteredCorsPolicyNameCodeFixProvider()
        : base(DiagnosticDescriptors.UnregisteredCorsPolicyName)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var registered) || registered is null)
        {
            return;
        }

        // Only a literal is rewritten: a constant or variable may be shared with other uses.
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(registered)).WithTriviaFrom(literal);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use the registered name \"{registered}\"",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                EquivalenceKey),
            diagnostic);
    }
}
