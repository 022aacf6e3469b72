using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CorsGen.Generators.Model;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // The compiled policy classes: settings, origin matcher, header matcher, and the summary that describes them.
    internal static partial class Emitter
    {
        /// <summary>A sealed <c>CompiledCorsPolicy</c> subclass: the settings as constants, the origin and header matchers as code.</summary>
        private static void EmitPolicyClass(SourceWriter w, string className, string name, CorsPolicySpec spec, EquatableArray<string>? allowedMethods)
        {
            w.Line();
            w.Line($"/// <summary>{Xml(Describe(spec, allowedMethods))}</summary>");
            w.Open($"private sealed class {className} : global::CorsGen.CompiledCorsPolicy");
            w.Line($"internal static readonly {className} Instance = new {className}();");
            w.Line();
            w.Line($"private {className}()");
            using (w.Indented())
            {
                w.Line(": base(new global::CorsGen.CompiledCorsPolicySettings");
                w.Line("{");
                using (w.Indented())
                {
                    foreach (var setting in Settings(name, spec, allowedMethods))
                    {
                        w.Line(setting + ",");
                    }
                }

                w.Line("})");
            }

            w.Line("{");
            w.Line("}");
            EmitOriginMatcher(w, spec);
            EmitHeaderMatcher(w, spec);
            w.Close();
        }

        /// <summary>The <c>CompiledCorsPolicySettings</c> initializers: one line per CORS attribute kind that is set.</summary>
        private static List<string> Settings(string name, CorsPolicySpec spec, EquatableArray<string>? allowedMethods)
        {
            var settings = new List<string> { $"Name = {Literal(name)}" };
            if (spec.AnyOrigin)
            {
                settings.Add("AllowAnyOrigin = true");
            }

            if (spec.RefuseAll)
            {
                settings.Add("RefuseAll = true");
            }

            // What the compiled matcher allows, for the CORS surface at run time (CorsSurface.Describe); matching never reads it.
            if (spec.ExactOrigins.Count > 0)
            {
                settings.Add($"AllowedOrigins = {StringArray(spec.ExactOrigins)}");
            }

            if (spec.SubdomainPatterns.Count > 0)
            {
                settings.Add($"OriginPatterns = {StringArray(spec.SubdomainPatterns.Select(p => p.Written))}");
            }

            if (spec.OriginsConfigurationKey is { } key)
            {
                settings.Add($"OriginsConfigurationKey = {Literal(key)}");
            }

            if (spec.OriginPredicate is { } predicate)
            {
                settings.Add(predicate.TakesSpan
                    ? $"OriginPredicate = static origin => {predicate.Method}(global::System.MemoryExtensions.AsSpan(origin))"
                    : $"OriginPredicate = static origin => {predicate.Method}(origin)");
                settings.Add($"OriginPredicateName = {Literal(predicate.Method.Replace("global::", string.Empty))}");
            }

            if (spec.AnyMethod)
            {
                settings.Add("AllowAnyMethod = true");
            }
            else if (allowedMethods is { } methods)
            {
                settings.Add($"AllowedMethods = {StringArray(methods)}");
            }

            if (spec.AnyHeader)
            {
                settings.Add("AllowAnyHeader = true");
            }
            else
            {
                settings.Add($"AllowedHeaders = {StringArray(spec.Headers)}");
            }

            if (spec.ExposeHeaders.Count > 0)
            {
                settings.Add($"ExposedHeaders = {StringArray(spec.ExposeHeaders)}");
            }

            if (spec.AllowCredentials)
            {
                settings.Add("AllowCredentials = true");
            }

            if (spec.MaxAgeSeconds is { } maxAge)
            {
                settings.Add($"MaxAgeSeconds = {maxAge.ToString(CultureInfo.InvariantCulture)}");
            }

            if (spec.AllowPrivateNetwork)
            {
                settings.Add("AllowPrivateNetwork = true");
            }

            if (spec.PreflightSuccessStatus != 204)
            {
                settings.Add($"PreflightSuccessStatusCode = {spec.PreflightSuccessStatus.ToString(CultureInfo.InvariantCulture)}");
            }

            if (spec.PreflightContinue)
            {
                settings.Add("PreflightContinue = true");
            }

            return settings;
        }

        private static void EmitOriginMatcher(SourceWriter w, CorsPolicySpec spec)
        {
            w.Line();
            w.Line("/// <summary>Ordinal, byte-for-byte comparison with the allowed serialized origins.</summary>");
            w.Open("public override bool IsCompiledOriginAllowed(string origin)");
            var exactMatcher = spec.ExactOrigins.Count > 0 && !spec.AnyOrigin && !spec.RefuseAll;
            if (spec.AnyOrigin && !spec.RefuseAll)
            {
                w.Line("return true;");
            }
            else if (spec.RefuseAll)
            {
                w.Line("return false;");
            }
            else
            {
                var tests = (exactMatcher ? new[] { "IsExactOrigin(origin)" } : Array.Empty<string>())
                    .Concat(spec.SubdomainPatterns.Select(p =>
                        $"global::CorsGen.OriginPatterns.IsSubdomainMatch(origin, {Literal(p.SchemePrefix)}, {Literal(p.HostSuffix)}, {Literal(p.PortSuffix)})"))
                    .DefaultIfEmpty("false")
                    .ToList();
                WriteReturnAny(w, tests, string.Empty);
            }

            w.Close();
            if (exactMatcher)
            {
                w.Line();
                w.Line("/// <summary>Byte-for-byte: the characters that tell the origins apart are switched on first, then one ordinal comparison.</summary>");
                w.Open("private static bool IsExactOrigin(string origin)");
                if (spec.ExactOrigins.Count == 1)
                {
                    w.Line($"return string.Equals(origin, {Literal(spec.ExactOrigins[0])});");
                }
                else
                {
                    WriteLengthSwitch(w, "origin", spec.ExactOrigins, ignoreAsciiCase: false);
                }

                w.Close();
            }
        }

        private static void EmitHeaderMatcher(SourceWriter w, CorsPolicySpec spec)
        {
            w.Line();
            w.Open($"public override bool AreHeadersAllowed({StringValuesType} requestHeaders)");
            if (spec.AnyHeader)
            {
                // Any name is allowed, but only a well-formed list is echoed.
                w.Line("return global::CorsGen.HttpTokens.IsTokenList(requestHeaders);");
                w.Close();
            }
            else
            {
                w.Open("foreach (var name in new global::CorsGen.HeaderList(requestHeaders))");
                w.Open("if (!IsHeaderAllowed(name))");
                w.Line("return false;");
                w.Close();
                w.Close();
                w.Line();
                w.Line("return true;");
                w.Close();
                w.Line();
                w.Line("/// <summary>ASCII case-insensitive, as the Fetch standard compares header names.</summary>");
                w.Open("private static bool IsHeaderAllowed(global::System.ReadOnlySpan<char> name)");
                WriteLengthSwitch(w, "name", spec.Headers, ignoreAsciiCase: true);
                w.Close();
            }
        }

        private static string Describe(CorsPolicySpec spec, EquatableArray<string>? allowedMethods)
        {
            var origins = new List<string>();
            if (spec.AnyOrigin)
            {
                origins.Add("*");
            }

            origins.AddRange(spec.ExactOrigins);
            origins.AddRange(spec.SubdomainPatterns.Select(p => p.Written));
            if (spec.OriginsConfigurationKey is { } key)
            {
                origins.Add("configuration '" + key + "'");
            }

            if (spec.OriginPredicate is { } predicate)
            {
                origins.Add(predicate.Method.Replace("global::", string.Empty) + "()");
            }

            var text = "Origins " + (origins.Count == 0 ? "(none)" : string.Join(", ", origins))
                + "; methods " + (spec.AnyMethod ? "*" : allowedMethods is { } methods ? string.Join(", ", methods) : "as mapped")
                + "; headers " + (spec.AnyHeader ? "*" : string.Join(", ", spec.Headers));
            if (spec.ExposeHeaders.Count > 0)
            {
                text += "; exposes " + string.Join(", ", spec.ExposeHeaders);
            }

            if (spec.AllowCredentials)
            {
                text += "; credentials";
            }

            if (spec.MaxAgeSeconds is { } maxAge)
            {
                text += "; max-age " + maxAge.ToString(CultureInfo.InvariantCulture) + " s";
            }

            if (spec.AllowPrivateNetwork)
            {
                text += "; private network";
            }

            return text + (spec.RefuseAll ? " (refuses every origin: see CORSGEN002)." : ".");
        }
    }
}
