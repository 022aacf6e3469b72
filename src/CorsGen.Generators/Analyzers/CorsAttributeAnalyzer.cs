using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsGen.Generators.Model;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// Reports what CorsGen's attributes get wrong, using the generator's own parser so an attribute means
/// one thing in the IDE, in <c>dotnet build</c> and in the generated code. The generator itself
/// reports nothing: it skips what this analyzer reports.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsAttributeAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableHashSet<string> HandMappedMethods = ImmutableHashSet.Create("MapGet", "MapPost", "MapPut", "MapPatch", "MapDelete");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.MissingPreflightRoute,
        DiagnosticDescriptors.WildcardOriginWithCredentials,
        DiagnosticDescriptors.InvalidOrigin,
        DiagnosticDescriptors.NullOrigin,
        DiagnosticDescriptors.NegativeMaxAge,
        DiagnosticDescriptors.ForbiddenExposeHeader,
        DiagnosticDescriptors.AnyHeaderWithCredentials,
        DiagnosticDescriptors.InvalidMethodToken,
        DiagnosticDescriptors.InvalidShape,
        DiagnosticDescriptors.ConflictingPolicies,
        DiagnosticDescriptors.DisableCorsContradiction,
        DiagnosticDescriptors.InvalidHeaderName,
        DiagnosticDescriptors.UnreadableArgument,
        DiagnosticDescriptors.NullOriginWithCredentials,
        DiagnosticDescriptors.InsecureOriginWithCredentials,
        DiagnosticDescriptors.SharedHostingSuffixWithCredentials,
        DiagnosticDescriptors.MaxAgeAboveBrowserCap,
        DiagnosticDescriptors.MethodCase,
        DiagnosticDescriptors.AllowedMethodNotMapped,
        DiagnosticDescriptors.InvalidOriginPredicate,
        DiagnosticDescriptors.InvalidPreflightStatus,
        DiagnosticDescriptors.NotAPolicyClass,
        DiagnosticDescriptors.ReflectionBoundHandler,
        DiagnosticDescriptors.AllowAllPredicateWithCredentials,
        DiagnosticDescriptors.ControllerActionNotCompiled);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = WellKnownTypes.For(start.Compilation);
            if (!types.HasCorsGen)
            {
                return; // CorsGen is not referenced.
            }

            var routes = new ConcurrentBag<(RouteSpec Route, Location ClassLocation, AttributeData? AllowMethods)>();
            var handMapped = new ConcurrentBag<(string Pattern, string MapMethod, string Handler, Location Location, ILocalSymbol? Root)>();
            var optionsPatterns = new ConcurrentBag<string>();
            var localsWithCors = new ConcurrentBag<ILocalSymbol>();

            var requestDelegates = RequestDelegateMode.IsOn(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, types, routes, requestDelegates), SymbolKind.NamedType);
            start.RegisterOperationAction(
                operation => CollectHandMapped((IInvocationOperation)operation.Operation, types, handMapped, optionsPatterns, localsWithCors),
                OperationKind.Invocation);
            start.RegisterCompilationEndAction(end => AnalyzeProgram(
                end,
                routes.ToArray(),
                handMapped.Where(h => h.Root is null || !localsWithCors.Contains(h.Root, SymbolEqualityComparer.Default)).Select(h => (h.Pattern, h.MapMethod, h.Handler, h.Location)).ToArray(),
                optionsPatterns.ToArray()));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, WellKnownTypes types, ConcurrentBag<(RouteSpec, Location, AttributeData?)> routes, bool requestDelegates)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var diagnostics = new List<DiagnosticInfo>();
        var hasRoutes = false;
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            var attributes = method.GetAttributes();
            foreach (var (routeAttribute, httpMethod) in types.RouteAttributes)
            {
                var routeAttributes = attributes.Where(a => WellKnownTypes.Is(a, routeAttribute)).ToImmutableArray();
                if (routeAttributes.IsEmpty)
                {
                    continue;
                }

                hasRoutes = true;
                var result = CorsGenerator.Parser.ParseMethod(method, routeAttributes, httpMethod, context.CancellationToken);
                diagnostics.AddRange(result.Diagnostics);
                var allowMethods = WellKnownTypes.Find(attributes, types.AllowMethods)
                    ?? WellKnownTypes.Find(type.GetAttributes(), types.AllowMethods);
                foreach (var route in result.Routes)
                {
                    routes.Add((route, type.Locations.FirstOrDefault() ?? Location.None, allowMethods));
                    if (requestDelegates && route.UnsupportedHandlerReason is { } reason)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReflectionBoundHandler, method.Locations.FirstOrDefault(), type.Name + "." + method.Name, reason));
                    }
                }
            }
        }

        // An MVC controller: its attribute routes, as the generator reads them, take the place of route methods.
        if (!hasRoutes && CorsGenerator.Parser.IsController(type))
        {
            hasRoutes = true;
            var result = CorsGenerator.Parser.ParseController(type, context.CancellationToken);
            diagnostics.AddRange(result.Diagnostics);
            foreach (var route in result.Routes)
            {
                var method = type.GetMembers(route.MethodName).FirstOrDefault() ?? type;
                var allowMethods = WellKnownTypes.Find(method.GetAttributes(), types.AllowMethods) ?? WellKnownTypes.Find(type.GetAttributes(), types.AllowMethods);
                routes.Add((route, type.Locations.FirstOrDefault() ?? Location.None, allowMethods));
            }
        }

        var isPolicyClass = WellKnownTypes.Has(type, types.CorsPolicy);
        if (isPolicyClass)
        {
            // The generator emits the class's Policy property only for the shape it can extend.
            if (type.TypeKind != TypeKind.Class || !type.IsStatic || !type.DeclaringSyntaxReferences.Any(r =>
                    r.GetSyntax(context.CancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax d
                    && d.Modifiers.Any(m => m.Text == "partial")))
            {
                diagnostics.Add(InvalidShapes.PolicyClassNotStaticPartial(type));
            }

            CorsGenerator.Parser.ParsePolicyClass(type, diagnostics);
        }
        else if (!hasRoutes)
        {
            foreach (var attribute in type.GetAttributes())
            {
                if (attribute.AttributeClass is { } c && types.IsCorsAttribute(c))
                {
                    diagnostics.Add(InvalidShapes.AttributeWithoutEffect(attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation(), c.Name.Replace("Attribute", string.Empty), type));
                }
            }
        }

        // A policy class's own attributes are reported once, where the policy class is analyzed.
        foreach (var diagnostic in diagnostics.Distinct().Where(d => IsInside(d, type)))
        {
            context.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }

    // A predicate private to a policy class is wrong only where another class uses it, so it stays.
    private static bool IsInside(DiagnosticInfo diagnostic, INamedTypeSymbol type) =>
        diagnostic.Location is not { IsInSource: true } location
        || diagnostic.Descriptor == DiagnosticDescriptors.InvalidOriginPredicate
        || type.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == location.SourceTree && r.Span.Contains(location.SourceSpan));

    // Hand-written app.MapGet/MapPost("/x", Handler) whose handler carries CorsGen attributes (CORSGEN001), and
    // hand-written OPTIONS routes, which answer that rule.
    private static void CollectHandMapped(
        IInvocationOperation invocation,
        WellKnownTypes types,
        ConcurrentBag<(string, string, string, Location, ILocalSymbol?)> handMapped,
        ConcurrentBag<string> optionsPatterns,
        ConcurrentBag<ILocalSymbol> localsWithCors)
    {
        var method = invocation.TargetMethod;
        if (IsWithCors(method, types) && invocation.Arguments.Length > 0 && Unwrap(invocation.Arguments[0].Value) is ILocalReferenceOperation receiver)
        {
            localsWithCors.Add(receiver.Local); // group.WithCors(policy); as a statement of its own
        }

        if (types.EndpointRouteBuilderExtensions is null
            || !SymbolEqualityComparer.Default.Equals(method.ContainingType, types.EndpointRouteBuilderExtensions)
            || invocation.Arguments.Length < 3
            || invocation.Arguments[1].Value.ConstantValue is not { HasValue: true, Value: string pattern })
        {
            return;
        }

        if (method.Name == "MapMethods")
        {
            if (MethodElements(invocation.Arguments[2].Value).Any(IsOptions))
            {
                optionsPatterns.Add(RoutePatternKey.FromTemplate(pattern));
            }

            return;
        }

        if (!HandMappedMethods.Contains(method.Name))
        {
            return;
        }

        var handler = invocation.Arguments[invocation.Arguments.Length - 1].Value;
        while (handler is IConversionOperation conversion)
        {
            handler = conversion.Operand;
        }

        if (handler is IDelegateCreationOperation { Target: IMethodReferenceOperation reference }
            && reference.Method.ContainingType is { } handlerType
            && CorsGenerator.Parser.ParsePolicy(reference.Method, handlerType, new List<DiagnosticInfo>()) is not null
            && !ReachesWithCors(invocation.Arguments[0].Value, types, out var root))
        {
            handMapped.Add((pattern, method.Name, handlerType.Name + "." + reference.Method.Name, invocation.Syntax.GetLocation(), root));
        }
    }

    private static bool IsWithCors(IMethodSymbol method, WellKnownTypes types) =>
        method.Name == "WithCors" && types.CorsEndpointExtensions is { } extensions && SymbolEqualityComparer.Default.Equals(method.ContainingType, extensions);

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    // Walks the builder chain the route is mapped on (app.MapGroup("/api").WithCors(p).RequireAuthorization(),
    // or a local initialized with one) looking for WithCors; root is the local the chain starts from.
    private static bool ReachesWithCors(IOperation receiver, WellKnownTypes types, out ILocalSymbol? root)
    {
        root = null;
        IOperation? current = receiver;
        for (var depth = 0; current is not null && depth < 32; depth++)
        {
            switch (Unwrap(current))
            {
                case IInvocationOperation call when IsWithCors(call.TargetMethod, types):
                    return true;
                case IInvocationOperation call:
                    current = call.Instance ?? (call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
                    break;
                case ILocalReferenceOperation local:
                    root ??= local.Local;
                    current = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } value }
                        && local.SemanticModel?.SyntaxTree == value.SyntaxTree
                            ? local.SemanticModel.GetOperation(value)
                            : null;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    // new[] { "OPTIONS" }, ["OPTIONS"], new[] { HttpMethods.Options }, behind the IEnumerable<string> conversion.
    private static IEnumerable<IOperation> MethodElements(IOperation value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            ICollectionExpressionOperation collection => collection.Elements,
            _ => Enumerable.Empty<IOperation>(),
        };
    }

    private static bool IsOptions(IOperation element)
    {
        while (element is IConversionOperation conversion)
        {
            element = conversion.Operand;
        }

        return element switch
        {
            { ConstantValue: { HasValue: true, Value: string m } } => string.Equals(m, "OPTIONS", StringComparison.OrdinalIgnoreCase),
            IFieldReferenceOperation { Field: { Name: "Options", ContainingType.Name: "HttpMethods" } } => true,
            _ => false,
        };
    }

    private static void AnalyzeProgram(
        CompilationAnalysisContext context,
        (RouteSpec Route, Location ClassLocation, AttributeData? AllowMethods)[] routes,
        (string Pattern, string MapMethod, string Handler, Location Location)[] handMapped,
        string[] optionsPatterns)
    {
        var corsRoutes = routes.Where(r => r.Route.Policy is not null).ToList();
        var byPattern = corsRoutes.GroupBy(r => RoutePatternKey.FromTemplate(r.Route.Pattern)).ToList();

        // CORSGEN010: one pattern, one policy.
        foreach (var pattern in byPattern)
        {
            var classes = pattern.GroupBy(r => r.Route.Class.FullyQualifiedName).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var i = 1; i < classes.Count; i++)
            {
                var first = classes[0].First();
                var other = classes[i].First();
                if (!Equals(first.Route.Policy, other.Route.Policy))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.ConflictingPolicies,
                        other.ClassLocation,
                        new[] { first.ClassLocation },
                        other.Route.Pattern,
                        first.Route.Class.Name,
                        other.Route.Class.Name));
                }
            }
        }

        // CORSGEN024 (info): [AllowMethods] naming a method nothing maps at the pattern.
        var mapped = routes
            .GroupBy(r => RoutePatternKey.FromTemplate(r.Route.Pattern))
            .ToDictionary(g => g.Key, g => new HashSet<string>(g.SelectMany(r => r.Route.HttpMethods), StringComparer.OrdinalIgnoreCase));
        var reported = new HashSet<(Location, string)>();
        foreach (var (route, _, allowMethods) in corsRoutes)
        {
            if (route.Policy?.Methods is not { } allowed || allowMethods?.ApplicationSyntaxReference is not { } syntax)
            {
                continue;
            }

            var key = RoutePatternKey.FromTemplate(route.Pattern);
            var location = syntax.GetSyntax().GetLocation();
            foreach (var method in allowed.Where(m => !mapped[key].Contains(m) && m != "OPTIONS"))
            {
                if (reported.Add((location, key + " " + method)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AllowedMethodNotMapped, location, route.MethodName, method, route.Pattern));
                }
            }
        }

        // CORSGEN001: hand-mapped routes whose handler expects CorsGen CORS: their responses get no CORS headers,
        // and an unsafe method's preflight finds no OPTIONS route unless something else maps one at the pattern.
        var withPreflight = new HashSet<string>(byPattern.Select(p => p.Key).Concat(optionsPatterns), StringComparer.Ordinal);
        foreach (var (pattern, mapMethod, handler, location) in handMapped)
        {
            var verb = mapMethod.Substring("Map".Length);
            var consequence = verb == "Get" || withPreflight.Contains(RoutePatternKey.FromTemplate(pattern))
                ? "its responses carry no CORS headers, so browser scripts cannot read them"
                : "the browser's preflight for it finds no OPTIONS route and the request is blocked";
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MissingPreflightRoute, location, handler, verb.ToUpperInvariant(), pattern, verb, handler.Substring(0, handler.IndexOf('.')), consequence));
        }
    }
}
