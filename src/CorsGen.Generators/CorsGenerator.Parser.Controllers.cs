using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // MVC controllers as a route source: MVC's own rules for what a controller and an action are, and for
    // attribute routes (selectors, template combination, [controller]/[action]/[area] tokens), so the patterns
    // CorsGen compiles preflights for are the ones MVC maps. Each attribute route becomes a RouteSpec, as a
    // [MapPost] does, and goes through the same ClassModels.
    internal static partial class Parser
    {
        // Method attributes MVC reads an HTTP method from (IActionHttpMethodProvider), by name in MvcNamespace.
        private static readonly ImmutableDictionary<string, string> HttpMethodAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HttpGetAttribute"] = "GET",
            ["HttpPostAttribute"] = "POST",
            ["HttpPutAttribute"] = "PUT",
            ["HttpPatchAttribute"] = "PATCH",
            ["HttpDeleteAttribute"] = "DELETE",
            ["HttpHeadAttribute"] = "HEAD",
            ["HttpOptionsAttribute"] = "OPTIONS",
        }.ToImmutableDictionary(StringComparer.Ordinal);

        /// <summary>The CORS attributes that give a class or method a policy: the generator looks for controllers through them.</summary>
        internal static readonly ImmutableArray<string> ControllerPolicyAttributes = ImmutableArray.Create(
            AllowOrigins, AllowOriginsFromConfiguration, AllowOriginPredicate, UseCorsPolicy);

        /// <summary>A class or method carrying a policy attribute -> the routes of its controller; empty when it is no controller.</summary>
        public static RouteParseResult ParseControllerTarget(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = context.TargetSymbol as INamedTypeSymbol ?? (context.TargetSymbol as IMethodSymbol)?.ContainingType;
            return type is not null && IsController(type) ? ParseController(type, cancellationToken) : Empty;
        }

        /// <summary>
        /// MVC's rule (ControllerFeatureProvider): a public top-level, non-abstract, non-generic class, not
        /// [NonController], named *Controller (any case) or carrying [Controller] itself or through a base class
        /// (ControllerBase does).
        /// </summary>
        internal static bool IsController(INamedTypeSymbol type)
        {
            if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.IsGenericType
                || type.DeclaredAccessibility != Accessibility.Public || type.ContainingType is not null)
            {
                return false;
            }

            var named = type.Name.EndsWith("Controller", StringComparison.OrdinalIgnoreCase);
            for (var t = type; t is not null; t = t.BaseType)
            {
                if (HasMvcAttribute(t.GetAttributes(), "NonControllerAttribute"))
                {
                    return false;
                }

                named |= HasMvcAttribute(t.GetAttributes(), "ControllerAttribute");
            }

            return named;
        }

        /// <summary>Every attribute route of every action of <paramref name="type"/>, with or without CORS.</summary>
        public static RouteParseResult ParseController(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = new List<DiagnosticInfo>();
            var controller = new EndpointClassSpec(
                type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty,
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                EquatableArray<TypeDeclarationSpec>.Empty,
                IsPublic: true,
                IsController: true);
            var classTemplates = ClassRouteTemplates(type);
            var area = AreaOf(type);
            var routes = new List<RouteSpec>();
            foreach (var method in Actions(type))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var policy = ParsePolicy(method, type, diagnostics);
                var action = new ControllerActionSpec(method.Parameters.Select(p => TypeOfName(p.Type)).ToEquatableArray());
                var values = RouteValues(type, method, area);
                var problem = (string?)null;
                foreach (var selector in ActionSelectors(method, ref problem))
                {
                    foreach (var classTemplate in classTemplates)
                    {
                        var template = CombineTemplates(selector.Template is { } t && IsOverridePattern(t) ? null : classTemplate, selector.Template);
                        if (template is null)
                        {
                            problem ??= "it has no attribute route (the actions of a conventional route get CORS from WithCors(policy) on the route's group)";
                        }
                        else if (selector.Methods.Count == 0)
                        {
                            problem ??= "it takes every HTTP method (add [HttpGet], [HttpPost], ... or [AcceptVerbs])";
                        }
                        else if (ReplaceTokens(template, values, out var badToken) is { } pattern)
                        {
                            var route = new RouteSpec(controller, method.Name, pattern, selector.Methods, policy, Action: action);
                            if (!routes.Contains(route))
                            {
                                routes.Add(route);
                            }
                        }
                        else
                        {
                            problem ??= $"its route template '{template}' has the token '{badToken}', which CorsGen cannot resolve";
                        }
                    }
                }

                if (policy is not null && problem is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ControllerActionNotCompiled, method.Locations.FirstOrDefault(), type.Name + "." + method.Name, problem));
                }
            }

            return new RouteParseResult(
                routes.ToEquatableArray(),
                diagnostics.Count == 0 ? EquatableArray<DiagnosticInfo>.Empty : diagnostics.Distinct().ToEquatableArray());
        }

        /// <summary>
        /// MVC's actions (DefaultApplicationModelProvider.IsAction): public instance methods, the class's and its
        /// base classes' up to MVC's own, not generic, abstract, [NonAction], an override of object's or Dispose().
        /// </summary>
        private static IEnumerable<IMethodSymbol> Actions(INamedTypeSymbol type)
        {
            var overridden = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var disposable = type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_IDisposable);
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && !IsMvcNamespace(t.ContainingNamespace); t = t.BaseType)
            {
                foreach (var method in t.GetMembers().OfType<IMethodSymbol>())
                {
                    if (method.OverriddenMethod is { } baseMethod)
                    {
                        overridden.Add(baseMethod.OriginalDefinition);
                    }

                    if (method.MethodKind == MethodKind.Ordinary
                        && method.DeclaredAccessibility == Accessibility.Public
                        && !method.IsStatic && !method.IsAbstract && !method.IsGenericMethod
                        && !overridden.Contains(method.OriginalDefinition)
                        && !HasMvcAttribute(method.GetAttributes(), "NonActionAttribute")
                        && RootDefinition(method).ContainingType?.SpecialType != SpecialType.System_Object
                        && !(disposable && method.Name == "Dispose" && method.Parameters.Length == 0))
                    {
                        yield return method;
                    }
                }
            }
        }

        private static IMethodSymbol RootDefinition(IMethodSymbol method)
        {
            var root = method;
            for (var i = 0; root.OverriddenMethod is { } next && i < 64; i++)
            {
                root = next;
            }

            return root;
        }

        /// <summary>One MVC selector of an action: its template (null: none of its own) and its HTTP methods (empty: any).</summary>
        private readonly record struct Selector(string? Template, EquatableArray<string> Methods);

        /// <summary>A route template attribute (IRouteTemplateProvider) as read: null when it is not one, or cannot be read.</summary>
        private sealed record TemplateProvider(AttributeData Attribute, string? Template, bool IsSilent, bool ProvidesMethods, EquatableArray<string> Methods);

        /// <summary>
        /// MVC's selectors (DefaultApplicationModelProvider.CreateSelectors): each [Route]/[HttpX("t")] with a template,
        /// name or order is a selector with its own methods (a [Route] also takes the template-less [HttpX]); the
        /// template-less ones together form one more when every other is an [HttpX] itself.
        /// </summary>
        private static List<Selector> ActionSelectors(IMethodSymbol method, ref string? problem)
        {
            var attributes = method.GetAttributes();
            var providers = new List<TemplateProvider>();
            var silentMethods = new List<string>();
            var silentSelector = false;
            foreach (var attribute in attributes)
            {
                if (ReadTemplateProvider(attribute, ref problem) is not { } provider)
                {
                    continue;
                }

                if (provider.IsSilent)
                {
                    silentSelector = true;
                    silentMethods.AddRange(provider.Methods);
                }
                else
                {
                    providers.Add(provider);
                }
            }

            // [Route("x")] groups the template-less [HttpGet]s with it: one selector, not two.
            if (providers.Any(p => !p.ProvidesMethods))
            {
                silentSelector = false;
            }

            var selectors = new List<Selector>();
            if (providers.Count == 0)
            {
                selectors.Add(new Selector(null, Distinct(silentMethods)));
                return selectors;
            }

            foreach (var provider in providers)
            {
                // Its own methods, and those of the silent ones unless it is an [HttpX] itself.
                var methods = provider.ProvidesMethods ? provider.Methods.ToList() : new List<string>();
                if (!provider.ProvidesMethods)
                {
                    methods.AddRange(silentMethods);
                }

                selectors.Add(new Selector(provider.Template, Distinct(methods)));
            }

            if (silentSelector)
            {
                selectors.Add(new Selector(null, Distinct(silentMethods)));
            }

            return selectors;
        }

        private static EquatableArray<string> Distinct(List<string> methods) =>
            methods.Distinct(StringComparer.Ordinal).OrderBy(ClassModels.MethodRank).ThenBy(m => m, StringComparer.Ordinal).ToEquatableArray();

        private static TemplateProvider? ReadTemplateProvider(AttributeData attribute, ref string? problem)
        {
            if (attribute.AttributeClass is not { } c || !IsMvcNamespace(c.ContainingNamespace))
            {
                if (attribute.AttributeClass is { } other && Implements(other, "IRouteTemplateProvider"))
                {
                    problem ??= $"its route comes from [{Short(other.Name)}], whose template CorsGen cannot read";
                }

                return null;
            }

            var arguments = attribute.ConstructorArguments;
            string? template;
            EquatableArray<string> methods;
            bool providesMethods;
            if (HttpMethodAttributes.TryGetValue(c.Name, out var httpMethod))
            {
                template = arguments.Length == 1 ? arguments[0].Value as string : null;
                methods = ImmutableArray.Create(httpMethod).ToEquatableArray();
                providesMethods = true;
            }
            else if (c.Name == "RouteAttribute")
            {
                template = arguments.Length == 1 ? arguments[0].Value as string : null;
                methods = EquatableArray<string>.Empty;
                providesMethods = false;
            }
            else if (c.Name == "AcceptVerbsAttribute")
            {
                template = Named(attribute, "Route") as string;
                var verbs = arguments.Length == 1 && arguments[0].Kind == TypedConstantKind.Array
                    ? ReadStrings(arguments[0])
                    : arguments.Length == 1 && arguments[0].Value is string verb ? new List<string> { verb } : null;
                if (verbs is null)
                {
                    problem ??= "its [AcceptVerbs] methods are not constants";
                    return null;
                }

                // AcceptVerbsAttribute upper-cases what it is given.
                methods = verbs.Select(v => v.ToUpperInvariant()).ToEquatableArray();
                providesMethods = true;
            }
            else
            {
                return null;
            }

            // MVC's "silent" route attribute: no template, name or order, only a method.
            var silent = template is null && Named(attribute, "Name") is null && Named(attribute, "Order") is null;
            return new TemplateProvider(attribute, template, silent, providesMethods, methods);
        }

        private static object? Named(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value;
                }
            }

            return null;
        }

        /// <summary>The class's [Route] templates, its base classes' too (RouteAttribute is inherited); one null entry without any.</summary>
        private static List<string?> ClassRouteTemplates(INamedTypeSymbol type)
        {
            var templates = new List<string?>();
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object && !IsMvcNamespace(t.ContainingNamespace); t = t.BaseType)
            {
                foreach (var attribute in t.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "RouteAttribute" } c && IsMvcNamespace(c.ContainingNamespace)
                        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string template)
                    {
                        templates.Add(template);
                    }
                }
            }

            if (templates.Count == 0)
            {
                templates.Add(null);
            }

            return templates;
        }

        /// <summary>The nearest [Area("name")] of the class or its base classes (AreaAttribute is inherited).</summary>
        private static string? AreaOf(INamedTypeSymbol type)
        {
            for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
            {
                foreach (var attribute in t.GetAttributes())
                {
                    if (attribute.AttributeClass is { Name: "AreaAttribute" } c && IsMvcNamespace(c.ContainingNamespace)
                        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string area)
                    {
                        return area;
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The route values the tokens are replaced with: controller (the class name without its "Controller" suffix,
        /// compared ordinally as MVC does), action ([ActionName], else the method name without "Async", MVC's
        /// default SuppressAsyncSuffixInActionNames) and area.
        /// </summary>
        private static Dictionary<string, string> RouteValues(INamedTypeSymbol type, IMethodSymbol method, string? area)
        {
            var controllerName = type.Name.EndsWith("Controller", StringComparison.Ordinal) && type.Name.Length > "Controller".Length
                ? type.Name.Substring(0, type.Name.Length - "Controller".Length)
                : type.Name;
            var actionName = method.GetAttributes()
                .Where(a => a.AttributeClass is { Name: "ActionNameAttribute" } c && IsMvcNamespace(c.ContainingNamespace))
                .Select(a => a.ConstructorArguments.Length == 1 ? a.ConstructorArguments[0].Value as string : null)
                .FirstOrDefault(name => name is not null)
                ?? (method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name.Length > "Async".Length
                    ? method.Name.Substring(0, method.Name.Length - "Async".Length)
                    : method.Name);
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["controller"] = controllerName,
                ["action"] = actionName,
            };
            if (area is not null)
            {
                values["area"] = area;
            }

            return values;
        }

        private static bool IsOverridePattern(string template) =>
            template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal);

        /// <summary>MVC's AttributeRouteModel.CombineTemplates: the action's template under the controller's, leading and trailing '/' and "~/" dropped.</summary>
        internal static string? CombineTemplates(string? prefix, string? template)
        {
            string? combined;
            if (template is null && prefix is null)
            {
                return null;
            }
            else if (template is null)
            {
                combined = prefix;
            }
            else if (IsOverridePattern(template) || prefix is null)
            {
                combined = template;
            }
            else
            {
                combined = prefix.EndsWith("/", StringComparison.Ordinal) ? prefix + template : prefix + "/" + template;
            }

            var start = combined!.StartsWith("~/", StringComparison.Ordinal) ? 2 : combined.StartsWith("/", StringComparison.Ordinal) ? 1 : 0;
            if (start >= combined.Length)
            {
                return string.Empty;
            }

            var length = combined.Length - start - (combined.EndsWith("/", StringComparison.Ordinal) ? 1 : 0);
            return combined.Substring(start, Math.Max(length, 0));
        }

        /// <summary>
        /// MVC's AttributeRouteModel.ReplaceTokens: <c>[name]</c> is the route value (names compared ignoring case),
        /// <c>[[</c> and <c>]]</c> stand for brackets. Null, with the offending token, for what MVC would refuse at start-up.
        /// </summary>
        internal static string? ReplaceTokens(string template, Dictionary<string, string> values, out string? badToken)
        {
            badToken = null;
            var result = new StringBuilder(template.Length);
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                var escaped = i + 1 < template.Length && template[i + 1] == c;
                if (c == ']')
                {
                    if (!escaped)
                    {
                        badToken = "]";
                        return null;
                    }

                    result.Append(']');
                    i++;
                }
                else if (c == '[' && escaped)
                {
                    result.Append('[');
                    i++;
                }
                else if (c == '[')
                {
                    var name = new StringBuilder();
                    var j = i + 1;
                    for (; j < template.Length; j++)
                    {
                        if (template[j] == ']' && j + 1 < template.Length && template[j + 1] == ']')
                        {
                            name.Append(']');
                            j++;
                        }
                        else if (template[j] == ']')
                        {
                            break;
                        }
                        else if (template[j] == '[')
                        {
                            j = template.Length;
                        }
                        else
                        {
                            name.Append(template[j]);
                        }
                    }

                    if (j >= template.Length || !values.TryGetValue(name.ToString(), out var value))
                    {
                        badToken = "[" + name + (j >= template.Length ? string.Empty : "]");
                        return null;
                    }

                    result.Append(value);
                    i = j;
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        /// <summary>A type as <c>typeof</c> names it: fully qualified, <c>dynamic</c> as object.</summary>
        private static string TypeOfName(ITypeSymbol type) =>
            type.TypeKind == TypeKind.Dynamic ? "object" : type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

        private static bool HasMvcAttribute(ImmutableArray<AttributeData> attributes, string name)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } c && c.Name == name && IsMvcNamespace(c.ContainingNamespace))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Implements(INamedTypeSymbol type, string interfaceName) =>
            type.AllInterfaces.Any(i => i.Name == interfaceName && i.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Mvc.Routing");

        // Microsoft.AspNetCore.Mvc and its sub-namespaces (ControllerBase is in the first, AreaAttribute too).
        private static bool IsMvcNamespace(INamespaceSymbol? ns)
        {
            for (var n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
            {
                if (n.Name == "Mvc" && n.ContainingNamespace is { Name: "AspNetCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } })
                {
                    return true;
                }
            }

            return false;
        }
    }
}
