using System.Composition;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN022: lower [MaxAge] to Chromium's cap; CORSGEN005: raise a negative [MaxAge] to 0.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaxAgeCodeFixProvider))]
[Shared]
public sealed class MaxAgeCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string CapKey = "CORSGEN022.UseChromiumCap";
    internal const string ZeroKey = "CORSGEN005.UseZero";

    /// <summary>Creates the provider.</summary>
    public MaxAgeCodeFixProvider()
        : base(
            DiagnosticDescriptors.MaxAgeAboveBrowserCap,
            DiagnosticDescriptors.NegativeMaxAge)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList.Arguments: { Count: 1 } arguments }
            || arguments[0].NameEquals is not null)
        {
            return;
        }

        var cap = diagnostic.Id == DiagnosticDescriptors.MaxAgeAboveBrowserCap.Id;
        var seconds = cap ? CorsRules.ChromiumMaxAgeCap : 0;
        var expression = arguments[0].Expression;
        context.RegisterCodeFix(
            CodeAction.Create(
                cap ? $"Use {CorsRules.ChromiumMaxAgeCap} (Chromium's cap)" : "Use 0",
                ct =>
                {
                    var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds)).WithTriviaFrom(expression);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, literal)));
                },
                cap ? CapKey : ZeroKey),
            diagnostic);
    }
}
