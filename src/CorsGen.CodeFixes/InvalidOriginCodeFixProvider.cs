using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>
/// CORSGEN003 ([AllowOrigins]) and CORSGEN014 (ASP.NET Core's WithOrigins): replace an origin that never
/// matches with its serialized form, when it has one.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidOriginCodeFixProvider))]
[Shared]
public sealed class InvalidOriginCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN003.NormalizeOrigin";

    private const string WildcardSubdomainsMethod = "SetIsOriginAllowedToAllowWildcardSubdomains";

    /// <summary>Creates the provider.</summary>
    public InvalidOriginCodeFixProvider()
        : base(
            DiagnosticDescriptors.InvalidOrigin,
            DiagnosticDescriptors.AspNetInvalidOrigin)
    {
    }

    /// <inheritdoc/>
    private protected override async Task RegisterFixesAsync(FixDocument document, Diagnostic diagnostic)
    {
        var (context, root) = (document.Context, document.Root);
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var candidates = FixSyntax.StringLiterals(node).Where(l => OriginSyntax.Parse(l.Token.ValueText).Kind == OriginKind.Invalid
            || diagnostic.Id == DiagnosticDescriptors.AspNetInvalidOrigin.Id).ToList();
        if (FixSyntax.PickLiteral(candidates, diagnostic) is not { } literal
            || OriginNormalizer.Normalize(literal.Token.ValueText) is not { } normalized
            || normalized == literal.Token.ValueText)
        {
            return;
        }

        var parsed = OriginSyntax.Parse(normalized);
        bool valid;
        if (diagnostic.Id == DiagnosticDescriptors.AspNetInvalidOrigin.Id)
        {
            var model = await document.GetSemanticModelAsync().ConfigureAwait(false);
            valid = parsed.Kind == OriginKind.Exact
                || (parsed.Kind == OriginKind.SubdomainPattern && model is not null && AllowsWildcardSubdomains(model, literal, context.CancellationToken));
        }
        else
        {
            valid = parsed.Kind is OriginKind.Exact or OriginKind.SubdomainPattern;
        }

        if (!valid)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Use '{normalized}'",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, FixSyntax.StringLiteral(normalized, literal)))),
                EquivalenceKey),
            diagnostic);
    }

    // Whether the CorsPolicyBuilder this WithOrigins(...) is called on also gets SetIsOriginAllowedToAllowWildcardSubdomains().
    private static bool AllowsWildcardSubdomains(SemanticModel model, SyntaxNode origin, CancellationToken cancellationToken)
    {
        if (origin.FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } withOrigins)
        {
            return false;
        }

        var builder = BuilderRoot(model, withOrigins, cancellationToken);
        if (builder is null)
        {
            return false;
        }

        // The analyzer groups the calls of one operation block: a member's body, or all top-level statements.
        SyntaxNode scope = withOrigins.FirstAncestorOrSelf<MemberDeclarationSyntax>() is { } member and not GlobalStatementSyntax
            ? member
            : withOrigins.SyntaxTree.GetRoot(cancellationToken);
        return scope.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(call =>
            call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: WildcardSubdomainsMethod }
            && Equals(builder, BuilderRoot(model, call, cancellationToken)));
    }

    // What a fluent chain starts from: a parameter, local or field symbol, or a `new CorsPolicyBuilder()` node.
    private static object? BuilderRoot(SemanticModel model, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        ExpressionSyntax expression = call;
        while (true)
        {
            switch (expression)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }:
                    expression = member.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case BaseObjectCreationExpressionSyntax creation:
                    return creation;
                default:
                    var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
                    return symbol is IParameterSymbol or ILocalSymbol or IFieldSymbol ? new SymbolKey(symbol) : null;
            }
        }
    }

    private readonly struct SymbolKey(ISymbol symbol) : System.IEquatable<SymbolKey>
    {
        private readonly ISymbol symbol = symbol;

        public bool Equals(SymbolKey other) => SymbolEqualityComparer.Default.Equals(symbol, other.symbol);

        public override bool Equals(object? obj) => obj is SymbolKey other && Equals(other);

        public override int GetHashCode() => SymbolEqualityComparer.Default.GetHashCode(symbol);
    }
}
