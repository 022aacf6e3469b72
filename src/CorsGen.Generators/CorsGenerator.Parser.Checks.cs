using System;
using System.Collections.Generic;
using System.Linq;
using CorsGen.Generators.Model;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // Checks on values that several readers share: method case, weak trust, header-name sets, predicates.
    internal static partial class Parser
    {
        // A method browsers send upper-cased (or PATCH) written otherwise; the location is looked up only then.
        private static void CheckMethodCase(string method, ArgumentLocations locations, int index, List<DiagnosticInfo> diagnostics)
        {
            var upper = method.ToUpperInvariant();
            if (upper != method && CorsRules.IsUpperCaseMethod(upper))
            {
                diagnostics.Add(DiagnosticInfo.ForValue(DiagnosticDescriptors.MethodCase, locations.Of(index), method, method, upper));
            }
        }

        private static void CheckWeakTrust(AttributeData originsAttribute, List<string> exact, bool credentials, List<DiagnosticInfo> diagnostics)
        {
            if (exact.Contains("null"))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    credentials ? DiagnosticDescriptors.NullOriginWithCredentials : DiagnosticDescriptors.NullOrigin,
                    LocationOf(originsAttribute)));
            }

            if (credentials && exact.Any(o => o.StartsWith("https://", StringComparison.Ordinal)))
            {
                foreach (var insecure in exact.Where(o => o.StartsWith("http://", StringComparison.Ordinal) && !IsLoopback(o)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InsecureOriginWithCredentials, LocationOf(originsAttribute), insecure));
                }
            }
        }

        // Only hosts that are loopback by definition; "localhost.attacker.example" is not.
        internal static bool IsLoopback(string origin)
        {
            var authority = origin.Substring("http://".Length);
            var host = authority.StartsWith("[", StringComparison.Ordinal)
                ? authority.Substring(0, authority.IndexOf(']') + 1)
                : authority.Split(':')[0];
            return host is "localhost" or "[::1]"
                || (host.StartsWith("127.", StringComparison.Ordinal)
                    && System.Net.IPAddress.TryParse(host, out var address)
                    && System.Net.IPAddress.IsLoopback(address)
                    && address.ToString() == host);
        }

        private static void AddHeaderName(List<string> names, string name)
        {
            foreach (var existing in names)
            {
                if (string.Equals(existing, name, StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }

            names.Add(name);
        }

        // "=> true", "{ return true; }" (or !false): the textbook reflect-everything predicate.
        /// <summary>
        /// Where [AllowOriginPredicate] points: <c>(nameof(M))</c> names a method of the attribute's own class,
        /// <c>(typeof(T), nameof(T.M))</c> one of <c>T</c>, so one predicate can serve several policies.
        /// </summary>
        internal static (INamedTypeSymbol Owner, string Name)? PredicateTarget(AttributeData attribute, INamedTypeSymbol attributeOwner)
        {
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length == 1 && arguments[0].Value is string { Length: > 0 } name)
            {
                return (attributeOwner, name);
            }

            return arguments.Length == 2 && arguments[0].Value is INamedTypeSymbol { TypeKind: not TypeKind.Error } type && arguments[1].Value is string { Length: > 0 } other
                ? (type, other)
                : null;
        }

        private static bool AlwaysReturnsTrue(INamedTypeSymbol owner, string name)
        {
            foreach (var method in owner.GetMembers(name).OfType<IMethodSymbol>())
            {
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    var body = reference.GetSyntax() switch
                    {
                        MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
                        MethodDeclarationSyntax { Body.Statements.Count: 1 } block when block.Body!.Statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
                        _ => null,
                    };
                    if (IsTrueLiteral(body))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsTrueLiteral(ExpressionSyntax? expression) => expression switch
        {
            ParenthesizedExpressionSyntax parenthesized => IsTrueLiteral(parenthesized.Expression),
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.TrueLiteralExpression),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression, Operand: LiteralExpressionSyntax operand } => operand.IsKind(SyntaxKind.FalseLiteralExpression),
            _ => false,
        };

        // static bool Name(string origin) or static bool Name(ReadOnlySpan<char> origin), reachable from the endpoint class.
        private static OriginPredicateSpec? ParsePredicate(INamedTypeSymbol owner, string name, AttributeData attribute, INamedTypeSymbol endpointType, List<DiagnosticInfo> diagnostics)
        {
            string? problem = null;
            OriginPredicateSpec? result = null;
            var candidates = owner.GetMembers(name).OfType<IMethodSymbol>().ToList();
            if (candidates.Count == 0)
            {
                problem = "no method of that name exists";
            }

            else
            {
                foreach (var candidate in candidates)
                {
                    var takesSpan = candidate.Parameters.Length == 1
                        && candidate.Parameters[0].Type is INamedTypeSymbol { Name: "ReadOnlySpan", ContainingNamespace.Name: "System", TypeArguments.Length: 1 } span
                        && span.TypeArguments[0].SpecialType == SpecialType.System_Char;
                    var takesString = candidate.Parameters.Length == 1 && candidate.Parameters[0].Type.SpecialType == SpecialType.System_String;
                    if (!candidate.IsStatic || candidate.IsGenericMethod || candidate.ReturnType.SpecialType != SpecialType.System_Boolean
                        || !(takesSpan || takesString) || candidate.Parameters[0].RefKind != RefKind.None)
                    {
                        problem = "the method must be static, non-generic, return bool and take one string or ReadOnlySpan<char> parameter";
                        continue;
                    }

                    // A controller's policies are generated outside it, so even its own predicate must be reachable from there.
                    if ((!SymbolEqualityComparer.Default.Equals(owner, endpointType) || IsController(endpointType)) && candidate.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
                    {
                        problem = $"the method is private, but '{endpointType.Name}' uses the policy and must be able to call it; make it internal";
                        continue;
                    }

                    result = new OriginPredicateSpec(owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + name, takesSpan);
                    break;
                }
            }

            if (result is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidOriginPredicate, LocationOf(attribute), name, owner.Name, problem ?? "it cannot be used"));
            }

            return result;
        }
    }
}
