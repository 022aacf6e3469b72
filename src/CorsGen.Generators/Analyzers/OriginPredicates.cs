using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>A test in an origin predicate that lets look-alike origins through (CORSGEN035) or reaches into a shared-hosting suffix (CORSGEN036).</summary>
/// <param name="Test">The call (or comparison) that tests the origin.</param>
/// <param name="SharedSuffix">The shared-hosting suffix an <c>EndsWith(".suffix")</c> or anchored pattern trusts every subdomain of; null for a loose test.</param>
/// <param name="Why">For a loose test: an origin that passes it, or why one does.</param>
internal sealed record OriginPredicateFinding(IOperation Test, string? SharedSuffix, string Why)
{
    public Location Location => Test.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax
        ? Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, syntax.Span.End))
        : Test.Syntax.GetLocation();

    /// <summary>The test as written, for the message (<c>StartsWith("http://localhost")</c>).</summary>
    public string Text => Test.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax
        ? member.Name + syntax.ArgumentList.ToString()
        : Test.Syntax.ToString();
}

/// <summary>
/// What a <c>SetIsOriginAllowed</c> predicate's <c>true</c> means: for each path that returns true, whether an
/// exact check of the origin passed (a set lookup, <c>==</c>, a safe suffix or prefix) or only a substring,
/// prefix, suffix or loose regular-expression test did. The counterpart of <see cref="OriginGuards"/> for predicates.
/// </summary>
internal static class OriginPredicates
{
    /// <summary>The loose and shared-suffix tests a path returning true can rely on alone.</summary>
    public static IReadOnlyList<OriginPredicateFinding> Find(IOperation predicateArgument)
    {
        var body = Body(predicateArgument, out var parameter);
        if (body is null || parameter is null)
        {
            return [];
        }

        var context = new Context(parameter, body);
        var findings = new List<OriginPredicateFinding>();
        foreach (var (returned, reach) in Returns(body))
        {
            var verdict = reach.Aggregate(Classify(returned, true, context), (acc, condition) => And(acc, Classify(condition.Condition, condition.Value, context)));
            if (!verdict.Exact)
            {
                findings.AddRange(verdict.Findings.Where(f => !findings.Any(e => e.Test == f.Test)));
            }
        }

        return findings;
    }

    // The lambda's body, or the body of a method group of the same file: SetIsOriginAllowed(IsAllowed).
    private static IOperation? Body(IOperation argument, out IParameterSymbol? parameter)
    {
        parameter = null;
        if (OriginGuards.Lambda(argument) is { } lambda)
        {
            parameter = lambda.Symbol.Parameters.FirstOrDefault();
            return lambda.Body;
        }

        var target = AspNetCoreCorsAnalyzer.Unwrap(argument) is IDelegateCreationOperation creation ? AspNetCoreCorsAnalyzer.Unwrap(creation.Target) : null;
        if (target is IMethodReferenceOperation { Method: { } method } && argument.SemanticModel is { } model)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == model.SyntaxTree && model.GetOperation(reference.GetSyntax()) is IMethodBodyOperation body)
                {
                    parameter = method.Parameters.FirstOrDefault();
                    return (IOperation?)body.BlockBody ?? body.ExpressionBody;
                }
            }
        }

        return null;
    }

    private readonly record struct Reach(IOperation Condition, bool Value);

    private readonly record struct Verdict(bool Exact, IReadOnlyList<OriginPredicateFinding> Findings)
    {
        public static readonly Verdict None = new(false, []);
        public static readonly Verdict ExactCheck = new(true, []);
    }

    private static Verdict And(Verdict a, Verdict b) => a.Exact || b.Exact ? Verdict.ExactCheck : new Verdict(false, [.. a.Findings, .. b.Findings]);

    private static Verdict Or(Verdict a, Verdict b) => new(a.Exact && b.Exact, [.. a.Findings, .. b.Findings]);

    // Each returned value other than false, with the conditions that must hold to reach it.
    private static IEnumerable<(IOperation Returned, List<Reach> Reach)> Returns(IOperation body)
    {
        foreach (var @return in body.DescendantsAndSelf().OfType<IReturnOperation>())
        {
            if (@return.ReturnedValue is not { } returned || returned.ConstantValue is { HasValue: true, Value: false })
            {
                continue;
            }

            if (InNestedFunction(@return, body))
            {
                continue;
            }

            var reach = new List<Reach>();
            for (IOperation child = @return; child.Parent is { } parent && child != body; child = parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.WhenTrue == child:
                        reach.Add(new Reach(conditional.Condition, true));
                        break;
                    case IConditionalOperation conditional when conditional.WhenFalse == child:
                        reach.Add(new Reach(conditional.Condition, false));
                        break;
                    case IBlockOperation block:
                        // if (!trusted) return false; ... return true;
                        foreach (var earlier in block.Operations.TakeWhile(o => o != child))
                        {
                            if (earlier is IConditionalOperation { WhenFalse: null } exit && ReturnsFalse(exit.WhenTrue))
                            {
                                reach.Add(new Reach(exit.Condition, false));
                            }
                        }

                        break;
                }
            }

            yield return (returned, reach);
        }
    }

    private static bool InNestedFunction(IOperation operation, IOperation body)
    {
        for (var current = operation.Parent; current is not null && current != body; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReturnsFalse(IOperation operation) => operation switch
    {
        IReturnOperation { ReturnedValue.ConstantValue: { HasValue: true, Value: false } } => true,
        IBlockOperation { Operations.Length: 1 } block => ReturnsFalse(block.Operations[0]),
        _ => false,
    };

    private sealed class Context(IParameterSymbol parameter, IOperation body)
    {
        private readonly Dictionary<ISymbol, IOperation?> _locals = Locals(body);

        private static Dictionary<ISymbol, IOperation?> Locals(IOperation body)
        {
            var locals = new Dictionary<ISymbol, IOperation?>(SymbolEqualityComparer.Default);
            foreach (var declarator in body.Descendants().OfType<IVariableDeclaratorOperation>())
            {
                locals[declarator.Symbol] = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
            }

            return locals;
        }

        public bool ReadsOrigin(IOperation? operation, int depth = 0)
        {
            if (operation is null || depth > 4)
            {
                return false;
            }

            foreach (var descendant in operation.DescendantsAndSelf())
            {
                switch (descendant)
                {
                    case IParameterReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter):
                        return true;
                    case ILocalReferenceOperation local when _locals.TryGetValue(local.Local, out var initializer) && ReadsOrigin(initializer, depth + 1):
                        return true;
                }
            }

            return false;
        }
    }

    private static Verdict Classify(IOperation operation, bool value, Context context)
    {
        switch (operation)
        {
            case IConversionOperation conversion:
                return Classify(conversion.Operand, value, context);
            case IParenthesizedOperation parenthesized:
                return Classify(parenthesized.Operand, value, context);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Classify(not.Operand, !value, context);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return value
                    ? And(Classify(and.LeftOperand, true, context), Classify(and.RightOperand, true, context))
                    : Or(Classify(and.LeftOperand, false, context), Classify(and.RightOperand, false, context));
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return value
                    ? Or(Classify(or.LeftOperand, true, context), Classify(or.RightOperand, true, context))
                    : And(Classify(or.LeftOperand, false, context), Classify(or.RightOperand, false, context));
            case IConditionalOperation { WhenFalse: { } whenFalse } ternary:
                return Or(And(Classify(ternary.Condition, true, context), Classify(ternary.WhenTrue, value, context)), Classify(whenFalse, value, context));
            case IBinaryOperation comparison when IndexOfComparison(comparison) is { } indexOf:
                return value ? Loose(indexOf, context) : Verdict.None;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return value == (comparison.OperatorKind == BinaryOperatorKind.Equals)
                    && context.ReadsOrigin(comparison.LeftOperand) != context.ReadsOrigin(comparison.RightOperand)
                    ? Verdict.ExactCheck
                    : Verdict.None;
            case IIsPatternOperation pattern:
                return value && context.ReadsOrigin(pattern.Value) && pattern.Pattern is IConstantPatternOperation or IBinaryPatternOperation ? Verdict.ExactCheck : Verdict.None;
            case IPropertyReferenceOperation { Property.Name: "Success", Instance: IInvocationOperation match } when IsRegexCall(match):
                return value ? Loose(match, context) : Verdict.None;
            case IInvocationOperation invocation:
                return value ? Call(invocation, context) : Verdict.None;
            case IPropertyReferenceOperation property when property.Type?.SpecialType == SpecialType.System_Boolean:
                // uri.IsLoopback, options.Trusted[...]: a property of the origin is a check of it.
                return value && context.ReadsOrigin(property) ? Verdict.ExactCheck : Verdict.None;
            default:
                return Verdict.None;
        }
    }

    private static Verdict Call(IInvocationOperation invocation, Context context)
    {
        if (IsStringTest(invocation) || IsRegexCall(invocation))
        {
            return Loose(invocation, context);
        }

        var verdict = Verdict.None;
        var reads = false;
        foreach (var argument in invocation.Arguments)
        {
            if (OriginGuards.Lambda(argument.Value) is { } lambda && context.ReadsOrigin(lambda))
            {
                // trusted.Any(t => origin.StartsWith(t)): the lambda's test is the call's.
                foreach (var (returned, _) in Returns(lambda.Body))
                {
                    var inner = Classify(returned, true, context);
                    verdict = verdict.Findings.Count == 0 && !verdict.Exact ? inner : Or(verdict, inner);
                }

                return verdict;
            }

            reads |= context.ReadsOrigin(argument.Value);
        }

        if (!reads && !context.ReadsOrigin(invocation.Instance))
        {
            return Verdict.None;
        }

        return invocation.TargetMethod.Name is "IsNullOrEmpty" or "IsNullOrWhiteSpace" or "TryCreate" or "IsWellFormedUriString"
            ? Verdict.None
            : Verdict.ExactCheck; // trusted.Contains(origin), IsTrusted(origin), string.Equals(origin, x)
    }

    private static bool IsStringTest(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "StartsWith" or "EndsWith" or "Contains" or "IndexOf"
        && invocation.Instance?.Type?.SpecialType == SpecialType.System_String;

    private static bool IsRegexCall(IInvocationOperation invocation) =>
        invocation.TargetMethod.Name is "IsMatch" or "Match"
        && invocation.TargetMethod.ContainingType?.ToDisplayString() == "System.Text.RegularExpressions.Regex";

    // origin.IndexOf("x") >= 0, != -1, > -1, == 0
    private static IInvocationOperation? IndexOfComparison(IBinaryOperation comparison) =>
        AspNetCoreCorsAnalyzer.Unwrap(comparison.LeftOperand) is IInvocationOperation { TargetMethod.Name: "IndexOf" } call && IsStringTest(call)
        && comparison.RightOperand.ConstantValue is { HasValue: true, Value: int }
            ? call
            : null;

    private static Verdict Loose(IInvocationOperation test, Context context)
    {
        var tested = test.TargetMethod.IsStatic ? test.Arguments.FirstOrDefault()?.Value : test.Instance;
        if (!context.ReadsOrigin(tested))
        {
            return Verdict.None;
        }

        var argument = test.TargetMethod.IsStatic ? test.Arguments.ElementAtOrDefault(1)?.Value : test.Arguments.FirstOrDefault()?.Value;
        var text = AspNetCoreCorsAnalyzer.Unwrap(argument)?.ConstantValue is { HasValue: true, Value: string s } ? s : null;
        if (IsRegexCall(test))
        {
            return text is null ? Verdict.None : Pattern(test, text);
        }

        switch (test.TargetMethod.Name)
        {
            case "StartsWith" when text is not null && IsSchemeHostColon(text):
                return Verdict.ExactCheck; // "http://localhost:" leaves only a port.
            case "StartsWith":
                return Found(test, null, "'" + Host(text ?? "https://<trusted>") + ".evil.example' passes it");
            case "EndsWith" when text is not null && text.StartsWith("://", StringComparison.Ordinal):
                return Verdict.ExactCheck;
            case "EndsWith" when text is not null && text.StartsWith(".", StringComparison.Ordinal) && text.Length > 1:
                return SharedHostingSuffixes.Find(text.Substring(1)) is { } suffix ? Found(test, suffix, "") : Verdict.ExactCheck;
            case "EndsWith":
                return Found(test, null, "'https://evil" + (text is null ? "<trusted suffix>" : text.TrimStart('/')) + "' passes it");
            default:
                return Found(test, null, "'" + Host(text ?? "<trusted>") + ".evil.example' passes it");
        }
    }

    private static Verdict Found(IOperation test, string? suffix, string why) => new(false, [new OriginPredicateFinding(test, suffix, why)]);

    // An origin or host text as the start of a look-alike origin.
    private static string Host(string text) =>
        text.Contains("://") ? text.TrimEnd('/') : "https://" + text.Trim('.', '/');

    private static bool IsSchemeHostColon(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        return separator > 0 && text.EndsWith(":", StringComparison.Ordinal) && text.Length > separator + 4
            && text.IndexOf(':', separator + 3) == text.Length - 1 && text.IndexOf('/', separator + 3) < 0;
    }

    // ^https://[a-z0-9-]+\.example\.com$ is exact; an unanchored or loosely dotted pattern is not.
    private static Verdict Pattern(IInvocationOperation test, string pattern)
    {
        var anchoredStart = pattern.StartsWith("^", StringComparison.Ordinal) || pattern.StartsWith("\\A", StringComparison.Ordinal);
        var anchoredEnd = pattern.EndsWith("$", StringComparison.Ordinal) || pattern.EndsWith("\\z", StringComparison.Ordinal);
        if (!anchoredStart || !anchoredEnd || HasTopLevelAlternation(pattern))
        {
            return Found(test, null, "the pattern is not anchored at both ends (^...$), so an origin that merely contains a match passes it");
        }

        if (HasLooseDot(pattern))
        {
            return Found(test, null, "an unescaped '.' matches any character, so a look-alike host passes it");
        }

        // A literal tail after a variable part (...]+\.ngrok-free\.app$) trusts every subdomain of it.
        var tail = LiteralDomainTail(pattern);
        return tail is { Length: > 1 } && tail[0] == '.' && SharedHostingSuffixes.Find(tail.Substring(1)) is { } suffix ? Found(test, suffix, "") : Verdict.ExactCheck;
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\':
                    i++;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '|' when depth == 0:
                    return true;
            }
        }

        return false;
    }

    // '.' outside a character class, unless it is ".*\." or ".+\." (any labels, then a dot).
    private static bool HasLooseDot(string pattern)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
            else if (c == '.' && !inClass
                && !(i + 3 < pattern.Length && pattern[i + 1] is '*' or '+' && pattern[i + 2] == '\\' && pattern[i + 3] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    // "...]+\.ngrok-free\.app$" -> ".ngrok-free.app"; "^https://app\.example\.com$" -> "app.example.com"
    private static string? LiteralDomainTail(string pattern)
    {
        var end = pattern.EndsWith("\\z", StringComparison.Ordinal) ? pattern.Length - 2 : pattern.Length - 1;
        var chars = new List<char>();
        var i = end - 1;
        while (i >= 0)
        {
            var c = pattern[i];
            if (c == '.' && i > 0 && pattern[i - 1] == '\\')
            {
                chars.Add('.');
                i -= 2;
            }
            else if (char.IsLetterOrDigit(c) || c == '-')
            {
                chars.Add(c);
                i--;
            }
            else
            {
                break;
            }
        }

        chars.Reverse();
        return chars.Count == 0 ? null : new string(chars.ToArray());
    }
}
