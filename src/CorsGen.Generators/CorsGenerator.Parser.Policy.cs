using System.Collections.Generic;
using System.Collections.Immutable;
using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // Policy checks: where a route's CORS attributes come from (method, its policy class, class, the class's
    // policy class), and the composition of one reader per attribute kind (CorsGenerator.Parser.Readers.cs).
    internal static partial class Parser
    {
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
            var originsAttribute = Effective(levels, AllowOrigins);
            var configurationAttribute = Effective(levels, AllowOriginsFromConfiguration);
            var predicateAttribute = Effective(levels, AllowOriginPredicate);
            var validatorAttribute = Effective(levels, AllowOriginValidator);
            if (originsAttribute is null && configurationAttribute is null && predicateAttribute is null && validatorAttribute is null && !isCorsRoute)
            {
                return null;
            }

            var credentials = Effective(levels, AllowCredentials) is not null;
            var origins = ReadOrigins(originsAttribute, credentials, diagnostics);
            var configurationKey = ReadConfigurationKey(configurationAttribute, diagnostics);
            var predicate = ReadPredicate(predicateAttribute, endpointType, credentials, diagnostics);
            var validator = ReadValidator(validatorAttribute, origins.Any, diagnostics);
            var (methods, anyMethod) = ReadMethods(Effective(levels, AllowMethods), diagnostics);
            var (headers, anyHeader) = ReadAllowHeaders(Effective(levels, AllowHeaders), credentials, diagnostics);
            var expose = ReadExposeHeaders(Effective(levels, ExposeHeaders), diagnostics);
            var maxAge = ReadMaxAge(Effective(levels, MaxAge), diagnostics);
            var preflightStatus = ReadPreflightStatus(Effective(levels, PreflightSuccessStatus), diagnostics);
            return new CorsPolicySpec(
                origins.Exact.ToEquatableArray(),
                origins.Patterns.ToEquatableArray(),
                origins.Any,
                methods,
                anyMethod,
                headers,
                anyHeader,
                expose,
                credentials,
                maxAge,
                origins.RefuseAll,
                configurationKey,
                predicate,
                Effective(levels, AllowPrivateNetwork) is not null,
                preflightStatus,
                Effective(levels, PreflightContinue) is not null,
                validator);
        }

        /// <summary>The most specific attribute of one kind, and the level it was found at.</summary>
        private readonly record struct EffectiveAttribute(AttributeData Attribute, PolicyLevel Level);

        private static EffectiveAttribute? Effective(List<PolicyLevel> levels, string metadataName)
        {
            foreach (var level in levels)
            {
                if (Find(level.Attributes, metadataName) is { } attribute)
                {
                    return new EffectiveAttribute(attribute, level);
                }
            }

            return null;
        }
    }
}
