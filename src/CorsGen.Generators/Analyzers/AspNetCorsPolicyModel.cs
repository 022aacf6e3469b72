using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>Where an ASP.NET Core CORS policy's builder comes from.</summary>
internal enum AspNetCorsPolicyKind
{
    /// <summary>The lambda of <c>CorsOptions.AddPolicy("name", policy =&gt; ...)</c>.</summary>
    AddPolicy,

    /// <summary>The lambda of <c>CorsOptions.AddDefaultPolicy(policy =&gt; ...)</c>.</summary>
    AddDefaultPolicy,

    /// <summary>The lambda of <c>app.UseCors(policy =&gt; ...)</c>.</summary>
    UseCors,

    /// <summary>The lambda of <c>endpoint.RequireCors(policy =&gt; ...)</c>.</summary>
    RequireCors,

    /// <summary>A builder the code creates (<c>new CorsPolicyBuilder()</c>) or receives from elsewhere.</summary>
    Builder,
}

/// <summary>How the policy decides whether an origin is allowed (<c>CorsPolicy.IsOriginAllowed</c>).</summary>
internal enum AspNetOriginPredicateKind
{
    /// <summary>ASP.NET Core's default: an ordinal lookup in <c>Origins</c>.</summary>
    ListLookup,

    /// <summary><c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>: the list, with <c>*.</c> patterns matching subdomains.</summary>
    WildcardSubdomains,

    /// <summary><c>SetIsOriginAllowed(predicate)</c>: the caller's predicate; the list is not read (unless it is exactly <c>*</c>).</summary>
    Custom,

    /// <summary>Set by code the model cannot see.</summary>
    Unknown,
}

/// <summary>One entry of a policy list (origins, headers, methods, exposed headers) and the expression it comes from.</summary>
/// <param name="Value">The entry, or null when it is not a compile-time constant (configuration, a variable, a spread array).</param>
/// <param name="Expression">The argument (or array element) that supplies it.</param>
internal sealed record AspNetCorsValue(string? Value, IOperation Expression)
{
    public bool IsConstant => Value is not null;

    public Location Location => Expression.Syntax.GetLocation();
}

/// <summary>
/// A policy list as <c>CorsPolicyBuilder</c> leaves it: <c>With*</c> appends, <c>AllowAny*</c> resets it to <c>["*"]</c>.
/// <see cref="Incomplete"/> says code the model cannot see may have added entries.
/// </summary>
internal sealed record AspNetCorsList(ImmutableList<AspNetCorsValue> Values, bool Incomplete)
{
    public static readonly AspNetCorsList Empty = new(ImmutableList<AspNetCorsValue>.Empty, false);

    public static readonly AspNetCorsList Unknown = new(ImmutableList<AspNetCorsValue>.Empty, true);

    /// <summary>ASP.NET Core's <c>AllowAny*</c> properties: the list is exactly <c>["*"]</c>.</summary>
    public bool IsAny => !Incomplete && Values.Count == 1 && Values[0].Value == "*";

    /// <summary>Whether every entry is a compile-time constant and nothing unseen was added.</summary>
    public bool IsConstant => !Incomplete && Values.All(v => v.IsConstant);

    public AspNetCorsList Append(IEnumerable<AspNetCorsValue> values) => this with { Values = Values.AddRange(values) };
}

/// <summary>
/// The policy one path through the configuring code leaves behind. Immutable: each builder call yields a new state.
/// </summary>
internal sealed record AspNetCorsPolicyState(
    AspNetCorsList Origins,
    AspNetOriginPredicateKind Predicate,
    IInvocationOperation? PredicateCall,
    bool? Credentials,
    IInvocationOperation? CredentialsCall,
    AspNetCorsList Headers,
    AspNetCorsList Methods,
    AspNetCorsList ExposedHeaders,
    IOperation? PreflightMaxAge,
    bool PreflightMaxAgeUnknown)
{
    /// <summary>A new <c>CorsPolicyBuilder()</c>: no origins, the list lookup, no credentials.</summary>
    public static readonly AspNetCorsPolicyState Fresh = new(
        AspNetCorsList.Empty, AspNetOriginPredicateKind.ListLookup, null, false, null, AspNetCorsList.Empty, AspNetCorsList.Empty, AspNetCorsList.Empty, null, false);

    /// <summary>A builder code the model cannot see may have configured.</summary>
    public static readonly AspNetCorsPolicyState Unknown = new(
        AspNetCorsList.Unknown, AspNetOriginPredicateKind.Unknown, null, null, null, AspNetCorsList.Unknown, AspNetCorsList.Unknown, AspNetCorsList.Unknown, null, true);

    /// <summary><c>CorsPolicy.AllowAnyOrigin</c>: the origin list is exactly <c>["*"]</c> (which wins over any predicate).</summary>
    public bool AllowsAnyOrigin => Origins.IsAny;

    /// <summary>Whether the policy reads <c>Origins</c> when it checks an origin (the list lookup or the wildcard-subdomain predicate).</summary>
    public bool ReadsOriginList => AllowsAnyOrigin || Predicate != AspNetOriginPredicateKind.Custom;

    /// <summary>The origin entries this state's check can match (empty when a custom predicate replaced the lookup).</summary>
    public IEnumerable<AspNetCorsValue> LiveOrigins => ReadsOriginList ? Origins.Values : Enumerable.Empty<AspNetCorsValue>();

    /// <summary>Whether this state allows no origin at all: the list is known and empty, and no predicate could allow one.</summary>
    public bool AllowsNoOrigin =>
        !Origins.Incomplete && Origins.Values.Count == 0
        && Predicate is AspNetOriginPredicateKind.ListLookup or AspNetOriginPredicateKind.WildcardSubdomains;

    /// <summary>Applies one <c>CorsPolicyBuilder</c> call as ASP.NET Core does (the calls' order matters; the last setter wins).</summary>
    public AspNetCorsPolicyState Apply(IInvocationOperation call)
    {
        switch (call.TargetMethod.Name)
        {
            case "WithOrigins":
                return this with { Origins = Origins.Append(AspNetCorsPolicyModel.Values(call)) };
            case "AllowAnyOrigin":
                return this with { Origins = AnyList(call) };
            case "SetIsOriginAllowed":
                return this with { Predicate = AspNetOriginPredicateKind.Custom, PredicateCall = call };
            case "SetIsOriginAllowedToAllowWildcardSubdomains":
                return this with { Predicate = AspNetOriginPredicateKind.WildcardSubdomains, PredicateCall = call };
            case "AllowCredentials":
                return this with { Credentials = true, CredentialsCall = call };
            case "DisallowCredentials":
                return this with { Credentials = false, CredentialsCall = call };
            case "WithHeaders":
                return this with { Headers = Headers.Append(AspNetCorsPolicyModel.Values(call)) };
            case "AllowAnyHeader":
                return this with { Headers = AnyList(call) };
            case "WithMethods":
                return this with { Methods = Methods.Append(AspNetCorsPolicyModel.Values(call)) };
            case "AllowAnyMethod":
                return this with { Methods = AnyList(call) };
            case "WithExposedHeaders":
                return this with { ExposedHeaders = ExposedHeaders.Append(AspNetCorsPolicyModel.Values(call)) };
            case "SetPreflightMaxAge":
                return this with { PreflightMaxAge = call.Arguments.Length == 1 ? call.Arguments[0].Value : null, PreflightMaxAgeUnknown = false };
            case "Build":
                return this;
            default:
                // A method a later ASP.NET Core adds: nothing is known any more.
                return Unknown;
        }
    }

    private static AspNetCorsList AnyList(IInvocationOperation call) =>
        new(ImmutableList.Create(new AspNetCorsValue("*", call)), false);
}

/// <summary>
/// One ASP.NET Core CORS policy as ASP.NET Core builds it: the <c>CorsPolicyBuilder</c> calls of an
/// <c>AddPolicy</c>/<c>AddDefaultPolicy</c>/<c>UseCors</c>/<c>RequireCors</c> lambda or a builder chain,
/// evaluated in order along every path through <c>if</c>/<c>switch</c>/loops (<see cref="EndStates"/>).
/// <c>AllowAnyOrigin()</c> resets the origin list to <c>["*"]</c>, <c>WithOrigins</c> appends, the last
/// predicate setter and the last credentials call win. Reused by the rules of <see cref="AspNetCoreCorsAnalyzer"/>
/// and by fixes that rewrite a policy.
/// </summary>
internal sealed class AspNetCorsPolicyModel
{
    // Paths beyond this are folded into one unknown state rather than enumerated.
    private const int MaxStates = 32;

    private AspNetCorsPolicyModel(
        AspNetCorsPolicyKind kind, IInvocationOperation? registration, string? name, ImmutableArray<IInvocationOperation> calls, ImmutableArray<AspNetCorsPolicyState> endStates, bool escapes)
    {
        Kind = kind;
        Registration = registration;
        Name = name;
        Calls = calls;
        EndStates = endStates;
        Escapes = escapes;
    }

    public AspNetCorsPolicyKind Kind { get; }

    /// <summary>The <c>AddPolicy</c>/<c>AddDefaultPolicy</c>/<c>UseCors</c>/<c>RequireCors</c> call that receives the lambda, if any.</summary>
    public IInvocationOperation? Registration { get; }

    /// <summary>The policy name of <c>AddPolicy</c> when it is a compile-time constant.</summary>
    public string? Name { get; }

    /// <summary>Every <c>CorsPolicyBuilder</c> call on this builder, in source order.</summary>
    public ImmutableArray<IInvocationOperation> Calls { get; }

    /// <summary>The policy each path through the configuring code leaves behind (one when the code has no branches).</summary>
    public ImmutableArray<AspNetCorsPolicyState> EndStates { get; }

    /// <summary>Whether the builder is passed to or stored by code the model cannot see.</summary>
    public bool Escapes { get; }

    /// <summary>
    /// Whether the model knows the policy exactly: one path, the builder never escapes, every list entry a
    /// compile-time constant and no unknown setting. What a rewrite may rely on without changing behaviour.
    /// </summary>
    public bool IsStraightLine =>
        !Escapes
        && EndStates.Length == 1
        && EndStates[0] is var s
        && !s.Origins.Incomplete && !s.Headers.Incomplete && !s.Methods.Incomplete && !s.ExposedHeaders.Incomplete
        && s.Predicate != AspNetOriginPredicateKind.Unknown && s.Credentials is not null && !s.PreflightMaxAgeUnknown;

    /// <summary>Whether a <c>WithOrigins</c> entry can take part in some end state's origin check (not cleared by a later <c>AllowAnyOrigin()</c> nor replaced by a later predicate).</summary>
    public bool IsLive(AspNetCorsValue origin) =>
        EndStates.Any(s => s.Predicate == AspNetOriginPredicateKind.Unknown || s.LiveOrigins.Contains(origin));

    /// <summary>Every <c>WithOrigins</c> entry of <see cref="Calls"/>, live or dead, in source order.</summary>
    public IEnumerable<AspNetCorsValue> OriginEntries => Calls.Where(c => c.TargetMethod.Name == "WithOrigins").SelectMany(Values);

    /// <summary>Groups <paramref name="builderCalls"/> (the <c>CorsPolicyBuilder</c> calls of one operation block) by builder and evaluates each.</summary>
    public static ImmutableArray<AspNetCorsPolicyModel> Build(IEnumerable<IInvocationOperation> builderCalls, INamedTypeSymbol builderType)
    {
        var models = ImmutableArray.CreateBuilder<AspNetCorsPolicyModel>();
        foreach (var group in builderCalls.GroupBy(c => Root(c.Instance, builderType)))
        {
            if (group.Key is not null)
            {
                models.Add(Evaluate(group.Key, group.OrderBy(c => c.Syntax.SpanStart).ToImmutableArray(), builderType));
            }
        }

        return models.ToImmutable();
    }

    /// <summary>The entries a <c>WithOrigins</c>/<c>WithHeaders</c>/<c>WithMethods</c>/<c>WithExposedHeaders</c> call appends (a null value for each non-constant).</summary>
    public static IEnumerable<AspNetCorsValue> Values(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            foreach (var value in ArgumentValues(argument))
            {
                yield return value;
            }
        }
    }

    /// <summary>The strings one argument supplies: the elements of a (params) array or collection expression, or the value itself.</summary>
    internal static IEnumerable<AspNetCorsValue> ArgumentValues(IArgumentOperation argument)
    {
        IEnumerable<IOperation> elements = argument.Value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            // WithOrigins(origins): entries only the running app knows.
            _ => [argument.Value],
        };
        foreach (var element in elements)
        {
            yield return new AspNetCorsValue(AspNetCoreCorsAnalyzer.Unwrap(element)?.ConstantValue is { HasValue: true, Value: string s } ? s : null, element);
        }
    }

    /// <summary>The builder a fluent chain starts from: a parameter, local, field or the <c>new CorsPolicyBuilder()</c> syntax.</summary>
    public static object? Root(IOperation? operation, INamedTypeSymbol builderType)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IInvocationOperation { Instance: { } instance } invocation when SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, builderType):
                    operation = instance;
                    continue;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case ILocalReferenceOperation local:
                    return local.Local;
                case IFieldReferenceOperation field:
                    return field.Field;
                case IPropertyReferenceOperation property:
                    return property.Property;
                case IObjectCreationOperation creation:
                    return creation.Syntax;
                default:
                    return null;
            }
        }
    }

    private static AspNetCorsPolicyModel Evaluate(object root, ImmutableArray<IInvocationOperation> calls, INamedTypeSymbol builderType)
    {
        var first = calls[0];
        var kind = AspNetCorsPolicyKind.Builder;
        IInvocationOperation? registration = null;
        string? name = null;
        IOperation scope;
        var start = AspNetCorsPolicyState.Unknown;

        switch (root)
        {
            case IParameterSymbol parameter when Enclosing(first, parameter) is { } lambda:
                scope = lambda.Body;
                (kind, registration, name) = RegistrationOf(lambda);
                if (kind != AspNetCorsPolicyKind.Builder)
                {
                    start = AspNetCorsPolicyState.Fresh; // ASP.NET Core passes a new CorsPolicyBuilder.
                }

                break;
            case ILocalSymbol local:
                scope = DeclaringBlock(first, local) ?? Top(first);
                break;
            case SyntaxNode:
                scope = Outermost(calls[calls.Length - 1], builderType);
                break;
            default:
                scope = Top(first);
                break;
        }

        var interpreter = new Interpreter(root, builderType);
        var running = interpreter.Exec(scope, [start]);
        var end = running.Concat(interpreter.Returned).ToImmutableArray();
        if (end.IsEmpty)
        {
            end = [AspNetCorsPolicyState.Unknown]; // Every path throws: nothing to say.
        }

        return new AspNetCorsPolicyModel(kind, registration, name, calls, end, interpreter.Escapes);
    }

    private static IAnonymousFunctionOperation? Enclosing(IOperation operation, IParameterSymbol parameter)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
            {
                return lambda;
            }
        }

        return null;
    }

    private static (AspNetCorsPolicyKind Kind, IInvocationOperation? Registration, string? Name) RegistrationOf(IAnonymousFunctionOperation lambda)
    {
        IOperation? current = lambda.Parent;
        while (current is IDelegateCreationOperation or IConversionOperation)
        {
            current = current.Parent;
        }

        if (current is not IArgumentOperation { Parent: IInvocationOperation invocation })
        {
            return (AspNetCorsPolicyKind.Builder, null, null);
        }

        var method = invocation.TargetMethod;
        var type = method.ContainingType?.ToDisplayString();
        return (type, method.Name) switch
        {
            ("Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions", "AddPolicy") => (AspNetCorsPolicyKind.AddPolicy, invocation, ConstantArgument(invocation, "name")),
            ("Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions", "AddDefaultPolicy") => (AspNetCorsPolicyKind.AddDefaultPolicy, invocation, null),
            ("Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions", "UseCors") => (AspNetCorsPolicyKind.UseCors, invocation, null),
            ("Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions", "RequireCors") => (AspNetCorsPolicyKind.RequireCors, invocation, null),
            _ => (AspNetCorsPolicyKind.Builder, null, null),
        };
    }

    /// <summary>The constant string passed for <paramref name="parameterName"/>, if any.</summary>
    public static string? ConstantArgument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.Value.ConstantValue is { HasValue: true, Value: string value })
            {
                return value;
            }
        }

        return null;
    }

    private static IOperation? DeclaringBlock(IOperation operation, ILocalSymbol local)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IBlockOperation block && block.Locals.Contains(local, SymbolEqualityComparer.Default))
            {
                return block;
            }
        }

        return null;
    }

    private static IOperation Top(IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }

    // new CorsPolicyBuilder().A().B(): the last call of the chain.
    private static IOperation Outermost(IInvocationOperation call, INamedTypeSymbol builderType)
    {
        IOperation current = call;
        while (current.Parent is IInvocationOperation outer && outer.Instance == current && SymbolEqualityComparer.Default.Equals(outer.TargetMethod.ContainingType, builderType))
        {
            current = outer;
        }

        return current;
    }

    /// <summary>Walks the configuring code in evaluation order, keeping one state per path.</summary>
    private sealed class Interpreter(object root, INamedTypeSymbol builderType)
    {
        public List<AspNetCorsPolicyState> Returned { get; } = [];

        public bool Escapes { get; private set; }

        public List<AspNetCorsPolicyState> Exec(IOperation? operation, List<AspNetCorsPolicyState> states)
        {
            if (operation is null || states.Count == 0)
            {
                return states;
            }

            if (states.Count > MaxStates)
            {
                states = [AspNetCorsPolicyState.Unknown];
            }

            switch (operation)
            {
                case IInvocationOperation invocation when IsBuilderCall(invocation):
                {
                    var after = Exec(invocation.Instance, states);
                    foreach (var argument in invocation.Arguments)
                    {
                        after = Exec(argument.Value, after);
                    }

                    after = after.Select(s => s.Apply(invocation)).ToList();
                    return IsEscape(invocation) ? Escape() : after;
                }

                case IObjectCreationOperation creation when Equals(creation.Syntax, root):
                    return [New(creation)];

                case IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation when IsRoot(operation):
                    return IsEscape(operation) ? Escape() : states;

                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, root as ISymbol):
                {
                    var initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                    Exec(initializer, states);
                    return [Start(initializer)];
                }

                case ISimpleAssignmentOperation assignment when IsRoot(assignment.Target):
                {
                    Exec(assignment.Value, states);
                    return [Start(assignment.Value)];
                }

                case IConditionalOperation conditional:
                {
                    var tested = Exec(conditional.Condition, states);
                    var whenTrue = Exec(conditional.WhenTrue, tested);
                    var whenFalse = conditional.WhenFalse is null ? tested : Exec(conditional.WhenFalse, tested);
                    return Union(whenTrue, whenFalse);
                }

                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical:
                {
                    var left = Exec(logical.LeftOperand, states);
                    return Union(left, Exec(logical.RightOperand, left));
                }

                case ICoalesceOperation coalesce:
                {
                    var left = Exec(coalesce.Value, states);
                    return Union(left, Exec(coalesce.WhenNull, left));
                }

                case ILoopOperation loop:
                    // Zero or one iteration: what one more iteration adds is the same kind of state.
                    return Union(states, Children(loop, states));

                case ISwitchOperation @switch:
                {
                    var value = Exec(@switch.Value, states);
                    var result = new List<AspNetCorsPolicyState>();
                    var hasDefault = false;
                    foreach (var section in @switch.Cases)
                    {
                        hasDefault |= section.Clauses.Any(c => c.CaseKind == CaseKind.Default);
                        result = Union(result, Children(section, value));
                    }

                    return hasDefault ? result : Union(result, value);
                }

                case ISwitchExpressionOperation switchExpression:
                {
                    var value = Exec(switchExpression.Value, states);
                    var result = new List<AspNetCorsPolicyState>();
                    foreach (var arm in switchExpression.Arms)
                    {
                        result = Union(result, Exec(arm.Value, Exec(arm.Guard, value)));
                    }

                    return result;
                }

                case ITryOperation @try:
                {
                    var body = Exec(@try.Body, states);
                    var caught = new List<AspNetCorsPolicyState>();
                    foreach (var handler in @try.Catches)
                    {
                        caught = Union(caught, Exec(handler.Handler, Union(states, body)));
                    }

                    return Exec(@try.Finally, Union(body, caught));
                }

                case IReturnOperation @return:
                {
                    var after = Exec(@return.ReturnedValue, states);
                    if (@return.IsImplicit && @return.ReturnedValue is null)
                    {
                        return after; // The end of a block-bodied lambda or method: the caller collects the running states.
                    }

                    Returned.AddRange(after);
                    return [];
                }

                case IThrowOperation @throw:
                    Exec(@throw.Exception, states);
                    return []; // No policy is built on that path.

                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    // Nested code runs later, or never: its calls may or may not have happened.
                    return Mentions(operation) ? Union(states, Children(operation, states)) : states;

                default:
                    return Children(operation, states);
            }
        }

        private List<AspNetCorsPolicyState> Children(IOperation operation, List<AspNetCorsPolicyState> states)
        {
            foreach (var child in operation.ChildOperations)
            {
                states = Exec(child, states);
            }

            return states;
        }

        // var builder = new CorsPolicyBuilder(...) starts afresh; builder = Other() starts from what the model cannot see.
        private AspNetCorsPolicyState Start(IOperation? value) =>
            AspNetCoreCorsAnalyzer.Unwrap(value) is IObjectCreationOperation creation && SymbolEqualityComparer.Default.Equals(creation.Type, builderType)
                ? New(creation)
                : AspNetCorsPolicyState.Unknown;

        private static AspNetCorsPolicyState New(IObjectCreationOperation creation)
        {
            var state = AspNetCorsPolicyState.Fresh;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Type is IArrayTypeSymbol)
                {
                    // new CorsPolicyBuilder("https://a.example", ...) is WithOrigins(...).
                    state = state with { Origins = state.Origins.Append(ArgumentValues(argument)) };
                }
                else
                {
                    return AspNetCorsPolicyState.Unknown; // new CorsPolicyBuilder(existingPolicy)
                }
            }

            return state;
        }

        private bool IsBuilderCall(IInvocationOperation invocation) =>
            SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, builderType)
            && Equals(Root(invocation.Instance, builderType), root);

        private bool IsRoot(IOperation operation) => Equals(Root(operation, builderType), root) && operation is not IInvocationOperation;

        private bool Mentions(IOperation operation) =>
            operation.Descendants().Any(d => d is IParameterReferenceOperation or ILocalReferenceOperation or IFieldReferenceOperation && IsRoot(d));

        // The builder passed to a method, stored, captured in a tuple: other code may configure it further.
        private bool IsEscape(IOperation operation)
        {
            if (!SymbolEqualityComparer.Default.Equals(operation.Type, builderType))
            {
                return false; // Build()'s CorsPolicy, or a call that returns something else.
            }

            var parent = operation.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = parent;
                parent = parent.Parent;
            }

            return parent switch
            {
                IArgumentOperation => true,
                ISimpleAssignmentOperation assignment => assignment.Value == operation,
                IVariableInitializerOperation => true,
                ITupleOperation or IArrayInitializerOperation or IAnonymousObjectCreationOperation => true,
                _ => false,
            };
        }

        private List<AspNetCorsPolicyState> Escape()
        {
            Escapes = true;
            return [AspNetCorsPolicyState.Unknown];
        }

        private static List<AspNetCorsPolicyState> Union(List<AspNetCorsPolicyState> a, List<AspNetCorsPolicyState> b)
        {
            if (ReferenceEquals(a, b))
            {
                return a;
            }

            var result = new List<AspNetCorsPolicyState>(a);
            foreach (var state in b)
            {
                if (!result.Contains(state))
                {
                    result.Add(state);
                }
            }

            return result;
        }
    }
}
