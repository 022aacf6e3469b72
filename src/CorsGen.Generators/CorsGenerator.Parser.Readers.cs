using System.Collections.Generic;
using CorsGen.Generators.Model;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // One reader per CORS attribute kind: each reads its attribute's arguments, reports what is wrong with
    // them, and returns its part of the CorsPolicySpec. ParsePolicy composes them.
    internal static partial class Parser
    {
        private readonly record struct OriginsPart(List<string> Exact, List<SubdomainPatternSpec> Patterns, bool Any, bool RefuseAll)
        {
            public static OriginsPart None => new(new List<string>(), new List<SubdomainPatternSpec>(), Any: false, RefuseAll: false);
        }

        /// <summary>[AllowOrigins]: exact origins and subdomain patterns; "*" with credentials refuses every origin.</summary>
        private static OriginsPart ReadOrigins(EffectiveAttribute? effective, bool credentials, List<DiagnosticInfo> diagnostics)
        {
            var part = OriginsPart.None;
            if (effective is not { } origins)
            {
                return part;
            }

            var anyOrigin = false;
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
                        AddOnce(part.Exact, parsed.Value);
                        break;
                    case OriginKind.SubdomainPattern:
                        AddOnce(part.Patterns, new SubdomainPatternSpec(parsed.SchemePrefix, parsed.HostSuffix, parsed.PortSuffix));
                        if (credentials && SharedHostingSuffixes.Find(parsed.HostSuffix.Substring(1)) is { } suffix)
                        {
                            diagnostics.Add(DiagnosticInfo.ForValue(DiagnosticDescriptors.SharedHostingSuffixWithCredentials, locations.Of(index), origin, origin, suffix));
                        }

                        break;
                    default:
                        diagnostics.Add(DiagnosticInfo.ForValue(DiagnosticDescriptors.InvalidOrigin, locations.Of(index), origin, origin, parsed.Error ?? "it is malformed"));
                        break;
                }
            }

            CheckWeakTrust(origins.Attribute, part.Exact, credentials, diagnostics);
            var refuseAll = anyOrigin && credentials;
            if (refuseAll)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WildcardOriginWithCredentials, LocationOf(origins.Attribute), origins.Level.DisplayName));
            }

            return part with { Any = anyOrigin, RefuseAll = refuseAll };
        }

        /// <summary>[AllowOriginsFromConfiguration]: the configuration key.</summary>
        private static string? ReadConfigurationKey(EffectiveAttribute? effective, List<DiagnosticInfo> diagnostics)
        {
            if (effective is not { Attribute: var attribute })
            {
                return null;
            }

            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string { Length: > 0 } key)
            {
                return key;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(attribute), "AllowOriginsFromConfiguration"));
            return null;
        }

        /// <summary>[AllowOriginPredicate]: the method to call; an always-true one with credentials is an error.</summary>
        private static OriginPredicateSpec? ReadPredicate(EffectiveAttribute? effective, INamedTypeSymbol endpointType, bool credentials, List<DiagnosticInfo> diagnostics)
        {
            if (effective is not { } used)
            {
                return null;
            }

            if (PredicateTarget(used.Attribute, used.Level.Owner) is not { } target)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnreadableArgument, LocationOf(used.Attribute), "AllowOriginPredicate"));
                return null;
            }

            var predicate = ParsePredicate(target.Owner, target.Name, used.Attribute, endpointType, diagnostics);
            if (predicate is not null && credentials && AlwaysReturnsTrue(target.Owner, target.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.AllowAllPredicateWithCredentials,
                    LocationOf(used.Attribute),
                    target.Name,
                    used.Level.DisplayName));
            }

            return predicate;
        }

        /// <summary>[AllowMethods]: the methods (null without the attribute) and whether "*" is among them.</summary>
        private static (EquatableArray<string>? Methods, bool Any) ReadMethods(EffectiveAttribute? effective, List<DiagnosticInfo> diagnostics)
        {
            if (effective is not { Attribute: var attribute })
            {
                return (null, false);
            }

            var list = new List<string>();
            var anyMethod = false;
            var (values, locations) = ReadStringArguments(attribute, diagnostics);
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

            return (list.ToEquatableArray(), anyMethod);
        }

        /// <summary>[AllowHeaders]: the safelisted names followed by the listed ones, and whether "*" is among them.</summary>
        private static (EquatableArray<string> Headers, bool Any) ReadAllowHeaders(EffectiveAttribute? effective, bool credentials, List<DiagnosticInfo> diagnostics)
        {
            var headers = new List<string>();
            var anyHeader = false;
            if (effective is { } headersAttribute)
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
            allowedHeaders.AddRange(SafelistedHeaders);
            foreach (var h in headers)
            {
                AddHeaderName(allowedHeaders, h);
            }

            return (allowedHeaders.ToEquatableArray(), anyHeader);
        }

        /// <summary>[ExposeHeaders]: the names browsers may expose (forbidden ones are left out).</summary>
        private static EquatableArray<string> ReadExposeHeaders(EffectiveAttribute? effective, List<DiagnosticInfo> diagnostics)
        {
            var expose = new List<string>();
            if (effective is { Attribute: var attribute })
            {
                var (values, locations) = ReadStringArguments(attribute, diagnostics);
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

            return expose.ToEquatableArray();
        }

        /// <summary>[MaxAge]: seconds, 0 or more; above the browser cap is only noted.</summary>
        private static int? ReadMaxAge(EffectiveAttribute? effective, List<DiagnosticInfo> diagnostics)
        {
            if (effective is not { Attribute: var attribute } || ReadInt(attribute, "MaxAge", diagnostics) is not { } seconds)
            {
                return null;
            }

            if (seconds < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NegativeMaxAge, LocationOf(attribute), Invariant(seconds)));
                return null;
            }

            if (seconds > CorsRules.ChromiumMaxAgeCap)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MaxAgeAboveBrowserCap, LocationOf(attribute), Invariant(seconds)));
            }

            return seconds;
        }

        /// <summary>[PreflightSuccessStatus]: 200 or 204 (the default).</summary>
        private static int ReadPreflightStatus(EffectiveAttribute? effective, List<DiagnosticInfo> diagnostics)
        {
            if (effective is not { Attribute: var attribute } || ReadInt(attribute, "PreflightSuccessStatus", diagnostics) is not { } status)
            {
                return 204;
            }

            if (status is 200 or 204)
            {
                return status;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidPreflightStatus, LocationOf(attribute), Invariant(status)));
            return 204;
        }

        private static void AddOnce<T>(List<T> list, T value)
        {
            if (!list.Contains(value))
            {
                list.Add(value);
            }
        }
    }
}
