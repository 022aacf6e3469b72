using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// CORSGEN016's allow-list recognition: whether a write can only run after the request's origin
/// passed an exact check (equality with a value, a set or dictionary lookup, a constant pattern or
/// <c>case</c>, or a bool-returning predicate of the caller's). Presence, length and substring tests
/// (<c>IsNullOrEmpty</c>, <c>!= null</c>, <c>EndsWith</c>, <c>Contains</c> on a string) are not
/// checks: an attacker's origin passes them.
/// </summary>
internal static class OriginGuards
{
    /// <summary>Whether <paramref name="write"/> runs only when an enclosing or earlier condition validated the origin.</summary>
    /// <param name="write">The header write.</param>
    /// <param name="readsOrigin">Whether an operation's value comes from the request's <c>Origin</c>.</param>
    public static bool IsGuarded(IOperation write, Func<IOperation, bool> readsOrigin)
    {
        for (var child = write; child.Parent is { } parent; child = parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.WhenTrue == child && Implies(conditional.Condition, true, readsOrigin):
                case IConditionalOperation { WhenFalse: { } whenFalse } otherwise when whenFalse == child && Implies(otherwise.Condition, false, readsOrigin):
                    return true;
                case ISwitchCaseOperation switchCase when switchCase.Parent is ISwitchOperation { Value: { } value } && readsOrigin(value) && IsExactCase(switchCase):
                    return true;
                case IBlockOperation block when EarlierExitGuards(block, child, readsOrigin):
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false; // A condition outside a lambda says nothing about when the lambda runs.
            }
        }

        return false;
    }

    // if (!allowed.Contains(origin)) return; ... the write
    private static bool EarlierExitGuards(IBlockOperation block, IOperation statement, Func<IOperation, bool> readsOrigin)
    {
        foreach (var earlier in block.Operations)
        {
            if (earlier == statement)
            {
                return false;
            }

            if (earlier is IConditionalOperation { WhenFalse: null } exit && Exits(exit.WhenTrue) && Implies(exit.Condition, false, readsOrigin))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Exits(IOperation operation) => operation switch
    {
        IReturnOperation or IThrowOperation => true,
        IExpressionStatementOperation { Operation: IThrowOperation } => true,
        IBranchOperation { BranchKind: BranchKind.Continue or BranchKind.Break } => true,
        IBlockOperation { Operations.Length: > 0 } block => Exits(block.Operations[block.Operations.Length - 1]),
        _ => false,
    };

    /// <summary>Whether <paramref name="condition"/> evaluating to <paramref name="value"/> means the origin passed a check.</summary>
    private static bool Implies(IOperation condition, bool value, Func<IOperation, bool> readsOrigin)
    {
        switch (condition)
        {
            case IConversionOperation conversion:
                return Implies(conversion.Operand, value, readsOrigin);
            case IParenthesizedOperation parenthesized:
                return Implies(parenthesized.Operand, value, readsOrigin);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Implies(not.Operand, !value, readsOrigin);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return value
                    ? Implies(and.LeftOperand, true, readsOrigin) || Implies(and.RightOperand, true, readsOrigin)
                    : Implies(and.LeftOperand, false, readsOrigin) && Implies(and.RightOperand, false, readsOrigin);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return value
                    ? Implies(or.LeftOperand, true, readsOrigin) && Implies(or.RightOperand, true, readsOrigin)
                    : Implies(or.LeftOperand, false, readsOrigin) || Implies(or.RightOperand, false, readsOrigin);
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                return value == (comparison.OperatorKind == BinaryOperatorKind.Equals) && IsComparisonWithValue(comparison.LeftOperand, comparison.RightOperand, readsOrigin);
            case IIsPatternOperation pattern:
                return readsOrigin(pattern.Value) && (value ? IsExactPattern(pattern.Pattern) : pattern.Pattern is INegatedPatternOperation negated && IsExactPattern(negated.Pattern));
            case IInvocationOperation invocation:
                return value && IsCheckCall(invocation, readsOrigin);
            default:
                return false;
        }
    }

    // origin == "https://app.example.com", origin == Trusted, but not origin == null or origin == origin.
    private static bool IsComparisonWithValue(IOperation left, IOperation right, Func<IOperation, bool> readsOrigin)
    {
        var leftReads = readsOrigin(left);
        var rightReads = readsOrigin(right);
        return leftReads != rightReads && !IsNullOrEmptyConstant(leftReads ? right : left);
    }

    private static bool IsCheckCall(IInvocationOperation invocation, Func<IOperation, bool> readsOrigin)
    {
        var method = invocation.TargetMethod;
        if (method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        var instanceIsString = invocation.Instance?.Type?.SpecialType == SpecialType.System_String;
        var instanceReads = invocation.Instance is { } instance && readsOrigin(instance);
        var argumentsRead = false;
        foreach (var argument in invocation.Arguments)
        {
            if (Lambda(argument.Value) is { } lambda)
            {
                // allowed.Any(a => a == origin) is a check; allowed.Any(a => origin.EndsWith(a)) is not.
                if (readsOrigin(lambda))
                {
                    return AllReturns(lambda, returned => Implies(returned, true, readsOrigin));
                }

                continue;
            }

            argumentsRead |= readsOrigin(argument.Value);
        }

        if (!instanceReads && !argumentsRead)
        {
            return false;
        }

        switch (method.Name)
        {
            case "IsNullOrEmpty" or "IsNullOrWhiteSpace":
            // Well-formedness is not trust: every attacker's origin is a well-formed URI.
            case "TryCreate" or "IsWellFormedUriString" or "TryParse" or "IsWellFormedOriginalString":
                return false;
            case "Equals":
                // string.Equals(origin, x), origin.Equals(x): a check unless x is null or empty.
                foreach (var argument in invocation.Arguments)
                {
                    if (!readsOrigin(argument.Value) && IsNullOrEmptyConstant(argument.Value))
                    {
                        return false;
                    }
                }

                return true;
            case "StartsWith" or "EndsWith" or "Contains" or "IndexOf" or "Match" or "IsMatch" when instanceIsString || method.ContainingType?.Name == "Regex":
                // Substring and pattern tests: "https://evil-example.com" ends with "example.com".
                return false;
            default:
                return true; // set.Contains(origin), dictionary.ContainsKey(origin), IsTrusted(origin), ...
        }
    }

    /// <summary>The lambda behind a delegate argument (through conversions and delegate creation), if any.</summary>
    internal static IAnonymousFunctionOperation? Lambda(IOperation operation)
    {
        operation = AspNetCoreCorsAnalyzer.Unwrap(operation)!;
        if (operation is IDelegateCreationOperation creation)
        {
            operation = AspNetCoreCorsAnalyzer.Unwrap(creation.Target)!;
        }

        return operation as IAnonymousFunctionOperation;
    }

    /// <summary>Whether the lambda returns at least once and every returned value satisfies <paramref name="test"/>.</summary>
    internal static bool AllReturns(IAnonymousFunctionOperation lambda, Func<IOperation, bool> test)
    {
        var any = false;
        foreach (var operation in lambda.Body.Descendants())
        {
            if (operation is IReturnOperation { ReturnedValue: { } returned })
            {
                if (!test(returned))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool IsNullOrEmptyConstant(IOperation operation)
    {
        operation = AspNetCoreCorsAnalyzer.Unwrap(operation)!;
        return operation.ConstantValue is { HasValue: true, Value: null or "" } || operation is IDefaultValueOperation;
    }

    private static bool IsExactPattern(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation constant => !IsNullOrEmptyConstant(constant.Value),
        IBinaryPatternOperation { OperatorKind: BinaryOperatorKind.Or } or => IsExactPattern(or.LeftPattern) && IsExactPattern(or.RightPattern),
        _ => false,
    };

    private static bool IsExactCase(ISwitchCaseOperation switchCase)
    {
        foreach (var clause in switchCase.Clauses)
        {
            var exact = clause switch
            {
                ISingleValueCaseClauseOperation single => !IsNullOrEmptyConstant(single.Value),
                IPatternCaseClauseOperation { Guard: null } patternClause => IsExactPattern(patternClause.Pattern),
                _ => false, // default, relational ranges
            };
            if (!exact)
            {
                return false;
            }
        }

        return switchCase.Clauses.Length > 0;
    }
}
