using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CorsGen.Generators.Model;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators;

/// <summary>The result of parsing one method's route attributes of one kind.</summary>
internal sealed record RouteParseResult(EquatableArray<RouteSpec> Routes, EquatableArray<DiagnosticInfo> Diagnostics);

public sealed partial class CorsGenerator
{
    /// <summary>Symbols -> model. Shared with the analyzers so an attribute means one thing everywhere.</summary>
    internal static class Parser
    {
        internal const string AttributeNamespace = "CorsGen";
        internal const string AllowOrigins = "CorsGen.AllowOriginsAttribute";
        internal const string AllowMethods = "CorsGen.AllowMethodsAttribute";
        internal const string AllowHeaders = "CorsGen.AllowHeadersAttribute";
        internal const string ExposeHeaders = "CorsGen.ExposeHeadersAttribute";
        internal const string AllowCredentials = "CorsGen.AllowCredentialsAttribute";
        internal const string MaxAge = "CorsGen.MaxAgeAttribute";
        internal const string DisableCors = "CorsGen.DisableCorsAttribute";
        internal const string CorsPolicy = "CorsGen.CorsPolicyAttribute";
        internal const string UseCorsPolicy = "CorsGen.UseCorsPolicyAttribute";
        internal const string AllowOriginsFromConfiguration = "CorsGen.AllowOriginsFromConfigurationAttribute";
        internal const string AllowOriginPredicate = "CorsGen.AllowOriginPredicateAttribute";
        internal const string AllowPrivateNetwork = "CorsGen.AllowPrivateNetworkAttribute";
        internal const string PreflightSuccessStatus = "CorsGen.PreflightSuccessStatusAttribute";
        internal const string PreflightContinue = "CorsGen.PreflightContinueAttribute";

        /// <summary>Route attribute metadata names and the HTTP method each maps (null: read from the attribute).</summary>
        internal static readonly ImmutableArray<(string MetadataName, string? HttpMethod)> RouteAttributes = ImmutableArray.Create<(string, string?)>(
            ("CorsGen.MapGetAttribute", "GET"),
            ("CorsGen.MapPostAttribute", "POST"),
            ("CorsGen.MapPutAttribute", "PUT"),
            ("CorsGen.MapPatchAttribute", "PATCH"),
            ("CorsGen.MapDeleteAttribute", "DELETE"),
            ("CorsGen.MapMethodsAttribute", null));

        /// <summary>CORS-safelisted request-header names: always allowed (https://fetch.spec.whatwg.org/#cors-safelisted-request-header).</summary>
        internal static readonly ImmutableArray<string> SafelistedHeaders = ImmutableArray.Create("Accept", "Accept-Language", "Content-Language", "Content-Type");

        public static RouteParseResult ParseRoutes(GeneratorAttributeSyntaxContext context, string? httpMethod, CancellationToken cancellationToken) =>
            context.TargetSymbol is IMethodSymbol method
                ? ParseMethod(method, context.Attributes, httpMethod, cancellationToken)
                : Empty;

        /// <summary>One method's route attributes of one kind (all <paramref name="httpMethod"/>, or MapMethods when null).</summary>
        public static RouteParseResult ParseMethod(IMethodSymbol method, ImmutableArray<AttributeData> routeAttributes, string? httpMethod, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var diagnostics = new List<DiagnosticInfo>();
            if (method.ContainingType is not { } type)
            {
                return Empty;
            }

            var classSpec = ParseClass(type, diagnostics);
            if (!method.IsStatic || method.IsGenericMethod || method.MethodKind != MethodKind.Ordinary)
            {
                diagnostics.Add(InvalidShapes.RouteMethod(method, type));
                classSpec = null;
            }

            var policy = ParsePolicy(method, type, diagnostics);
            var routes = new List<RouteSpec>();
            foreach (var attribute in routeAttributes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var route = ParseRouteAttribute(attribute, httpMethod, diagnostics);
                if (route is { } r && classSpec is not null)
                {
                    var (handler, unsupported) = HandlerParser.Parse(method, r.Pattern, r.Methods);
                    routes.Add(new RouteSpec(classSpec, method.Name, r.Pattern, r.Methods, policy, handler, unsupported));
                }
            }

            return new RouteParseResult(
                routes.ToEquatableArray(),
                diagnostics.Count == 0 ? EquatableArray<DiagnosticInfo>.Empty : diagnostics.Distinct().ToEquatableArray());
        }

        /// <summary>A <c>[CorsPolicy]</c> class -> its policy; null (the analyzer reports why) when the class has the wrong shape.</summary>
        public static PolicyClassSpec? ParsePolicyClassTarget(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.TargetSymbol is not INamedTypeSymbol type)
            {
                return null;
            }

            var diagnostics = new List<DiagnosticInfo>();
            return ParseClass(type, diagnostics) is { } policyClass && ParsePolicyClass(type, diagnostics) is { } policy
                ? new PolicyClassSpec(policyClass, policy)
                : null;
        }

        // Names CorsGen adds to the classes it extends (the routes class, and a policy class's property and nested policy).
        private static readonly string[] GeneratedMemberNames = { "CorsGenRoutes", "CorsGenPolicy" };

        private static readonly RouteParseResult Empty = new(EquatableArray<RouteSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty);

        private static EndpointClassSpec? ParseClass(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
        {
            if (type.TypeKind != TypeKind.Class || !type.IsStatic || !IsPartial(type))
            {
                diagnostics.Add(InvalidShapes.ClassNotStaticPartial(type));
                return null;
            }

            if (type.IsGenericType)
            {
                diagnostics.Add(InvalidShapes.GenericClass(type));
                return null;
            }

            if (type.IsFileLocal)
            {
                diagnostics.Add(InvalidShapes.FileLocalClass(type));
                return null;
            }

            // The generated Map extension method is a top-level type: it must be able to name the class.
            for (ISymbol? scope = type; scope is INamedTypeSymbol named; scope = named.ContainingType)
            {
                if (named.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal or Accessibility.ProtectedOrInternal)
                {
                    diagnostics.Add(InvalidShapes.UnreachableClass(type, named));
                    return null;
                }
            }

            foreach (var clash in GeneratedMemberNames)
            {
                var members = type.GetMembers(clash);
                if (!members.IsEmpty && members.Any(m => m.DeclaringSyntaxReferences.Any(r => !r.SyntaxTree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal))))
                {
                    diagnostics.Add(InvalidShapes.GeneratedMemberClash(type, clash));
                    return null;
                }
            }

            var containing = new List<TypeDeclarationSpec>();
            var isPublic = type.DeclaredAccessibility == Accessibility.Public;
            for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                if (!IsPartial(outer) || outer.IsGenericType)
                {
                    diagnostics.Add(InvalidShapes.ContainingTypeNotPartial(type, outer));
                    return null;
                }

                isPublic &= outer.DeclaredAccessibility == Accessibility.Public;
                containing.Insert(0, new TypeDeclarationSpec(TypeKeyword(outer), outer.Name));
            }

            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
            return new EndpointClassSpec(
                ns,
                type.Name,
                type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                containing.ToEquatableArray(),
                isPublic);
        }

        private static bool IsPartial(INamedTypeSymbol type)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is TypeDeclarationSyntax declaration
                    && declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return true;
                }
            }

            return false;
        }

        private static string TypeKeyword(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => "partial record struct",
            { IsRecord: true } => "partial record",
            { TypeKind: TypeKind.Struct } => "partial struct",
            { TypeKind: TypeKind.Interface } => "partial interface",
            { IsStatic: true } => "static partial class",
            _ => "partial class",
        };

        private static (string Pattern, EquatableArray<string> Methods)? ParseRouteAttribute(
            AttributeData attribute, string? httpMethod, List<DiagnosticInfo> diagnostics)
        {
            var name = attribute.AttributeClass?.Name ?? "Map";
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length == 0 || arguments[0].Kind != TypedConstantKind.Primitive || arguments[0].Value is not string pattern)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), Short(name)));
                return null;
            }

            if (httpMethod is not null)
            {
                return (pattern, new EquatableArray<string>(ImmutableArray.Create(httpMethod)));
            }

            if (arguments.Length < 2 || ReadStrings(arguments[1]) is not { } methods || methods.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), Short(name)));
                return null;
            }

            var valid = new List<string>();
            var locations = new ArgumentLocations(attribute, skip: 1, methods.Count);
            for (var i = 0; i < methods.Count; i++)
            {
                var m = methods[i];
                if (HttpTokenRule.IsToken(m))
                {
                    if (!valid.Contains(m))
                    {
                        CheckMethodCase(m, locations, i, diagnostics);
                        valid.Add(m);
                    }
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMethodToken, locations.Of(i), m));
                }
            }

            return valid.Count == 0 ? null : (pattern, valid.ToEquatableArray());
        }

        /// <summary>
        /// The effective CORS policy of a route method; null without CORS. Per attribute kind, most
        /// specific first: the method's attribute, the method's [UseCorsPolicy] class's, the class's,
        /// the class's [UseCorsPolicy] class's.
        /// </summary>
        internal static CorsPolicySpec? ParsePolicy(IMethodSymbol method, INamedTypeSymbol type, List<DiagnosticInfo> diagnostics)
        {
            var methodAttributes = method.GetAttributes();
            if (Find(methodAttributes, DisableCors) is not null)
            {
                foreach (var attribute in methodAttributes)
                {
                    if (attribute.AttributeClass is { } c && IsCorsAttribute(c))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.DisableCorsContradiction,
                            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation(),
                            Short(c.Name),
                            method.Name));
                    }
                }

                return null;
            }

            var levels = new List<PolicyLevel>(4) { new(methodAttributes, type, method.Name) };
            if (PolicyClass(methodAttributes, diagnostics) is { } methodPolicy)
            {
                levels.Add(new PolicyLevel(methodPolicy.GetAttributes(), methodPolicy));
            }

            var classAttributes = type.GetAttributes();
            levels.Add(new PolicyLevel(classAttributes, type));
            if (PolicyClass(classAttributes, diagnostics) is { } classPolicy)
            {
                levels.Add(new PolicyLevel(classPolicy.GetAttributes(), classPolicy));
            }

            var usesPolicy = Find(methodAttributes, UseCorsPolicy) is not null || Find(classAttributes, UseCorsPolicy) is not null;
            return ParsePolicy(levels, type, usesPolicy, diagnostics);
        }

        /// <summary>The policy of a <c>[CorsPolicy]</c> class, from its own attributes (null when it has no origin attribute).</summary>
        internal static CorsPolicySpec? ParsePolicyClass(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics) =>
            ParsePolicy(new List<PolicyLevel>(1) { new(type.GetAttributes(), type) }, type, isCorsRoute: true, diagnostics);

        /// <summary>
        /// One place CORS attributes are read from, and the class that owns them (for predicates and messages);
        /// <paramref name="Method"/> names the route method when they are its own.
        /// </summary>
        internal readonly record struct PolicyLevel(ImmutableArray<AttributeData> Attributes, INamedTypeSymbol Owner, string? Method = null)
        {
            /// <summary>For messages only, so built only for them.</summary>
            public string DisplayName => Method is null ? Owner.Name : Owner.Name + "." + Method;
        }

        /// <summary>The [CorsPolicy] class named by [UseCorsPolicy] in <paramref name="attributes"/>, if any.</summary>
        internal static INamedTypeSymbol? PolicyClass(ImmutableArray<AttributeData> attributes, List<DiagnosticInfo> diagnostics)
        {
            if (Find(attributes, UseCorsPolicy) is not { } use)
            {
                return null;
            }

            if (use.ConstructorArguments.Length != 1 || use.ConstructorArguments[0].Value is not INamedTypeSymbol policy)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(use), "UseCorsPolicy"));
                return null;
            }

            if (Find(policy.GetAttributes(), CorsPolicy) is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotAPolicyClass, LocationOf(use), policy.Name));
                return null;
            }

            return policy;
        }

        private static CorsPolicySpec? ParsePolicy(List<PolicyLevel> levels, INamedTypeSymbol endpointType, bool isCorsRoute, List<DiagnosticInfo> diagnostics)
        {
            (AttributeData Attribute, PolicyLevel Level)? Effective(string name)
            {
                foreach (var level in levels)
                {
                    if (Find(level.Attributes, name) is { } attribute)
                    {
                        return (attribute, level);
                    }
                }

                return null;
            }

            var originsAttribute = Effective(AllowOrigins);
            var configurationAttribute = Effective(AllowOriginsFromConfiguration);
            var predicateAttribute = Effective(AllowOriginPredicate);
            if (originsAttribute is null && configurationAttribute is null && predicateAttribute is null && !isCorsRoute)
            {
                return null;
            }

            var credentials = Effective(AllowCredentials) is not null;
            var exact = new List<string>();
            var patterns = new List<SubdomainPatternSpec>();
            var anyOrigin = false;
            var refuseAll = false;
            if (originsAttribute is { } origins)
            {
                var (values, locations) = ReadStringArguments(origins.Attribute, diagnostics);
                foreach (var (origin, index) in values)
                {
                    var parsed = OriginSyntax.Parse(origin);
                    switch (parsed.Kind)
                    {
                        case OriginKind.Any:
                            anyOrigin = true;
                            break;
                        case OriginKind.Exact:
                            if (!exact.Contains(parsed.Value))
                            {
                                exact.Add(parsed.Value);
                            }

                            break;
                        case OriginKind.SubdomainPattern:
                            var spec = new SubdomainPatternSpec(parsed.SchemePrefix, parsed.HostSuffix, parsed.PortSuffix);
                            if (!patterns.Contains(spec))
                            {
                                patterns.Add(spec);
                            }

                            break;
                        default:
                            diagnostics.Add(DiagnosticInfo.ForValue(DiagnosticDescriptors.InvalidOrigin, locations.Of(index), origin, origin, parsed.Error ?? "it is malformed"));
                            break;
                    }
                }

                CheckWeakTrust(origins.Attribute, exact, credentials, diagnostics);
                if (anyOrigin && credentials)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.WildcardOriginWithCredentials,
                        LocationOf(origins.Attribute),
                        origins.Level.DisplayName));
                    refuseAll = true;
                }
            }

            string? configurationKey = null;
            if (configurationAttribute is { } configuration)
            {
                if (configuration.Attribute.ConstructorArguments.Length == 1 && configuration.Attribute.ConstructorArguments[0].Value is string { Length: > 0 } key)
                {
                    configurationKey = key;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.UnreadableArgument,
                        LocationOf(configuration.Attribute),
                        "AllowOriginsFromConfiguration"));
                }
            }

            var predicate = predicateAttribute is { } p ? ParsePredicate(p.Attribute, p.Level.Owner, endpointType, diagnostics) : null;
            if (predicate is not null && credentials && predicateAttribute is { } used && AlwaysReturnsTrue(used.Level.Owner, used.Attribute))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.AllowAllPredicateWithCredentials,
                    LocationOf(used.Attribute),
                    (string)used.Attribute.ConstructorArguments[0].Value!,
                    used.Level.DisplayName));
            }

            EquatableArray<string>? methods = null;
            var anyMethod = false;
            if (Effective(AllowMethods) is { } methodsAttribute)
            {
                var list = new List<string>();
                var (values, locations) = ReadStringArguments(methodsAttribute.Attribute, diagnostics);
                foreach (var (m, index) in values)
                {
                    if (m == "*")
                    {
                        anyMethod = true;
                    }
                    else if (!HttpTokenRule.IsToken(m))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidMethodToken, locations.Of(index), m));
                    }
                    else if (!list.Contains(m))
                    {
                        CheckMethodCase(m, locations, index, diagnostics);
                        list.Add(m);
                    }
                }

                methods = list.ToEquatableArray();
            }

            var headers = new List<string>();
            var anyHeader = false;
            if (Effective(AllowHeaders) is { } headersAttribute)
            {
                var (values, locations) = ReadStringArguments(headersAttribute.Attribute, diagnostics);
                foreach (var (h, index) in values)
                {
                    if (h == "*")
                    {
                        anyHeader = true;
                        if (credentials)
                        {
                            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AnyHeaderWithCredentials, locations.Of(index), headersAttribute.Level.DisplayName));
                        }
                    }
                    else if (!HttpTokenRule.IsToken(h))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHeaderName, locations.Of(index), h));
                    }
                    else
                    {
                        AddHeaderName(headers, h);
                    }
                }
            }

            var allowedHeaders = new List<string>(SafelistedHeaders.Length + headers.Count);
            foreach (var h in SafelistedHeaders)
            {
                allowedHeaders.Add(h);
            }

            foreach (var h in headers)
            {
                AddHeaderName(allowedHeaders, h);
            }

            var expose = new List<string>();
            if (Effective(ExposeHeaders) is { } exposeAttribute)
            {
                var (values, locations) = ReadStringArguments(exposeAttribute.Attribute, diagnostics);
                foreach (var (h, index) in values)
                {
                    if (!HttpTokenRule.IsToken(h))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidHeaderName, locations.Of(index), h));
                    }
                    else if (CorsRules.IsForbiddenExposeHeader(h))
                    {
                        diagnostics.Add(DiagnosticInfo.ForValue(DiagnosticDescriptors.ForbiddenExposeHeader, locations.Of(index), h, h));
                    }
                    else
                    {
                        AddHeaderName(expose, h);
                    }
                }
            }

            int? maxAge = null;
            if (Effective(MaxAge) is { } maxAgeAttribute && ReadInt(maxAgeAttribute.Attribute, "MaxAge", diagnostics) is { } seconds)
            {
                if (seconds < 0)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NegativeMaxAge, LocationOf(maxAgeAttribute.Attribute), Invariant(seconds)));
                }
                else
                {
                    if (seconds > CorsRules.ChromiumMaxAgeCap)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaxAgeAboveBrowserCap, LocationOf(maxAgeAttribute.Attribute), Invariant(seconds)));
                    }

                    maxAge = seconds;
                }
            }

            var preflightStatus = 204;
            if (Effective(PreflightSuccessStatus) is { } statusAttribute && ReadInt(statusAttribute.Attribute, "PreflightSuccessStatus", diagnostics) is { } status)
            {
                if (status is 200 or 204)
                {
                    preflightStatus = status;
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidPreflightStatus,
                        LocationOf(statusAttribute.Attribute),
                        Invariant(status)));
                }
            }

            return new CorsPolicySpec(
                exact.ToEquatableArray(),
                patterns.ToEquatableArray(),
                anyOrigin,
                methods,
                anyMethod,
                allowedHeaders.ToEquatableArray(),
                anyHeader,
                expose.ToEquatableArray(),
                credentials,
                maxAge,
                refuseAll,
                configurationKey,
                predicate,
                Effective(AllowPrivateNetwork) is not null,
                preflightStatus,
                Effective(PreflightContinue) is not null);
        }

        private static int? ReadInt(AttributeData attribute, string name, List<DiagnosticInfo> diagnostics)
        {
            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int value)
            {
                return value;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), name));
            return null;
        }

        private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // "=> true", "{ return true; }" (or !false): the textbook reflect-everything predicate.
        private static bool AlwaysReturnsTrue(INamedTypeSymbol owner, AttributeData attribute)
        {
            if (attribute.ConstructorArguments[0].Value is not string name)
            {
                return false;
            }

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
        private static OriginPredicateSpec? ParsePredicate(AttributeData attribute, INamedTypeSymbol owner, INamedTypeSymbol endpointType, List<DiagnosticInfo> diagnostics)
        {
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string { Length: > 0 } name)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), "AllowOriginPredicate"));
                return null;
            }

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

                    if (!SymbolEqualityComparer.Default.Equals(owner, endpointType) && candidate.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected)
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

        /// <summary>The metadata names of the CORS attributes (those that shape a policy): the one list of them.</summary>
        internal static readonly ImmutableArray<string> CorsAttributeMetadataNames = ImmutableArray.Create(
            AllowOrigins, AllowMethods, AllowHeaders, ExposeHeaders, AllowCredentials, MaxAge, UseCorsPolicy,
            AllowOriginsFromConfiguration, AllowOriginPredicate, AllowPrivateNetwork, PreflightSuccessStatus, PreflightContinue);

        private static readonly ImmutableHashSet<string> CorsAttributeNames =
            CorsAttributeMetadataNames.Select(n => n.Substring(AttributeNamespace.Length + 1)).ToImmutableHashSet(StringComparer.Ordinal);

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
        private static bool IsLoopback(string origin)
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

        internal static AttributeData? Find(ImmutableArray<AttributeData> attributes, string metadataName)
        {
            // Runs for every attribute kind at every lookup level of every route: compare without allocating.
            var name = metadataName.AsSpan(AttributeNamespace.Length + 1);
            foreach (var attribute in attributes)
            {
                if (attribute.AttributeClass is { } c
                    && name.SequenceEqual(c.Name.AsSpan())
                    && IsCorsGenNamespace(c.ContainingNamespace))
                {
                    return attribute;
                }
            }

            return null;
        }

        /// <summary>A CORS attribute (one that shapes a policy), as opposed to a route attribute or [DisableCors].</summary>
        internal static bool IsCorsAttribute(INamedTypeSymbol attributeClass) =>
            IsCorsGenNamespace(attributeClass.ContainingNamespace) && CorsAttributeNames.Contains(attributeClass.Name);

        private static bool IsCorsGenNamespace(INamespaceSymbol? ns) =>
            ns is { Name: AttributeNamespace, ContainingNamespace.IsGlobalNamespace: true };

        private static Location? LocationOf(AttributeData attribute) => attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();

        /// <summary>Reads a <c>params string[]</c> argument: each value with its position, for <see cref="ArgumentLocations.Of"/>.</summary>
        private static (List<(string Value, int Index)> Values, ArgumentLocations Locations) ReadStringArguments(AttributeData attribute, List<DiagnosticInfo> diagnostics)
        {
            var arguments = attribute.ConstructorArguments;
            if (arguments.Length != 1 || arguments[0].Kind != TypedConstantKind.Array || arguments[0].IsNull)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), Short(attribute.AttributeClass?.Name ?? "Attribute")));
                return (new List<(string, int)>(), new ArgumentLocations(attribute, skip: 0, count: 0));
            }

            var elements = arguments[0].Values;
            var result = new List<(string, int)>(elements.Length);
            var locations = new ArgumentLocations(attribute, skip: 0, elements.Length);
            for (var i = 0; i < elements.Length; i++)
            {
                if (elements[i].Value is string value)
                {
                    result.Add((value, i));
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, locations.Of(i), Short(attribute.AttributeClass?.Name ?? "Attribute")));
                }
            }

            return (result, locations);
        }

        /// <summary>
        /// Where the values of an attribute's <c>params string[]</c> argument are written, found only when
        /// a diagnostic asks: the parser runs for every route on every compilation change and almost never
        /// reports anything, while finding the locations was a large part of reading the attributes.
        /// </summary>
        private sealed class ArgumentLocations
        {
            private readonly AttributeData _attribute;
            private readonly int _skip;
            private readonly int _count;
            private List<Location>? _elements;
            private bool _found;

            public ArgumentLocations(AttributeData attribute, int skip, int count)
            {
                _attribute = attribute;
                _skip = skip;
                _count = count;
            }

            /// <summary>The value at <paramref name="index"/>, or the whole attribute when the syntax does not line up with the values.</summary>
            public Location? Of(int index)
            {
                if (!_found)
                {
                    _elements = ElementLocations(_attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax, _skip, _count);
                    _found = true;
                }

                return _elements?[index] ?? LocationOf(_attribute);
            }
        }

        /// <summary>
        /// Where each value of a <c>params string[]</c> argument is written, after <paramref name="skip"/>
        /// leading arguments: one argument per value, or one array / collection expression holding them.
        /// Null when the syntax does not line up with the values (then the attribute is the location).
        /// </summary>
        private static List<Location>? ElementLocations(AttributeSyntax? syntax, int skip, int count)
        {
            if (syntax?.ArgumentList?.Arguments is not { } arguments || arguments.Count <= skip)
            {
                return null;
            }

            var rest = arguments.Skip(skip).Where(a => a.NameEquals is null && a.NameColon is null).ToList();
            if (rest.Count == count && count != 1)
            {
                return rest.Select(a => a.GetLocation()).ToList();
            }

            if (rest.Count == 1)
            {
                var expressions = rest[0].Expression switch
                {
                    ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
                    ImplicitArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
                    CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
                    _ => null,
                };
                if (expressions is not null && expressions.Count == count)
                {
                    return expressions.Select(e => e.GetLocation()).ToList();
                }

                return count == 1 ? new List<Location> { rest[0].GetLocation() } : null;
            }

            return null;
        }

        // A string[] argument whose elements are all strings; else null.
        private static List<string>? ReadStrings(TypedConstant constant)
        {
            if (constant.Kind != TypedConstantKind.Array || constant.IsNull)
            {
                return null;
            }

            var list = new List<string>();
            foreach (var element in constant.Values)
            {
                if (element.Value is not string s)
                {
                    return null;
                }

                list.Add(s);
            }

            return list;
        }

        private static string Short(string attributeName) =>
            attributeName.EndsWith("Attribute", StringComparison.Ordinal) ? attributeName.Substring(0, attributeName.Length - "Attribute".Length) : attributeName;
    }
}
