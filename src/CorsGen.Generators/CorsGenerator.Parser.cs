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
    internal static partial class Parser
    {
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
            return context.TargetSymbol is INamedTypeSymbol type ? ParsePolicyClassTarget(type) : null;
        }

        /// <summary>A <c>[CorsPolicy]</c> class's spec as the pipeline has it (the surface analyzer's way in).</summary>
        public static PolicyClassSpec? ParsePolicyClassTarget(INamedTypeSymbol type)
        {
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
    }
}
