using System;
using System.Collections.Generic;
using System.Linq;
using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    /// <summary>
    /// Route handler signatures -> <see cref="HandlerSpec"/>, following minimal APIs' parameter inference,
    /// for the subset whose binding CorsGen generates without reflection. Anything else keeps the
    /// framework's reflection-based binding, and the analyzer says why (CORSGEN028) in trimmed/AOT builds.
    /// </summary>
    internal static class HandlerParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        // RequestDelegateFactory never infers a body for these (it throws at start-up instead).
        private static readonly HashSet<string> NoInferredBody = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT" };

        public static (HandlerSpec? Handler, string? Unsupported) Parse(IMethodSymbol method, string pattern, EquatableArray<string> httpMethods)
        {
            var routeParameters = RouteParameterNames(pattern);
            var parameters = new List<HandlerParameterSpec>();
            var bodies = 0;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    return (null, $"parameter '{parameter.Name}' is ref, out or params");
                }

                var (spec, problem) = ParseParameter(parameter, routeParameters, httpMethods);
                if (spec is null)
                {
                    return (null, problem);
                }

                if (spec.Source == ParameterSource.Body && ++bodies > 1)
                {
                    return (null, "it has more than one body parameter");
                }

                parameters.Add(spec);
            }

            var (result, resultType, awaitable, providesMetadata, resultProblem) = ParseReturn(method.ReturnType);
            if (resultProblem is not null)
            {
                return (null, resultProblem);
            }

            return (new HandlerSpec(
                parameters.ToEquatableArray(),
                result,
                resultType,
                awaitable,
                providesMetadata,
                method.Parameters.Select(p => p.Type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)).ToEquatableArray()), null);
        }

        private static (HandlerParameterSpec? Spec, string? Problem) ParseParameter(IParameterSymbol parameter, HashSet<string> routeParameters, EquatableArray<string> httpMethods)
        {
            var type = parameter.Type;
            var typeName = type.ToDisplayString(TypeFormat);
            var optional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValue(type);
            var defaultValue = parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : null;
            var plainType = type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            HandlerParameterSpec Make(ParameterSource source, string key = "", string? valueType = null, bool isEnum = false, bool inferred = false) =>
                new(parameter.Name, typeName, source, key, valueType ?? (source is ParameterSource.Body or ParameterSource.Service ? plainType : null), isEnum, optional, defaultValue, inferred);

            foreach (var attribute in parameter.GetAttributes())
            {
                var interfaces = attribute.AttributeClass?.AllInterfaces.Select(i => i.ToDisplayString()).ToList() ?? new List<string>();
                string NameOr(string fallback) => attribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string ?? fallback;
                if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata"))
                {
                    return Simple(ParameterSource.Route, NameOr(parameter.Name));
                }

                if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata"))
                {
                    return Simple(ParameterSource.Query, NameOr(parameter.Name));
                }

                if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata"))
                {
                    return Simple(ParameterSource.Header, NameOr(parameter.Name));
                }

                if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata"))
                {
                    return attribute.AttributeClass?.Name == "FromKeyedServicesAttribute"
                        ? (null, $"parameter '{parameter.Name}' uses keyed services")
                        : (Make(ParameterSource.Service), null);
                }

                if (interfaces.Contains("Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata"))
                {
                    return IsSimple(type, out _, out _) || IsSpecial(type) is not null
                        ? (null, $"body parameter '{parameter.Name}' has a simple type")
                        : (Make(ParameterSource.Body), null);
                }

                if (interfaces.Any(i => i.StartsWith("Microsoft.AspNetCore.Http.Metadata.IFrom", StringComparison.Ordinal))
                    || attribute.AttributeClass?.Name == "AsParametersAttribute")
                {
                    return (null, $"parameter '{parameter.Name}' binds from a source CorsGen does not generate ([{attribute.AttributeClass?.Name}])");
                }
            }

            if (IsSpecial(type) is { } special)
            {
                return (Make(special), null);
            }

            if (HasCustomBinding(type))
            {
                return (null, $"parameter '{parameter.Name}' has a type with its own BindAsync or endpoint metadata");
            }

            if (IsSimple(type, out _, out _))
            {
                return Simple(routeParameters.Contains(parameter.Name) ? ParameterSource.Route : ParameterSource.Query, parameter.Name);
            }

            if (type.TypeKind is TypeKind.Interface || type.IsAbstract)
            {
                return (Make(ParameterSource.Service), null);
            }

            if (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.Delegate or TypeKind.TypeParameter)
            {
                return (null, $"parameter '{parameter.Name}' has type {typeName}, which CorsGen does not bind");
            }

            // A complex type: a service when the container knows it (decided at start-up), else the JSON body.
            return httpMethods.Any(m => !NoInferredBody.Contains(m))
                ? (Make(ParameterSource.Body, inferred: true), null)
                : (Make(ParameterSource.Service), null);

            (HandlerParameterSpec?, string?) Simple(ParameterSource source, string key)
            {
                if (!IsSimple(type, out var valueType, out var isEnum))
                {
                    return (null, $"parameter '{parameter.Name}' of type {typeName} cannot be parsed from a string");
                }

                return (Make(source, key, valueType, isEnum), null);
            }
        }

        private static ParameterSource? IsSpecial(ITypeSymbol type) => type.ToDisplayString() switch
        {
            "Microsoft.AspNetCore.Http.HttpContext" => ParameterSource.HttpContext,
            "Microsoft.AspNetCore.Http.HttpRequest" => ParameterSource.HttpRequest,
            "Microsoft.AspNetCore.Http.HttpResponse" => ParameterSource.HttpResponse,
            "System.Threading.CancellationToken" => ParameterSource.CancellationToken,
            "System.Security.Claims.ClaimsPrincipal" => ParameterSource.User,
            _ => null,
        };

        // string, enums and IParsable<T> types (int, Guid, DateTime, ...), or Nullable<T> of them. valueType is what to parse.
        private static bool IsSimple(ITypeSymbol type, out string? valueType, out bool isEnum)
        {
            var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
            valueType = underlying.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            isEnum = underlying.TypeKind == TypeKind.Enum;
            if (underlying.SpecialType == SpecialType.System_String)
            {
                valueType = null;
                return true;
            }

            return isEnum || underlying.AllInterfaces.Any(i =>
                i.OriginalDefinition.ToDisplayString() == "System.IParsable<TSelf>"
                && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], underlying));
        }

        private static bool IsNullableValue(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        private static bool HasCustomBinding(ITypeSymbol type) =>
            type.GetMembers("BindAsync").Any(m => m.IsStatic)
            || type.AllInterfaces.Any(i => i.ToDisplayString() is "Microsoft.AspNetCore.Http.Metadata.IEndpointParameterMetadataProvider" or "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider"
                || i.OriginalDefinition.ToDisplayString() == "Microsoft.AspNetCore.Http.IBindableFromHttpContext<TSelf>");

        private static string DefaultLiteral(IParameterSymbol parameter) =>
            parameter.ExplicitDefaultValue is null
                ? "default"
                : parameter.Type.TypeKind == TypeKind.Enum
                    ? $"({parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)}){SymbolDisplay.FormatPrimitive(parameter.ExplicitDefaultValue, quoteStrings: true, useHexadecimalNumbers: false)}"
                    : SymbolDisplay.FormatPrimitive(parameter.ExplicitDefaultValue, quoteStrings: true, useHexadecimalNumbers: false) switch
                    {
                        var literal when parameter.ExplicitDefaultValue is float => literal + "F",
                        var literal when parameter.ExplicitDefaultValue is decimal => literal + "M",
                        var literal when parameter.ExplicitDefaultValue is long => literal + "L",
                        var literal => literal,
                    };

        private static (ResultKind Kind, string? Type, bool Awaitable, bool ProvidesMetadata, string? Problem) ParseReturn(ITypeSymbol type)
        {
            var awaitable = false;
            var name = type.OriginalDefinition.ToDisplayString();
            if (type.SpecialType == SpecialType.System_Void || name is "System.Threading.Tasks.Task" or "System.Threading.Tasks.ValueTask")
            {
                return (ResultKind.None, null, name != "void", false, null);
            }

            if (name is "System.Threading.Tasks.Task<TResult>" or "System.Threading.Tasks.ValueTask<TResult>")
            {
                awaitable = true;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return (ResultKind.Text, null, awaitable, false, null);
            }

            var typeName = type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (type.ToDisplayString() == "Microsoft.AspNetCore.Http.IResult" || type.AllInterfaces.Any(i => i.ToDisplayString() == "Microsoft.AspNetCore.Http.IResult"))
            {
                var provides = type.AllInterfaces.Any(i => i.ToDisplayString() == "Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider");
                return (ResultKind.Result, typeName, awaitable, provides, null);
            }

            if (type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Interface
                || type.OriginalDefinition.ToDisplayString() is "System.Collections.Generic.IAsyncEnumerable<T>")
            {
                return (ResultKind.None, null, false, false, $"it returns {type.ToDisplayString()}, whose JSON shape is only known at run time");
            }

            return (ResultKind.Json, typeName, awaitable, false, null);
        }

        // {id}, {id:int}, {id?}, {*rest}, {**rest}, {id=5}
        internal static HashSet<string> RouteParameterNames(string pattern)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var start = -1;
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '{' && (i + 1 >= pattern.Length || pattern[i + 1] != '{'))
                {
                    start = i + 1;
                }
                else if (pattern[i] == '}' && start >= 0)
                {
                    var inner = pattern.Substring(start, i - start).TrimStart('*');
                    var end = inner.IndexOfAny(new[] { ':', '=', '?' });
                    names.Add(end < 0 ? inner : inner.Substring(0, end));
                    start = -1;
                }
            }

            return names;
        }
    }
}
