using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators.Surface;

/// <summary>
/// Reads a <c>WithCors(...)</c> call for the surface. One home for the generator's pipeline step and the surface
/// analyzer, so both name a group the same way.
/// </summary>
internal static class SurfaceGroups
{
    /// <summary>The cheap syntax test: an invocation of something named <c>WithCors</c>.</summary>
    public static bool IsCandidate(SyntaxNode node) =>
        node is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "WithCors" }
                or IdentifierNameSyntax { Identifier.ValueText: "WithCors" },
        };

    /// <summary>The group a call to CorsGen's <c>WithCors</c> applies a policy to; null for any other call.</summary>
    public static SurfaceGroupSpec? Read(InvocationExpressionSyntax invocation, SemanticModel model, CancellationToken cancellationToken)
    {
        // In the generator's compilation the [CorsPolicy] class's Policy property is not generated yet, so
        // the call binds to candidates only (both WithCors overloads).
        var info = model.GetSymbolInfo(invocation, cancellationToken);
        if ((info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is not IMethodSymbol method
            || !IsCorsGenWithCors(method))
        {
            return null;
        }

        // group.WithCors(policy), or CorsEndpointExtensions.WithCors(group, policy) called as a static method.
        var arguments = invocation.ArgumentList.Arguments;
        ExpressionSyntax? receiver;
        ExpressionSyntax? policy;
        if (method.MethodKind == MethodKind.ReducedExtension && invocation.Expression is MemberAccessExpressionSyntax access && arguments.Count == 1)
        {
            receiver = access.Expression;
            policy = arguments[0].Expression;
        }
        else if (arguments.Count == 2)
        {
            receiver = arguments[0].Expression;
            policy = arguments[1].Expression;
        }
        else
        {
            return null;
        }

        return new SurfaceGroupSpec(Text(receiver), Member(model.GetEnclosingSymbol(invocation.SpanStart, cancellationToken)), PolicyName(policy, model, cancellationToken));
    }

    private static bool IsCorsGenWithCors(IMethodSymbol method) =>
        method.Name == "WithCors"
        && (method.ReducedFrom ?? method).ContainingType is { Name: "CorsEndpointExtensions" } type
        && type.ContainingNamespace.ToDisplayString() == "Microsoft.AspNetCore.Builder";

    /// <summary>A <c>[CorsPolicy]</c> class's <c>Policy</c> property names the class (as its settings do); anything else its text.</summary>
    private static string PolicyName(ExpressionSyntax policy, SemanticModel model, CancellationToken cancellationToken)
    {
        // X.Policy, X a [CorsPolicy] class: bound through X, as Policy itself is generated (unbound in the generator).
        if (policy is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Policy" } access
            && model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamedTypeSymbol type
            && CorsGenerator.Parser.Find(type.GetAttributes(), CorsGenerator.Parser.CorsPolicy) is not null)
        {
            return type.Name;
        }

        return "(" + Text(policy) + ")";
    }

    /// <summary>The member calling WithCors, by type and name: no file, no line, so edits elsewhere leave it alone.</summary>
    private static string Member(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        if (symbol is null)
        {
            return "(unknown)";
        }

        var name = symbol.Name == "<Main>$" ? "(top-level statements)" : symbol.Name;
        return symbol.ContainingType is { } type ? type.Name + "." + name : name;
    }

    /// <summary>The expression's text on one line: whitespace runs become one space, none before a dot.</summary>
    private static string Text(ExpressionSyntax expression)
    {
        var raw = expression.WithoutTrivia().ToString();
        var text = new StringBuilder(raw.Length);
        var pendingSpace = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = text.Length > 0;
                continue;
            }

            if (pendingSpace && c != '.')
            {
                text.Append(' ');
            }

            pendingSpace = false;
            text.Append(c);
        }

        return text.ToString();
    }
}
