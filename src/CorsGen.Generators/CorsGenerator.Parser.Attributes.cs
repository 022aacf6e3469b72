using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // The attribute reader: finding CorsGen's attributes and reading their arguments, with the locations
    // a diagnostic needs looked up only when one is reported.
    internal static partial class Parser
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
        internal const string AllowOriginValidator = "CorsGen.AllowOriginValidatorAttribute";
        internal const string AllowPrivateNetwork = "CorsGen.AllowPrivateNetworkAttribute";
        internal const string PreflightSuccessStatus = "CorsGen.PreflightSuccessStatusAttribute";
        internal const string PreflightContinue = "CorsGen.PreflightContinueAttribute";

        /// <summary>The metadata names of the CORS attributes (those that shape a policy): the one list of them.</summary>
        internal static readonly ImmutableArray<string> CorsAttributeMetadataNames = ImmutableArray.Create(
            AllowOrigins, AllowMethods, AllowHeaders, ExposeHeaders, AllowCredentials, MaxAge, UseCorsPolicy,
            AllowOriginsFromConfiguration, AllowOriginPredicate, AllowOriginValidator, AllowPrivateNetwork, PreflightSuccessStatus, PreflightContinue);

        private static readonly ImmutableHashSet<string> CorsAttributeNames =
            CorsAttributeMetadataNames.Select(n => n.Substring(AttributeNamespace.Length + 1)).ToImmutableHashSet(StringComparer.Ordinal);

        /// <summary>
        /// The pipeline's way of recognising CorsGen's attributes: by name and namespace, with no compilation at hand,
        /// so the parser's output stays cacheable. The analyzers and fixes resolve the symbols instead (WellKnownTypes).
        /// </summary>
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
    }
}
