using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>The CorsGen form of one ASP.NET Core policy: the <c>[CorsPolicy]</c> class to write.</summary>
internal sealed class PolicyTranslation
{
    public PolicyTranslation(PolicyRegistration registration, string className, List<string> attributes, string? predicateMethod)
    {
        Registration = registration;
        ClassName = className;
        Attributes = attributes;
        PredicateMethod = predicateMethod;
    }

    public PolicyRegistration Registration { get; }

    public string ClassName { get; }

    /// <summary>The attribute lines after <c>[CorsPolicy]</c>, e.g. <c>[AllowOrigins("https://app.example")]</c>.</summary>
    public List<string> Attributes { get; }

    /// <summary>The predicate method's declaration (one member, unindented), when the policy had <c>SetIsOriginAllowed(lambda)</c>.</summary>
    public string? PredicateMethod { get; }

    /// <summary>The class declaration, each line indented by <paramref name="indent"/>, ending in a line break.</summary>
    public string ClassText(string indent, string newLine)
    {
        var text = new StringBuilder();
        void Line(string line) => text.Append(line.Length == 0 ? "" : indent + line).Append(newLine);
        Line("[CorsPolicy]");
        foreach (var attribute in Attributes)
        {
            Line(attribute);
        }

        Line($"internal static partial class {ClassName}");
        Line("{");
        if (PredicateMethod is not null)
        {
            foreach (var line in PredicateMethod.Split('\n'))
            {
                Line("    " + line.TrimEnd('\r'));
            }
        }

        Line("}");
        return text.ToString();
    }
}

/// <summary>What the conversion does with one registration: its class and the registrations converted with it, or why it cannot.</summary>
internal sealed class ConversionVerdict
{
    public ConversionVerdict(PolicyRegistration registration) => Registration = registration;

    public PolicyRegistration Registration { get; }

    public PolicyTranslation? Translation { get; set; }

    public string? Reason { get; set; }

    /// <summary>The registrations that must be converted together (itself included): all of them when one is app-wide.</summary>
    public List<PolicyRegistration> Group { get; } = new();

    public bool CanConvert => Reason is null && Translation is not null;
}

/// <summary>
/// Decides which ASP.NET Core policies CorsGen can take over without changing an answer, and writes their CorsGen form.
/// The analyzer reports its verdicts (CORSGEN042/043); the code fix applies the same verdicts, so the two never disagree.
/// </summary>
internal static class PolicyConversion
{
    public static Dictionary<PolicyRegistration, ConversionVerdict> Evaluate(AspNetCorsSetup setup, Compilation compilation)
    {
        var verdicts = setup.Registrations.ToDictionary(r => r, r => new ConversionVerdict(r));
        var takenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var verdict in verdicts.Values)
        {
            verdict.Reason = FirstReason(setup, verdict.Registration);
            if (verdict.Reason is null)
            {
                var (translation, reason) = Translate(verdict.Registration, setup.Types, compilation, takenNames);
                verdict.Translation = translation;
                verdict.Reason = reason;
            }
        }

        var useCorsDefault = setup.Uses.Any(u => u.Kind == PolicyUseKind.UseCorsDefault);
        var appWide = setup.Uses.Any(u => u.Kind == PolicyUseKind.UseCorsNamed)
            || (useCorsDefault && setup.Registrations.Any(r => r.IsDefault));
        if (!appWide)
        {
            foreach (var verdict in verdicts.Values)
            {
                verdict.Group.Add(verdict.Registration);
            }

            return verdicts;
        }

        // An app-wide ASP.NET Core policy would answer the routes of a converted policy too, and an app-wide
        // CorsGen policy those of an ASP.NET Core one: all applied policies move together, or none.
        var applied = verdicts.Values.Where(v => Uses(setup, v.Registration).Any() || setup.PolicyBlockers.ContainsKey(v.Registration.Name ?? "")).ToList();
        var blocking = applied.FirstOrDefault(v => !v.CanConvert);
        var inline = setup.InlineMetadata.FirstOrDefault();
        foreach (var verdict in applied)
        {
            verdict.Group.AddRange(applied.Select(v => v.Registration));
            if (!verdict.CanConvert)
            {
                continue;
            }

            if (blocking is not null)
            {
                verdict.Reason = $"an app-wide policy (UseCors) is in use, so every policy must be converted together, and the policy {blocking.Registration.Display} cannot: {blocking.Reason}";
            }
            else if (inline is not null)
            {
                verdict.Reason = $"'{AspNetCorsSetup.Shorten(inline.ToString())}' at {AspNetCorsSetup.Line(inline)} keeps ASP.NET Core's middleware, which would answer next to the app-wide CorsGen policy; register that policy by name first";
            }
        }

        foreach (var verdict in verdicts.Values.Where(v => v.Group.Count == 0))
        {
            verdict.Group.Add(verdict.Registration);
        }

        return verdicts;
    }

    /// <summary>The places that apply <paramref name="registration"/>.</summary>
    public static IEnumerable<PolicyUse> Uses(AspNetCorsSetup setup, PolicyRegistration registration) =>
        setup.Uses.Where(u => u.Name == registration.Name
            && (registration.IsDefault ? u.Kind is PolicyUseKind.UseCorsDefault or PolicyUseKind.EnableCorsOnLambda : u.Kind != PolicyUseKind.UseCorsDefault));

    private static string? FirstReason(AspNetCorsSetup setup, PolicyRegistration registration)
    {
        if (setup.Types.CorsPolicyAttribute is null)
        {
            return "the project does not reference CorsGen";
        }

        if (setup.Blockers.FirstOrDefault() is { } blocker)
        {
            return blocker;
        }

        if (setup.InlineGlobalPolicies.FirstOrDefault() is { } inline)
        {
            return $"'{AspNetCorsSetup.Shorten(inline.ToString())}' at {AspNetCorsSetup.Line(inline)} applies an inline app-wide policy; register it with AddDefaultPolicy first";
        }

        if (setup.PolicyBlockers.TryGetValue(registration.Name ?? "", out var reasons))
        {
            return reasons[0];
        }

        if (setup.Registrations.Count(r => r.Name == registration.Name) > 1)
        {
            return "it is registered more than once (the last registration wins); keep one";
        }

        if (registration.Lambda is null)
        {
            return "it is registered as a built CorsPolicy object; only policy-builder lambdas are converted";
        }

        var useCorsCalls = setup.Uses.Count(u => u.Kind is PolicyUseKind.UseCorsDefault or PolicyUseKind.UseCorsNamed);
        if (useCorsCalls > 1)
        {
            return $"UseCors is called {useCorsCalls} times";
        }

        var uses = Uses(setup, registration).ToList();
        if (uses.Count == 0)
        {
            return registration.IsDefault
                ? "no UseCors() or [EnableCors] applies it"
                : "no RequireCors, [EnableCors] or UseCors names it, so it is never applied";
        }

        if (useCorsCalls == 0)
        {
            return "no UseCors() runs, so the endpoints that name it fail with 500 today (CORSGEN015); a conversion would change that";
        }

        foreach (var use in uses)
        {
            if (use.Kind == PolicyUseKind.RequireCors && RouteTarget((IInvocationOperation)use.Operation!, setup.Types) is null)
            {
                return $"'{AspNetCorsSetup.Shorten(use.Syntax.ToString())}' at {AspNetCorsSetup.Line(use.Syntax)} is not on a Map...() or MapGroup() call";
            }
        }

        // Routes of one policy mapped on one receiver in one block share a WithCors group (SharedGroup); any other
        // two converted routes at one pattern would each bring a preflight endpoint for it, making its preflights ambiguous.
        var routeUses = setup.Uses.Where(u => RoutePattern(u, setup.Types) is not null).ToList();
        foreach (var use in uses.Where(u => RoutePattern(u, setup.Types) is not null))
        {
            var pattern = RoutePattern(use, setup.Types);
            var group = SharedGroup(use, setup.Types);
            if (routeUses.Any(other => other != use && RoutePattern(other, setup.Types) == pattern && (group is null || SharedGroup(other, setup.Types) != group)))
            {
                return $"another route at '{pattern}' applies CORS on its own; map the routes of one policy on one group first (var items = app.MapGroup(\"\").RequireCors(\"name\");)";
            }
        }

        return null;
    }

    /// <summary>
    /// The route-level use's Map call (<c>app.MapGet(...)</c> under <c>.RequireCors("name")</c>, or the call whose lambda has
    /// <c>[EnableCors("name")]</c>); null for groups and middleware.
    /// </summary>
    public static IInvocationOperation? RouteMap(PolicyUse use, AspNetCorsTypes types) => use.Kind switch
    {
        PolicyUseKind.RequireCors => RouteTarget((IInvocationOperation)use.Operation!, types) is { IsGroup: false } target ? target.Target : null,
        PolicyUseKind.EnableCorsOnLambda => (IInvocationOperation)use.Operation!,
        _ => null,
    };

    /// <summary>
    /// Where routes of one policy share a <c>WithCors</c> group: the policy, the statement list holding the Map call and the
    /// receiver it is mapped on (a local, parameter or field written by name); null when the receiver is anything else.
    /// </summary>
    public static string? SharedGroup(PolicyUse use, AspNetCorsTypes types)
    {
        if (RouteMap(use, types) is not { } map || map.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver } } syntax)
        {
            return null;
        }

        var statement = syntax.FirstAncestorOrSelf<StatementSyntax>();
        var list = statement?.Parent;
        return list is BlockSyntax or GlobalStatementSyntax && statement!.Parent is not null
            ? $"{use.Name}|{(list is GlobalStatementSyntax ? -1 : list.SpanStart)}|{receiver.Identifier.ValueText}"
            : null;
    }

    // The pattern of a route-level use (RequireCors on a Map call, [EnableCors] on its lambda); null for groups and middleware.
    private static string? RoutePattern(PolicyUse use, AspNetCorsTypes types)
    {
        var map = RouteMap(use, types);
        return map is null ? null : AspNetCorsSetup.Argument(map, 0)?.ConstantValue.Value as string ?? "(a pattern that is not a constant)";
    }

    /// <summary>
    /// Where <c>WithCors</c> goes for a <c>RequireCors</c> call: the call itself when it is on a route group
    /// (<c>IsGroup</c>), else the <c>Map...()</c> call at the root of its chain, whose receiver gets wrapped.
    /// </summary>
    public static (IInvocationOperation Target, bool IsGroup)? RouteTarget(IInvocationOperation requireCors, AspNetCorsTypes types)
    {
        var receiver = AspNetCorsSetup.Receiver(requireCors);
        if (receiver is not null && AspNetCorsSetup.Is(receiver.Type, types.RouteGroupBuilder))
        {
            return (requireCors, true);
        }

        var current = receiver;
        while (current is IInvocationOperation invocation)
        {
            if (types.IsEndpointRouteBuilderExtension(invocation.TargetMethod))
            {
                return invocation.TargetMethod.Name == "MapGroup" ? null : (invocation, false);
            }

            current = AspNetCorsSetup.Receiver(invocation);
        }

        return null;
    }

    private static readonly HashSet<string> KnownCalls = new(StringComparer.Ordinal)
    {
        "WithOrigins", "AllowAnyOrigin", "SetIsOriginAllowed", "SetIsOriginAllowedToAllowWildcardSubdomains", "AllowCredentials", "DisallowCredentials",
        "WithHeaders", "AllowAnyHeader", "WithMethods", "AllowAnyMethod", "WithExposedHeaders", "SetPreflightMaxAge",
    };

    private static (PolicyTranslation?, string?) Translate(PolicyRegistration registration, AspNetCorsTypes types, Compilation compilation, HashSet<string> takenNames)
    {
        var lambda = registration.Lambda!;
        if (OnlyBuilderCalls(lambda, types.PolicyBuilder) is { } unsupported)
        {
            return (null, unsupported);
        }

        var calls = lambda.Body.Descendants().OfType<IInvocationOperation>()
            .Where(c => SymbolEqualityComparer.Default.Equals(c.TargetMethod.ContainingType, types.PolicyBuilder))
            .ToList();
        if (calls.FirstOrDefault(c => !KnownCalls.Contains(c.TargetMethod.Name)) is { } unknown)
        {
            return (null, $"CorsGen has no form for {unknown.TargetMethod.Name}(...)");
        }

        var policy = AspNetCorsPolicyModel.Build(calls, types.PolicyBuilder).FirstOrDefault(m => m.Registration?.Syntax == registration.Call.Syntax);
        if (policy is null || !policy.IsStraightLine)
        {
            return (null, "the policy builder is configured in a way the conversion cannot follow");
        }

        var state = policy.EndStates[0];
        var attributes = new List<string>();
        string? predicate = null;
        var reason = Origins(state, types, attributes, ref predicate)
            ?? Methods(state, attributes)
            ?? Headers(state, attributes)
            ?? MaxAge(state, attributes);
        if (reason is not null)
        {
            return (null, reason);
        }

        var className = ClassName(registration.Name, compilation, takenNames);
        return (new PolicyTranslation(registration, className, attributes, predicate), null);
    }

    /// <summary>Null when the lambda is builder calls only (<c>p => p.A().B()</c>, <c>p => { p.A(); p.B().C(); }</c>), else why not: the conversion drops the lambda.</summary>
    private static string? OnlyBuilderCalls(IAnonymousFunctionOperation lambda, INamedTypeSymbol policyBuilder)
    {
        var parameter = lambda.Symbol.Parameters.FirstOrDefault();
        foreach (var statement in lambda.Body.Operations)
        {
            if (statement is IReturnOperation { ReturnedValue: null, IsImplicit: true })
            {
                continue;
            }

            var current = AspNetCoreCorsAnalyzer.Unwrap(statement is IExpressionStatementOperation e ? e.Operation : null);
            var length = 0;
            while (current is IInvocationOperation invocation && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, policyBuilder)
                && invocation.Arguments.All(a => !a.Value.Descendants().Any(d => d is IInvocationOperation i && SymbolEqualityComparer.Default.Equals(i.TargetMethod.ContainingType, policyBuilder))))
            {
                length++;
                current = AspNetCoreCorsAnalyzer.Unwrap(invocation.Instance);
            }

            if (length == 0 || current is not IParameterReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter))
            {
                return "the lambda does more than call the policy builder (" + AspNetCorsSetup.Shorten(statement.Syntax.ToString()) + ")";
            }
        }

        return null;
    }

    private static string? Origins(AspNetCorsPolicyState state, AspNetCorsTypes types, List<string> attributes, ref string? predicate)
    {
        var credentials = state.Credentials == true;
        if (state.AllowsAnyOrigin)
        {
            if (credentials)
            {
                return "AllowAnyOrigin() with AllowCredentials() throws when the policy is used (CORSGEN012); fix that first";
            }

            attributes.Add("[AllowOrigins(\"*\")]");
            return null;
        }

        if (state.Predicate == AspNetOriginPredicateKind.Custom)
        {
            // CorsPolicy.IsOriginAllowed is the predicate alone: the list is not consulted.
            var argument = state.PredicateCall!.Arguments[0].Value;
            if (credentials && AspNetCoreCorsAnalyzer.AlwaysReturnsTrue(argument))
            {
                return "SetIsOriginAllowed(_ => true) with AllowCredentials() lets every site read authenticated responses (CORSGEN013); fix that first";
            }

            return Predicate(argument, attributes, ref predicate) ?? Credentials(credentials, attributes);
        }

        var wildcard = state.Predicate == AspNetOriginPredicateKind.WildcardSubdomains;
        var exact = new List<string>();
        string? configurationKey = null;
        foreach (var origin in state.Origins.Values)
        {
            if (origin.Value is not { } written)
            {
                var (key, why) = ConfigurationKey(origin.Expression, types);
                if (key is null)
                {
                    return why;
                }

                if (configurationKey is not null && configurationKey != key)
                {
                    return $"its origins come from two configuration keys ('{configurationKey}', '{key}'); CorsGen reads one";
                }

                configurationKey = key;
                continue;
            }

            // CorsPolicyBuilder.GetNormalizedOrigin lower-cases (and punycodes http(s) IDN hosts, refused below).
            var value = written.ToLowerInvariant();
            if (value == "*")
            {
                return "AllowAnyOrigin() is undone by the WithOrigins(...) after it, which leaves a '*' entry that matches nothing; remove AllowAnyOrigin() first";
            }

            if (value.Any(c => c > 0x7E))
            {
                return $"'{written}' is not ASCII; write its host in punycode (xn--) first";
            }

            if (AspNetCoreCorsAnalyzer.AspNetOriginError(value, wildcard) is { } error)
            {
                return $"the WithOrigins entry '{written}' never matches ({error}, CORSGEN014); fix or remove it first";
            }

            if (value == "null")
            {
                return "WithOrigins(\"null\") trusts every sandboxed or file: document, which CorsGen warns about (CORSGEN004); remove it first";
            }

            if (!exact.Contains(value))
            {
                exact.Add(value);
            }
        }

        if (credentials && exact.Any(o => o.StartsWith("https://", StringComparison.Ordinal))
            && exact.FirstOrDefault(o => o.StartsWith("http://", StringComparison.Ordinal) && !CorsGenerator.Parser.IsLoopback(o)) is { } insecure)
        {
            return $"'{insecure}' is plain HTTP next to HTTPS origins with credentials, which CorsGen warns about (CORSGEN021); remove it first";
        }

        if (exact.Count == 0 && configurationKey is null)
        {
            return "it allows no origin";
        }

        if (exact.Count > 0)
        {
            attributes.Add($"[AllowOrigins({Literals(exact)})]");
        }

        if (configurationKey is not null)
        {
            attributes.Add($"[AllowOriginsFromConfiguration({Literal(configurationKey)})]");
        }

        return Credentials(credentials, attributes);
    }

    private static string? Credentials(bool credentials, List<string> attributes)
    {
        if (credentials)
        {
            attributes.Add("[AllowCredentials]");
        }

        return null;
    }

    /// <summary>
    /// The configuration key origins come from: <c>config.GetSection("K").Get&lt;string[]&gt;()</c> (also <c>List&lt;string&gt;</c>,
    /// <c>?? []</c>, <c>.ToArray()</c>) or <c>config["K"].Split(',')</c>, directly or through a local assigned once.
    /// </summary>
    private static (string? Key, string? Reason) ConfigurationKey(IOperation source, AspNetCorsTypes types)
    {
        var refused = (default(string), $"its origins come from '{AspNetCorsSetup.Shorten(source.Syntax.ToString())}', which is neither a constant nor a configuration key CorsGen can read ([AllowOriginsFromConfiguration]); use one of those first");
        var value = AspNetCoreCorsAnalyzer.Unwrap(source);
        for (var depth = 0; depth < 8 && value is not null; depth++)
        {
            switch (value)
            {
                case ICoalesceOperation coalesce when IsEmptyList(coalesce.WhenNull):
                    value = AspNetCoreCorsAnalyzer.Unwrap(coalesce.Value);
                    continue;
                case ICoalesceOperation:
                    return (null, $"its origins fall back to a fixed list ('{AspNetCorsSetup.Shorten(value.Syntax.ToString())}'); CorsGen adds configured origins to [AllowOrigins], it has no fallback");
                case IConditionalAccessOperation { WhenNotNull: IInvocationOperation { TargetMethod.Name: "Split", Instance: IConditionalAccessInstanceOperation } split } conditional
                    when SplitsOnListSeparators(split) && ConfiguredString(conditional.Operation, types) is { } conditionalKey:
                    return (conditionalKey, null);
                case ILocalReferenceOperation local when SingleAssignment(local) is { } initializer:
                    value = AspNetCoreCorsAnalyzer.Unwrap(initializer);
                    continue;
                case IInvocationOperation { TargetMethod.Name: "ToArray" or "ToList" } toArray:
                    value = AspNetCorsSetup.Receiver(toArray);
                    continue;
                case IInvocationOperation get when get.TargetMethod.Name == "Get" && AspNetCorsSetup.Is(get.TargetMethod.ContainingType, types.ConfigurationBinder)
                    && AspNetCorsSetup.Receiver(get) is IInvocationOperation { TargetMethod.Name: "GetSection" } section
                    && IsAppConfiguration(section.Instance, types)
                    && section.Arguments.FirstOrDefault()?.Value.ConstantValue is { HasValue: true, Value: string key }:
                    return (key, null);
                case IInvocationOperation split when split.TargetMethod.Name == "Split" && split.TargetMethod.ContainingType.SpecialType == SpecialType.System_String
                    && SplitsOnListSeparators(split)
                    && ConfiguredString(split.Instance, types) is { } key:
                    return (key, null);
                default:
                    return refused;
            }
        }

        return refused;
    }

    private static string? ConfiguredString(IOperation? value, AspNetCorsTypes types)
    {
        value = AspNetCoreCorsAnalyzer.Unwrap(value);
        return value switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer when IsAppConfiguration(indexer.Instance, types)
                && indexer.Arguments.FirstOrDefault()?.Value.ConstantValue is { HasValue: true, Value: string key } => key,
            IInvocationOperation { TargetMethod.Name: "GetValue" } getValue when AspNetCorsSetup.Is(getValue.TargetMethod.ContainingType, types.ConfigurationBinder)
                && getValue.TargetMethod.TypeArguments.FirstOrDefault()?.SpecialType == SpecialType.System_String
                && IsAppConfiguration(AspNetCorsSetup.Receiver(getValue), types)
                && AspNetCorsSetup.Argument(getValue, 0)?.ConstantValue is { HasValue: true, Value: string key } => key,
            _ => null,
        };
    }

    // The app's configuration as DI sees it: builder.Configuration, app.Configuration, an injected IConfiguration.
    private static bool IsAppConfiguration(IOperation? instance, AspNetCorsTypes types)
    {
        instance = AspNetCoreCorsAnalyzer.Unwrap(instance);
        var type = instance?.Type;
        var isConfiguration = type is not null && (AspNetCorsSetup.Is(type, types.Configuration) || type.AllInterfaces.Any(i => AspNetCorsSetup.Is(i, types.Configuration)));
        return isConfiguration && instance is IPropertyReferenceOperation { Property.Name: "Configuration" } or IParameterReferenceOperation or IFieldReferenceOperation;
    }

    private static bool SplitsOnListSeparators(IInvocationOperation split)
    {
        var separators = split.Arguments
            .Where(a => a.Value.Type is { } t && (t.SpecialType is SpecialType.System_Char or SpecialType.System_String || t is IArrayTypeSymbol))
            .SelectMany(a => AspNetCorsPolicyModel.ArgumentValues(a))
            .Select(v => AspNetCoreCorsAnalyzer.Unwrap(v.Expression)!)
            .ToList();
        return separators.Count > 0 && separators.All(s => s.ConstantValue is { HasValue: true, Value: char c } ? c is ',' or ';' or ' ' : s.ConstantValue.Value is "," or ";" or " ");
    }

    private static bool IsEmptyList(IOperation operation) => AspNetCoreCorsAnalyzer.Unwrap(operation) switch
    {
        IArrayCreationOperation array => array.Initializer is null ? array.DimensionSizes.All(d => d.ConstantValue.Value is 0) : array.Initializer.ElementValues.IsEmpty,
        ICollectionExpressionOperation collection => collection.Elements.IsEmpty,
        IInvocationOperation { TargetMethod.Name: "Empty", TargetMethod.ContainingType.SpecialType: SpecialType.System_Array } => true,
        _ => false,
    };

    // A local whose only write is its initializer.
    private static IOperation? SingleAssignment(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } initializer } declarator)
        {
            return null;
        }

        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode?)declarator.FirstAncestorOrSelf<CompilationUnitSyntax>();
        var model = reference.SemanticModel;
        if (scope is null || model is null)
        {
            return null;
        }

        foreach (var assignment in scope.DescendantNodes().OfType<AssignmentExpressionSyntax>())
        {
            if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local))
            {
                return null;
            }
        }

        var declaration = model.GetOperation(declarator) as IVariableDeclaratorOperation;
        return declaration?.Initializer?.Value ?? model.GetOperation(initializer.Value);
    }

    private static string? Predicate(IOperation predicate, List<string> attributes, ref string? method)
    {
        var target = AspNetCoreCorsAnalyzer.Unwrap(predicate);
        if (target is IDelegateCreationOperation creation)
        {
            target = creation.Target;
        }

        if (target is IMethodReferenceOperation { Method: var referenced })
        {
            if (!referenced.IsStatic || referenced.MethodKind != MethodKind.Ordinary || referenced.DeclaredAccessibility == Accessibility.Private
                || referenced.ContainingType is not { } owner || owner.IsGenericType)
            {
                return $"the origin predicate '{referenced.Name}' is not a static, non-private method of a class; CorsGen's [AllowOriginPredicate] needs one";
            }

            var ownerName = owner.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            attributes.Add($"[AllowOriginPredicate(typeof({ownerName}), nameof({ownerName}.{referenced.Name}))]");
            return null;
        }

        if (target is not IAnonymousFunctionOperation lambda || lambda.Syntax is not LambdaExpressionSyntax syntax)
        {
            return $"the origin predicate '{AspNetCorsSetup.Shorten(predicate.Syntax.ToString())}' is neither a lambda nor a method";
        }

        if (Captures(lambda, syntax) is { } captured)
        {
            return $"the origin predicate uses {captured}, which a static CorsGen predicate method cannot see";
        }

        var parameter = lambda.Symbol.Parameters[0].Name;
        method = syntax.ExpressionBody is { } expression
            ? $"private static bool IsOriginAllowed(string {parameter}) =>\n    {expression};"
            : $"private static bool IsOriginAllowed(string {parameter})\n{Reindent(syntax.Block!)}";
        attributes.Add("[AllowOriginPredicate(nameof(IsOriginAllowed))]");
        return null;
    }

    private static string Reindent(BlockSyntax block)
    {
        var lines = block.ToString().Replace("\r\n", "\n").Split('\n');
        var indent = block.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).ToString().Length;
        return string.Join("\n", lines.Select((l, i) => i == 0 ? l : (l.Length >= indent && l.Substring(0, indent).Trim().Length == 0 ? l.Substring(indent) : l.TrimStart())));
    }

    // What a lambda reads that a static method of another class would not see: locals, parameters, `this`, members by simple name.
    private static string? Captures(IAnonymousFunctionOperation lambda, LambdaExpressionSyntax syntax)
    {
        bool Inside(ISymbol symbol) => symbol.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(r.Span));
        foreach (var operation in lambda.Body.Descendants())
        {
            switch (operation)
            {
                case ILocalReferenceOperation local when !Inside(local.Local):
                    return $"the local '{local.Local.Name}'";
                case IParameterReferenceOperation parameter when !Inside(parameter.Parameter):
                    return $"the parameter '{parameter.Parameter.Name}'";
                case IInstanceReferenceOperation:
                    return "'this'";
                case IInvocationOperation { TargetMethod.MethodKind: MethodKind.LocalFunction } call when !Inside(call.TargetMethod):
                    return $"the local function '{call.TargetMethod.Name}'";
                case IMemberReferenceOperation member when member.Syntax is IdentifierNameSyntax && member.Member.ContainingType is { } type
                    && syntax.Ancestors().OfType<TypeDeclarationSyntax>().Any():
                    return $"'{member.Member.Name}' of '{type.Name}' by its short name";
                case IInvocationOperation { Instance: null } call when call.Syntax is InvocationExpressionSyntax { Expression: IdentifierNameSyntax }
                    && syntax.Ancestors().OfType<TypeDeclarationSyntax>().Any():
                    return $"'{call.TargetMethod.Name}' of '{call.TargetMethod.ContainingType.Name}' by its short name";
            }
        }

        return null;
    }

    private static string? Methods(AspNetCorsPolicyState state, List<string> attributes)
    {
        if (state.Methods.Values.Count == 0)
        {
            // Without WithMethods ASP.NET Core sends no Access-Control-Allow-Methods: browsers pass only the safelisted methods.
            attributes.Add($"[AllowMethods({Literals(CorsRules.SafelistedMethods)})]");
            return null;
        }

        if (state.Methods.IsAny)
        {
            attributes.Add("[AllowMethods(\"*\")]");
            return null;
        }

        var methods = new List<string>();
        foreach (var entry in state.Methods.Values)
        {
            if (entry.Value is not { } method)
            {
                return NotConstant(entry);
            }

            if (method == "*")
            {
                return "AllowAnyMethod() is undone by the WithMethods(...) after it, which leaves a '*' entry that matches nothing; remove AllowAnyMethod() first";
            }

            if (!HttpTokenRule.IsToken(method))
            {
                return $"the method '{method}' is not an HTTP token (CORSGEN008); fix it first";
            }

            var upper = method.ToUpperInvariant();
            if (upper != method && CorsRules.IsUpperCaseMethod(upper))
            {
                return $"the method '{method}' never matches what browsers send ('{upper}', CORSGEN023); write it in upper case first";
            }

            if (!methods.Contains(method))
            {
                methods.Add(method);
            }
        }

        attributes.Add($"[AllowMethods({Literals(methods)})]");
        return null;
    }

    private static string? Headers(AspNetCorsPolicyState state, List<string> attributes)
    {
        if (state.Headers.IsAny)
        {
            if (state.Credentials == true)
            {
                return "AllowAnyHeader() with AllowCredentials() allows every request header, Authorization included, on credentialed requests, which CorsGen warns about (CORSGEN007); list the headers with WithHeaders(...) first";
            }

            attributes.Add("[AllowHeaders(\"*\")]");
        }
        else if (state.Headers.Values.Count > 0)
        {
            if (List(state.Headers.Values, "AllowAnyHeader()", "WithHeaders", out var headers) is { } reason)
            {
                return reason;
            }

            attributes.Add($"[AllowHeaders({Literals(headers)})]");
        }

        if (state.ExposedHeaders.Values.Count > 0)
        {
            if (List(state.ExposedHeaders.Values, null, "WithExposedHeaders", out var exposed) is { } reason)
            {
                return reason;
            }

            if (exposed.FirstOrDefault(CorsRules.IsForbiddenExposeHeader) is { } forbidden)
            {
                return $"'{forbidden}' is never exposed to scripts, which CorsGen warns about (CORSGEN006); remove it first";
            }

            attributes.Add($"[ExposeHeaders({Literals(exposed)})]");
        }

        return null;
    }

    private static string? List(IEnumerable<AspNetCorsValue> values, string? anyCall, string call, out List<string> names)
    {
        names = new List<string>();
        foreach (var entry in values)
        {
            if (entry.Value is not { } value)
            {
                return NotConstant(entry);
            }

            if (value == "*")
            {
                return anyCall is null
                    ? $"{call}(\"*\") has no CorsGen form"
                    : $"{anyCall} is undone by the {call}(...) after it, which leaves a '*' entry that matches nothing; remove {anyCall} first";
            }

            if (!HttpTokenRule.IsToken(value))
            {
                return $"the header name '{value}' is not an HTTP token (CORSGEN018); fix it first";
            }

            if (!names.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(value);
            }
        }

        return null;
    }

    private static string NotConstant(AspNetCorsValue entry) =>
        $"'{AspNetCorsSetup.Shorten(entry.Expression.Syntax.ToString())}' is not a constant; CorsGen's attributes take constants";

    private static string? MaxAge(AspNetCorsPolicyState state, List<string> attributes)
    {
        if (state.PreflightMaxAge is not { } maxAge)
        {
            return null;
        }

        var seconds = Seconds(maxAge);
        if (seconds is not { } s || s < 0 || s > int.MaxValue || Math.Floor(s) != s)
        {
            return $"SetPreflightMaxAge({AspNetCorsSetup.Shorten(maxAge.Syntax.ToString())}) is not a whole, constant number of seconds; CorsGen's [MaxAge] takes one";
        }

        attributes.Add($"[MaxAge({((int)s).ToString(CultureInfo.InvariantCulture)})]");
        return null;
    }

    // TimeSpan.FromSeconds(600), FromMinutes(10), FromHours(2), FromDays(1), TimeSpan.Zero.
    private static double? Seconds(IOperation operation)
    {
        operation = AspNetCoreCorsAnalyzer.Unwrap(operation)!;
        if (operation is IFieldReferenceOperation { Field.Name: "Zero", Field.ContainingType.Name: "TimeSpan" })
        {
            return 0;
        }

        if (operation is not IInvocationOperation { TargetMethod.ContainingType.Name: "TimeSpan", Arguments.Length: 1 } call
            || AspNetCoreCorsAnalyzer.Unwrap(call.Arguments[0].Value)?.ConstantValue is not { HasValue: true, Value: { } value })
        {
            return null;
        }

        var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        return call.TargetMethod.Name switch
        {
            "FromSeconds" => number,
            "FromMinutes" => number * 60,
            "FromHours" => number * 3600,
            "FromDays" => number * 86400,
            _ => null,
        };
    }

    /// <summary>A class name from the policy name: <c>"AllowFrontend"</c> becomes <c>AllowFrontendCors</c>, the default policy <c>DefaultCors</c>.</summary>
    internal static string ClassName(string? policyName, Compilation compilation, HashSet<string> taken)
    {
        var words = (policyName ?? "Default").Split(policyName is null ? Array.Empty<char>() : policyName.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
        var name = string.Concat(words.Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)));
        if (name.EndsWith("Policy", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - "Policy".Length);
        }

        if (name.Length == 0 || name == "Cors")
        {
            name = "App";
        }

        if (char.IsDigit(name[0]))
        {
            name = "Policy" + name;
        }

        if (!name.EndsWith("Cors", StringComparison.Ordinal))
        {
            name += "Cors";
        }

        var candidate = name;
        for (var i = 2; taken.Contains(candidate) || compilation.GetSymbolsWithName(candidate, SymbolFilter.Type).Any(); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }

    private static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(Literal));

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}
