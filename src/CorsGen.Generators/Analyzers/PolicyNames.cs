using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// The value of a CORS policy name when the code fixes it at compile time: a constant, a local written once
/// from a constant (<c>var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";</c>, the template's idiom), or
/// a readonly field initialized with a string literal. Null for names only the running app knows.
/// </summary>
internal static class PolicyNames
{
    public static string? Constant(IOperation? operation)
    {
        operation = AspNetCoreCorsAnalyzer.Unwrap(operation);
        if (operation is null)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string value })
        {
            return value;
        }

        return operation switch
        {
            ILocalReferenceOperation local => WrittenOnceFromConstant(local),
            IFieldReferenceOperation { Field: { IsReadOnly: true } field } => LiteralInitializer(field),
            _ => null,
        };
    }

    private static string? WrittenOnceFromConstant(ILocalReferenceOperation reference)
    {
        var root = reference;
        IOperation top = root;
        while (top.Parent is { } parent)
        {
            top = parent;
        }

        string? initial = null;
        foreach (var operation in top.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    initial = (declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value)?.ConstantValue is { HasValue: true, Value: string s } ? s : null;
                    if (initial is null)
                    {
                        return null;
                    }

                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    return null;
                case IArgumentOperation { Parameter.RefKind: not RefKind.None, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local):
                    return null;
            }
        }

        return initial;
    }

    private static string? LiteralInitializer(IFieldSymbol field) =>
        field.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax())
            .OfType<VariableDeclaratorSyntax>()
            .Select(d => d.Initializer?.Value)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => l.Token.Value as string)
            .FirstOrDefault(v => v is not null);
}
