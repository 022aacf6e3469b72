using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN022: lower [MaxAge] to Chromium's cap; CORSGEN005: raise a negative [MaxAge] to 0.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaxAgeCodeFixProvider))]
[Shared]
public sealed class MaxAgeCodeFixProvider : CodeFixProvider
{
    internal const string CapKey = "CORSGEN022.UseChromiumCap";
    internal const string ZeroKey = "CORSGEN005.UseZero";

    private const int ChromiumCap = 7200;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MaxAgeAboveBrowserCap.Id,
        DiagnosticDescriptors.NegativeMaxAge.Id);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList.Arguments: { Count: 1 } arguments }
                || arguments[0].NameEquals is not null)
            {
                continue;
            }

            var cap = diagnostic.Id == DiagnosticDescriptors.MaxAgeAboveBrowserCap.Id;
            var seconds = cap ? ChromiumCap : 0;
            var expression = arguments[0].Expression;
            context.RegisterCodeFix(
                CodeAction.Create(
                    cap ? "Use 7200 (Chromium's cap)" : "Use 0",
                    ct =>
                    {
                        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(seconds)).WithTriviaFrom(expression);
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(expression, literal)));
                    },
                    cap ? CapKey : ZeroKey),
                diagnostic);
        }
    }
}
