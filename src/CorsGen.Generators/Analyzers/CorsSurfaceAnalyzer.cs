using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using CorsGen.Generators.Model;
using CorsGen.Generators.Surface;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// Holds the compiled CORS surface against the project's CorsSurface.txt (an AdditionalFiles item; no file,
/// no check), as PublicApiAnalyzers holds the public API against PublicAPI.txt: one diagnostic per differing
/// line, an added or changed one at the attribute or <c>WithCors</c> call that causes it, a removed one at its
/// line of the file. The surface is built from the generator's parser and models, so it is the generator's.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class CorsSurfaceAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <see cref="Diagnostic.Properties"/> key of the whole compiled surface text, which the code fix writes.</summary>
    internal const string SurfaceProperty = "Surface";

    /// <summary>The <see cref="Diagnostic.Properties"/> key of CorsSurface.txt's path, the additional document the fix rewrites.</summary>
    internal const string FileProperty = "SurfaceFile";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SurfaceWidened,
        DiagnosticDescriptors.SurfaceChanged,
        DiagnosticDescriptors.SurfaceBaselineProblem);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var baseline = start.Options.AdditionalFiles.FirstOrDefault(f =>
                string.Equals(Path.GetFileName(f.Path), CorsSurfaceFormat.FileName, StringComparison.OrdinalIgnoreCase));
            var types = WellKnownTypes.For(start.Compilation);
            // Opt-in; and a build that rewrites the file (-p:CorsGenUpdateSurface=true) compares nothing.
            if (baseline is null || !types.HasCorsGen || CorsSurface.IsUpdateRequested(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return;
            }

            var sources = new Sources();
            start.RegisterSymbolAction(symbol => Collect((INamedTypeSymbol)symbol.Symbol, types, sources, symbol.CancellationToken), SymbolKind.NamedType);
            start.RegisterSyntaxNodeAction(
                node =>
                {
                    if (SurfaceGroups.IsCandidate(node.Node)
                        && SurfaceGroups.Read((InvocationExpressionSyntax)node.Node, node.SemanticModel, node.CancellationToken) is { } group)
                    {
                        sources.Groups.Add((group, node.Node.GetLocation()));
                    }
                },
                Microsoft.CodeAnalysis.CSharp.SyntaxKind.InvocationExpression);
            start.RegisterCompilationEndAction(end => Compare(end, baseline, sources));
        });
    }

    /// <summary>What the surface is built from, with the symbols and calls that locate its lines.</summary>
    private sealed class Sources
    {
        public ConcurrentBag<(RouteSpec Route, IMethodSymbol Method)> Routes { get; } = new();

        public ConcurrentBag<(PolicyClassSpec Spec, INamedTypeSymbol Type)> PolicyClasses { get; } = new();

        public ConcurrentBag<(SurfaceGroupSpec Group, Location Location)> Groups { get; } = new();
    }

    private static void Collect(INamedTypeSymbol type, WellKnownTypes types, Sources sources, CancellationToken cancellationToken)
    {
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            var attributes = method.GetAttributes();
            foreach (var (routeAttribute, httpMethod) in types.RouteAttributes)
            {
                var routeAttributes = attributes.Where(a => WellKnownTypes.Is(a, routeAttribute)).ToImmutableArray();
                if (!routeAttributes.IsEmpty)
                {
                    foreach (var route in CorsGenerator.Parser.ParseMethod(method, routeAttributes, httpMethod, cancellationToken).Routes)
                    {
                        sources.Routes.Add((route, method));
                    }
                }
            }
        }

        // An MVC controller, found as the generator finds it: through a policy attribute on the class or an action.
        if (CorsGenerator.Parser.IsController(type)
            && (HasControllerPolicy(type) || type.GetMembers().OfType<IMethodSymbol>().Any(HasControllerPolicy)))
        {
            foreach (var route in CorsGenerator.Parser.ParseController(type, cancellationToken).Routes)
            {
                if (type.GetMembers(route.MethodName).OfType<IMethodSymbol>().FirstOrDefault() is { } action)
                {
                    sources.Routes.Add((route, action));
                }
            }
        }

        if (WellKnownTypes.Has(type, types.CorsPolicy) && CorsGenerator.Parser.ParsePolicyClassTarget(type) is { } policy)
        {
            sources.PolicyClasses.Add((policy, type));
        }
    }

    private static bool HasControllerPolicy(ISymbol symbol) =>
        CorsGenerator.Parser.ControllerPolicyAttributes.Any(name => CorsGenerator.Parser.Find(symbol.GetAttributes(), name) is not null);

    private static void Compare(CompilationAnalysisContext context, AdditionalText file, Sources sources)
    {
        var routes = sources.Routes.ToArray();
        var classes = CorsGenerator.ClassModels.Build(routes.Select(r => r.Route).ToImmutableArray());
        var groups = sources.Groups.OrderBy(g => g.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(g => g.Location.SourceSpan.Start).ToArray();
        var surface = CorsSurface.Build(classes, sources.PolicyClasses.Select(p => p.Spec), groups.Select(g => g.Group));
        var compiledText = CorsSurface.Write(surface);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(SurfaceProperty, compiledText).Add(FileProperty, file.Path);

        var text = file.GetText(context.CancellationToken);
        if (text is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SurfaceBaselineProblem, FileLocation(file.Path, null, 0), properties, 1, "the file cannot be read; create it (the code fix or dotnet build -p:CorsGenUpdateSurface=true writes it)"));
            return;
        }

        var compiled = SurfaceBaseline.Parse(SourceText.From(compiledText)).Entries;
        var parsed = SurfaceBaseline.Parse(text);
        foreach (var (line, problem) in parsed.Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SurfaceBaselineProblem, FileLocation(file.Path, text, line), properties, line + 1, problem));
        }

        if (parsed.Entries.Count == 0 && parsed.Problems.Count == 0 && compiled.Count > 0)
        {
            // A new or emptied baseline: one diagnostic, not one per line of the surface.
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SurfaceBaselineProblem, FileLocation(file.Path, text, 0), properties, 1, $"the file lists no route or policy, but the project has {compiled.Count(e => e.IsTopLevel)} CORS route or group lines; write the surface into it"));
            return;
        }

        var locator = new Locator(classes, routes, sources.PolicyClasses.ToArray(), groups);
        foreach (var difference in SurfaceBaseline.Compare(compiled, parsed.Entries))
        {
            var location = difference.Compiled is { } entry ? locator.Find(entry) : FileLocation(file.Path, text, difference.Baseline!.Line);
            context.ReportDiagnostic(Diagnostic.Create(
                difference.Widens ? DiagnosticDescriptors.SurfaceWidened : DiagnosticDescriptors.SurfaceChanged,
                location,
                properties,
                Describe(difference, compiled)));
        }
    }

    /// <summary>"policy Items adds 'origin https://evil.example' (GET /items, POST /items)", and the like.</summary>
    private static string Describe(SurfaceDifference difference, List<SurfaceEntry> compiled)
    {
        var entry = difference.Compiled ?? difference.Baseline!;
        var what = difference switch
        {
            { Compiled: { } now, Baseline: { } before } => $"'{before.Text}' is now '{now.Text}'",
            { Compiled: { } now } => $"'{now.Text}' is new",
            _ => $"'{entry.Text}' is in CorsSurface.txt but no longer in the code",
        };
        if (entry.IsTopLevel)
        {
            return what + (difference.Widens ? ", with credentials" : string.Empty);
        }

        var uses = compiled.Where(c => c.IsTopLevel && c.Policy == entry.Policy)
            .Select(c => c.Kind == "route" ? c.Value.Substring(0, c.Value.LastIndexOf(CorsSurfaceFormat.Arrow, StringComparison.Ordinal)) : "WithCors on " + c.Value.Substring(0, c.Value.LastIndexOf(CorsSurfaceFormat.Arrow, StringComparison.Ordinal)))
            .ToList();
        return $"policy {entry.Policy}: {what} (" + (uses.Count == 0 ? "no route uses it" : "routes " + string.Join(", ", uses)) + ")";
    }

    private static Location FileLocation(string path, SourceText? text, int line)
    {
        if (text is null || text.Lines.Count == 0)
        {
            return Location.Create(path, default, default);
        }

        var span = text.Lines[Math.Min(line, text.Lines.Count - 1)].Span;
        return Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
    }

    /// <summary>Where in source a compiled surface line comes from.</summary>
    private sealed class Locator
    {
        // The attribute each policy setting comes from.
        private static readonly Dictionary<string, string> AttributeOfKind = new(StringComparer.Ordinal)
        {
            ["origin"] = CorsGenerator.Parser.AllowOrigins,
            ["origin-pattern"] = CorsGenerator.Parser.AllowOrigins,
            ["refuse-all"] = CorsGenerator.Parser.AllowOrigins,
            ["origin-configuration"] = CorsGenerator.Parser.AllowOriginsFromConfiguration,
            ["origin-predicate"] = CorsGenerator.Parser.AllowOriginPredicate,
            ["origin-validator"] = "CorsGen.AllowOriginValidatorAttribute",
            ["credentials"] = CorsGenerator.Parser.AllowCredentials,
            ["method"] = CorsGenerator.Parser.AllowMethods,
            ["header"] = CorsGenerator.Parser.AllowHeaders,
            ["exposed-header"] = CorsGenerator.Parser.ExposeHeaders,
            ["max-age"] = CorsGenerator.Parser.MaxAge,
            ["private-network"] = CorsGenerator.Parser.AllowPrivateNetwork,
            ["preflight-status"] = CorsGenerator.Parser.PreflightSuccessStatus,
            ["preflight-continue"] = CorsGenerator.Parser.PreflightContinue,
        };

        private readonly Dictionary<string, List<(IMethodSymbol Method, string Pattern)>> _routeLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<ISymbol>> _policySources = new(StringComparer.Ordinal);
        private readonly (SurfaceGroupSpec Group, Location Location)[] _groups;

        public Locator(
            ImmutableArray<EndpointClassModel> classes,
            (RouteSpec Route, IMethodSymbol Method)[] routes,
            (PolicyClassSpec Spec, INamedTypeSymbol Type)[] policyClasses,
            (SurfaceGroupSpec Group, Location Location)[] groups)
        {
            _groups = groups;
            foreach (var model in classes)
            {
                foreach (var (route, surfacePolicy) in CorsSurface.Policies(model))
                {
                    var method = routes.FirstOrDefault(r => r.Route.Class.Equals(model.Class) && r.Route.MethodName == route.MethodName && r.Route.Pattern == route.Pattern).Method;
                    if (method is null)
                    {
                        continue;
                    }

                    var policy = surfacePolicy.Name;
                    Add(_policySources, policy, method);
                    foreach (var httpMethod in route.HttpMethods)
                    {
                        Add(_routeLines, CorsSurfaceFormat.Route(httpMethod, route.Pattern, policy), (method, route.Pattern));
                    }
                }
            }

            foreach (var (spec, type) in policyClasses)
            {
                Add(_policySources, spec.Class.Name, type);
            }
        }

        public Location Find(SurfaceEntry entry)
        {
            if (entry.Kind == "group")
            {
                return _groups.FirstOrDefault(g => CorsSurfaceFormat.Group(g.Group.Receiver, g.Group.Member, g.Group.Policy) == entry.Text).Location ?? Location.None;
            }

            if (entry.Kind == "route")
            {
                return _routeLines.TryGetValue(entry.Text, out var found) ? RouteAttribute(found[0].Method, found[0].Pattern) : Location.None;
            }

            if (!_policySources.TryGetValue(entry.Policy, out var symbols))
            {
                return Location.None;
            }

            if (AttributeOfKind.TryGetValue(entry.Kind, out var attributeName))
            {
                // The attribute that holds the value, else the most specific one of its kind, as the parser picks.
                var value = entry.Kind.StartsWith("origin", StringComparison.Ordinal) || entry.Kind is "method" or "header" or "exposed-header" ? entry.Value : null;
                var attributes = symbols.SelectMany(Levels).Select(a => CorsGenerator.Parser.Find(a, attributeName)).Where(a => a is not null).Select(a => a!).ToList();
                var attribute = attributes.FirstOrDefault(a => value is not null && Holds(a, value)) ?? attributes.FirstOrDefault();
                if (attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation() is { } location)
                {
                    return location;
                }

                // A method no [AllowMethods] lists is offered because a route maps it: that route's attribute.
                if (entry.Kind == "method" && symbols.OfType<IMethodSymbol>().Select(m => MappingAttribute(m, entry.Value)).FirstOrDefault(a => a is not null) is { } mapping)
                {
                    return mapping.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? Location.None;
                }
            }

            return symbols[0].Locations.FirstOrDefault() ?? Location.None;
        }

        /// <summary>Where a route method's CORS attributes come from, most specific first (as the parser reads them).</summary>
        private static IEnumerable<ImmutableArray<AttributeData>> Levels(ISymbol symbol)
        {
            var ignored = new List<DiagnosticInfo>();
            var attributes = symbol.GetAttributes();
            yield return attributes;
            if (symbol is not IMethodSymbol { ContainingType: { } type })
            {
                yield break;
            }

            if (CorsGenerator.Parser.PolicyClass(attributes, ignored) is { } methodPolicy)
            {
                yield return methodPolicy.GetAttributes();
            }

            yield return type.GetAttributes();
            if (CorsGenerator.Parser.PolicyClass(type.GetAttributes(), ignored) is { } classPolicy)
            {
                yield return classPolicy.GetAttributes();
            }
        }

        private static bool Holds(AttributeData attribute, string value) =>
            attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : ImmutableArray.Create(a))
                .Any(a => a.Value is string s && string.Equals(s, value, StringComparison.OrdinalIgnoreCase));

        private static Location RouteAttribute(IMethodSymbol method, string pattern) =>
            RouteAttributes(method).FirstOrDefault(a => a.Attribute.ConstructorArguments.Length > 0 && a.Attribute.ConstructorArguments[0].Value as string == pattern)
                .Attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation()
            ?? method.Locations.FirstOrDefault()
            ?? Location.None;

        /// <summary>The route attribute of <paramref name="method"/> that maps <paramref name="httpMethod"/>.</summary>
        private static AttributeData? MappingAttribute(IMethodSymbol method, string httpMethod) =>
            RouteAttributes(method).FirstOrDefault(a => a.HttpMethod is { } mapped
                ? mapped == httpMethod
                : a.Attribute.ConstructorArguments.Skip(1).SelectMany(c => c.Kind == TypedConstantKind.Array ? c.Values : ImmutableArray.Create(c)).Any(c => c.Value as string == httpMethod))
                .Attribute;

        private static IEnumerable<(AttributeData Attribute, string? HttpMethod)> RouteAttributes(IMethodSymbol method) =>
            from attribute in method.GetAttributes()
            from route in CorsGenerator.Parser.RouteAttributes
            where attribute.AttributeClass is { } c
                && c.ContainingNamespace is { Name: CorsGenerator.Parser.AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true }
                && route.MetadataName == CorsGenerator.Parser.AttributeNamespace + "." + c.Name
            select (attribute, route.HttpMethod);

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<T>();
            }

            list.Add(value);
        }
    }
}
