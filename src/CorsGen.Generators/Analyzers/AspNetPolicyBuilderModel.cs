using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>One <c>WithOrigins</c> entry as the builder stores it: a constant (lower-cased, as ASP.NET Core does), or a value read at run time.</summary>
internal sealed record BuilderOrigin(string? Constant, IOperation Source)
{
    public bool IsConstant => Constant is not null;
}

/// <summary>How the built policy decides an origin that <c>AllowAnyOrigin</c> does not cover (<c>CorsPolicy.IsOriginAllowed</c>).</summary>
internal enum OriginCheck
{
    /// <summary>The default: ordinal membership in the origin list.</summary>
    List,

    /// <summary><c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>: the list, then its <c>*.</c> patterns.</summary>
    WildcardSubdomains,

    /// <summary><c>SetIsOriginAllowed(predicate)</c>: the predicate alone; the list is not consulted.</summary>
    Predicate,
}

/// <summary>
/// ASP.NET Core's <c>CorsPolicyBuilder</c> replayed in call order, as <c>Build()</c> sees it (Microsoft.AspNetCore.Cors 8 to 11):
/// <c>AllowAnyOrigin</c>/<c>AllowAnyMethod</c>/<c>AllowAnyHeader</c> reset their list to <c>"*"</c> and <c>With...</c> appends,
/// so a list is "any" only when it is exactly <c>["*"]</c>; the last origin-check setter and the last credentials call win.
/// </summary>
/// <remarks>
/// The conversion fix's model. The policy-builder rules keep their own in-order model on the <c>rules</c> branch; the two are
/// meant to become one (see the report of issue 17).
/// </remarks>
internal sealed class AspNetPolicyBuilderModel
{
    public List<BuilderOrigin> Origins { get; } = new();

    public List<string> Methods { get; } = new();

    public List<string> Headers { get; } = new();

    public List<string> ExposedHeaders { get; } = new();

    public bool Credentials { get; private set; }

    public OriginCheck OriginCheck { get; private set; }

    /// <summary>The last <c>SetIsOriginAllowed</c> argument (the lambda or method reference).</summary>
    public IOperation? Predicate { get; private set; }

    /// <summary>The last <c>SetPreflightMaxAge</c> argument.</summary>
    public IOperation? MaxAge { get; private set; }

    /// <summary>The calls in order, for the messages.</summary>
    public List<IInvocationOperation> Calls { get; } = new();

    /// <summary><c>CorsPolicy.AllowAnyOrigin</c>: the list is exactly <c>["*"]</c>.</summary>
    public bool AnyOrigin => Origins.Count == 1 && Origins[0].Constant == "*";

    public bool AnyMethod => Methods.Count == 1 && Methods[0] == "*";

    public bool AnyHeader => Headers.Count == 1 && Headers[0] == "*";

    /// <summary>
    /// Replays the calls; returns the name of the first call it does not know (<c>null</c>: all known).
    /// A <c>params</c> argument that is not a literal list is kept as one run-time origin (origins) or refused (other lists).
    /// </summary>
    public string? Apply(IInvocationOperation call)
    {
        Calls.Add(call);
        switch (call.TargetMethod.Name)
        {
            case "AllowAnyOrigin":
                Origins.Clear();
                Origins.Add(new BuilderOrigin("*", call));
                return null;
            case "WithOrigins":
                foreach (var value in ParamsValues(call))
                {
                    // CorsPolicyBuilder.GetNormalizedOrigin lower-cases (and punycodes http(s) IDN hosts; non-ASCII is refused later).
                    Origins.Add(new BuilderOrigin(value.ConstantValue is { HasValue: true, Value: string s } ? s.ToLowerInvariant() : null, value));
                }

                return null;
            case "AllowAnyMethod":
                Methods.Clear();
                Methods.Add("*");
                return null;
            case "WithMethods":
                return AddConstants(call, Methods);
            case "AllowAnyHeader":
                Headers.Clear();
                Headers.Add("*");
                return null;
            case "WithHeaders":
                return AddConstants(call, Headers);
            case "WithExposedHeaders":
                return AddConstants(call, ExposedHeaders);
            case "AllowCredentials":
                Credentials = true;
                return null;
            case "DisallowCredentials":
                Credentials = false;
                return null;
            case "SetIsOriginAllowed" when call.Arguments.Length == 1:
                OriginCheck = OriginCheck.Predicate;
                Predicate = call.Arguments[0].Value;
                return null;
            case "SetIsOriginAllowedToAllowWildcardSubdomains":
                OriginCheck = OriginCheck.WildcardSubdomains;
                Predicate = null;
                return null;
            case "SetPreflightMaxAge" when call.Arguments.Length == 1:
                MaxAge = call.Arguments[0].Value;
                return null;
            default:
                return call.TargetMethod.Name + "(...)";
        }
    }

    private static string? AddConstants(IInvocationOperation call, List<string> list)
    {
        foreach (var value in ParamsValues(call))
        {
            if (value.ConstantValue is not { HasValue: true, Value: string s })
            {
                return call.TargetMethod.Name + "(...) with a value that is not a constant";
            }

            list.Add(s);
        }

        return null;
    }

    /// <summary>The elements of a <c>params string[]</c> argument: the expanded values, or the elements of an array or collection literal, else the argument itself.</summary>
    internal static IEnumerable<IOperation> ParamsValues(IInvocationOperation call) => call.Arguments.SelectMany(ArgumentValues);

    /// <summary>The values one argument holds: an array or collection literal's elements, else the argument's value.</summary>
    internal static IEnumerable<IOperation> ArgumentValues(IArgumentOperation argument)
    {
        var value = AspNetCoreCorsAnalyzer.Unwrap(argument.Value)!;
        return value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Select(e => AspNetCoreCorsAnalyzer.Unwrap(e)!),
            ICollectionExpressionOperation collection when collection.Elements.All(e => e is not ISpreadOperation) => collection.Elements.Select(e => AspNetCoreCorsAnalyzer.Unwrap(e)!),
            _ => new[] { value },
        };
    }

    /// <summary>
    /// The builder calls of a policy lambda (<c>p => p.A().B()</c> or <c>p => { p.A(); p.B().C(); }</c>) in execution order,
    /// or the reason the lambda is more than builder calls.
    /// </summary>
    public static (List<IInvocationOperation> Calls, string? Unsupported) CallsOf(IAnonymousFunctionOperation lambda, INamedTypeSymbol policyBuilder)
    {
        var calls = new List<IInvocationOperation>();
        var parameter = lambda.Symbol.Parameters.FirstOrDefault();
        foreach (var statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: null, IsImplicit: true })
            {
                continue;
            }

            var expression = statement switch
            {
                IExpressionStatementOperation e => e.Operation,
                IReturnOperation { ReturnedValue: { } returned } => returned,
                _ => null,
            };
            var chain = new List<IInvocationOperation>();
            var current = AspNetCoreCorsAnalyzer.Unwrap(expression);
            while (current is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, policyBuilder))
            {
                chain.Add(invocation);
                current = AspNetCoreCorsAnalyzer.Unwrap(invocation.Instance);
            }

            if (chain.Count == 0 || current is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return (calls, "the lambda does more than call the policy builder (" + Shorten(statement.Syntax.ToString()) + ")");
            }

            chain.Reverse();
            calls.AddRange(chain);
        }

        return (calls, null);
    }

    internal static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split(new[] { '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return oneLine.Length <= 60 ? oneLine : oneLine.Substring(0, 57) + "...";
    }
}
