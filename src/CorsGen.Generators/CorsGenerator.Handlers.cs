using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
    /// <remarks>
    /// This runs for every route whenever the compilation changes (even for an edit inside a method body),
    /// so well-known types are recognised by name and namespace, without display strings or LINQ.
    /// </remarks>
    internal static class HandlerParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        // RequestDelegateFactory never infers a body for these (it throws at start-up instead).
        private static readonly HashSet<string> NoInferredBody = new(StringComparer.OrdinalIgnoreCase) { "GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT" };

        private const string HttpNamespace = "Microsoft.AspNetCore.Http";
        private const string MetadataNamespace = "Microsoft.AspNetCore.Http.Metadata";
        private const string TasksNamespace = "System.Threading.Tasks";

        /// <summary>The binding-source metadata interfaces (IFrom*Metadata) a parameter attribute implements.</summary>
        [Flags]
        private enum BindingSources
        {
            None = 0,
            Route = 1,
            Query = 2,
            Header = 4,
            Service = 8,
            Body = 16,
            Other = 32,
        }

        public static (HandlerSpec? Handler, string? Unsupported) Parse(IMethodSymbol method, string pattern, EquatableArray<string> httpMethods)
        {
            var methodParameters = method.Parameters;
            var parameters = EquatableArray<HandlerParameterSpec>.Empty;
            var parameterTypes = EquatableArray<string>.Empty;
            if (!methodParameters.IsEmpty)
            {
                var specs = ImmutableArray.CreateBuilder<HandlerParameterSpec>(methodParameters.Length);
                var types = ImmutableArray.CreateBuilder<string>(methodParameters.Length);
                var bodies = 0;
                foreach (var parameter in methodParameters)
                {
                    if (parameter.RefKind != RefKind.None || parameter.IsParams)
                    {
                        return (null, $"parameter '{parameter.Name}' is ref, out or params");
                    }

                    // The type without its top-level '?': the delegate's signature, and what services and bodies bind.
                    var plainType = parameter.Type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                    var (spec, problem) = ParseParameter(parameter, plainType, pattern, httpMethods);
                    if (spec is null)
                    {
                        return (null, problem);
                    }

                    if (spec.Source == ParameterSource.Body && ++bodies > 1)
                    {
                        return (null, "it has more than one body parameter");
                    }

                    specs.Add(spec);
                    types.Add(plainType);
                }

                parameters = new EquatableArray<HandlerParameterSpec>(specs.MoveToImmutable());
                parameterTypes = new EquatableArray<string>(types.MoveToImmutable());
            }

            var (result, resultType, awaitable, providesMetadata, resultProblem) = ParseReturn(method.ReturnType);
            if (resultProblem is not null)
            {
                return (null, resultProblem);
            }

            return (new HandlerSpec(parameters, result, resultType, awaitable, providesMetadata, parameterTypes), null);
        }

        private static (HandlerParameterSpec? Spec, string? Problem) ParseParameter(IParameterSymbol parameter, string plainType, string pattern, EquatableArray<string> httpMethods)
        {
            var type = parameter.Type;
            // Without type arguments the only '?' TypeFormat can add is a top-level one: unannotated, both formats agree.
            var typeName = type.NullableAnnotation != NullableAnnotation.Annotated && type is INamedTypeSymbol { IsGenericType: false }
                ? plainType
                : type.ToDisplayString(TypeFormat);
            var facts = new ParameterFacts(parameter, plainType, typeName);
            foreach (var attribute in parameter.GetAttributes())
            {
                if (FromAttribute(attribute, facts) is { } bound)
                {
                    return bound;
                }
            }

            if (IsSpecial(type) is { } special)
            {
                return (facts.Make(special), null);
            }

            if (HasCustomBinding(type))
            {
                return (null, $"parameter '{parameter.Name}' has a type with its own BindAsync or endpoint metadata");
            }

            if (IsSimple(type))
            {
                return facts.Parsed(IsRouteParameter(pattern, parameter.Name) ? ParameterSource.Route : ParameterSource.Query, parameter.Name);
            }

            if (type.TypeKind is TypeKind.Interface || type.IsAbstract)
            {
                return (facts.Make(ParameterSource.Service), null);
            }

            if (type is IArrayTypeSymbol || type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.Delegate or TypeKind.TypeParameter)
            {
                return (null, $"parameter '{parameter.Name}' has type {typeName}, which CorsGen does not bind");
            }

            // A complex type: a service when the container knows it (decided at start-up), else the JSON body.
            return InfersBody(httpMethods)
                ? (facts.Make(ParameterSource.Body, inferred: true), null)
                : (facts.Make(ParameterSource.Service), null);
        }

        /// <summary>The binding one of a parameter's attributes names ([FromRoute], [FromServices], ...); null when it names none.</summary>
        private static (HandlerParameterSpec? Spec, string? Problem)? FromAttribute(AttributeData attribute, ParameterFacts facts)
        {
            var parameter = facts.Parameter;
            // [FromKeyedServices] implements none of the IFrom*Metadata contracts; bound as a plain service it would lose its key.
            if (attribute.AttributeClass is { } attributeClass && Is(attributeClass, "Microsoft.Extensions.DependencyInjection", "FromKeyedServicesAttribute"))
            {
                return (null, $"parameter '{parameter.Name}' uses keyed services");
            }

            var sources = SourcesOf(attribute.AttributeClass);
            if ((sources & BindingSources.Route) != 0)
            {
                return facts.Simple(ParameterSource.Route, NameOr(attribute, parameter.Name));
            }

            if ((sources & BindingSources.Query) != 0)
            {
                return facts.Simple(ParameterSource.Query, NameOr(attribute, parameter.Name));
            }

            if ((sources & BindingSources.Header) != 0)
            {
                return facts.Simple(ParameterSource.Header, NameOr(attribute, parameter.Name));
            }

            if ((sources & BindingSources.Service) != 0)
            {
                return (facts.Make(ParameterSource.Service), null);
            }

            if ((sources & BindingSources.Body) != 0)
            {
                return IsSimple(parameter.Type) || IsSpecial(parameter.Type) is not null
                    ? (null, $"body parameter '{parameter.Name}' has a simple type")
                    : (facts.Make(ParameterSource.Body), null);
            }

            if (sources != BindingSources.None || attribute.AttributeClass?.Name == "AsParametersAttribute")
            {
                return (null, $"parameter '{parameter.Name}' binds from a source CorsGen does not generate ([{attribute.AttributeClass?.Name}])");
            }

            return null;
        }

        /// <summary>What every binding of one parameter is made of: its name, type, optionality and default.</summary>
        private readonly struct ParameterFacts
        {
            private readonly string _plainType;
            private readonly string _typeName;
            private readonly bool _optional;
            private readonly string? _defaultValue;

            public ParameterFacts(IParameterSymbol parameter, string plainType, string typeName)
            {
                Parameter = parameter;
                _plainType = plainType;
                _typeName = typeName;
                _optional = parameter.HasExplicitDefaultValue || parameter.NullableAnnotation == NullableAnnotation.Annotated || IsNullableValue(parameter.Type);
                _defaultValue = parameter.HasExplicitDefaultValue ? DefaultLiteral(parameter) : null;
            }

            public IParameterSymbol Parameter { get; }

            public HandlerParameterSpec Make(ParameterSource source, string key = "", string? valueType = null, bool isEnum = false, bool inferred = false) =>
                new(Parameter.Name, _typeName, source, key, valueType ?? (source is ParameterSource.Body or ParameterSource.Service ? _plainType : null), isEnum, _optional, _defaultValue, inferred);

            public (HandlerParameterSpec?, string?) Simple(ParameterSource source, string key) =>
                IsSimple(Parameter.Type) ? Parsed(source, key) : (null, $"parameter '{Parameter.Name}' of type {_typeName} cannot be parsed from a string");

            public (HandlerParameterSpec?, string?) Parsed(ParameterSource source, string key)
            {
                // What to parse: the type itself, or T of a Nullable<T>; strings need no parsing.
                var type = Parameter.Type;
                var underlying = Underlying(type);
                var valueType = underlying.SpecialType == SpecialType.System_String
                    ? null
                    : ReferenceEquals(underlying, type) ? _plainType : underlying.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                return (Make(source, key, valueType, underlying.TypeKind == TypeKind.Enum), null);
            }
        }

        private static BindingSources SourcesOf(INamedTypeSymbol? attributeClass)
        {
            var sources = BindingSources.None;
            if (attributeClass is null)
            {
                return sources;
            }

            foreach (var contract in attributeClass.AllInterfaces)
            {
                if (contract.ContainingType is null && contract.Name.StartsWith("IFrom", StringComparison.Ordinal) && IsNamespace(contract.ContainingNamespace, MetadataNamespace))
                {
                    sources |= contract.Arity != 0 ? BindingSources.Other : contract.Name switch
                    {
                        "IFromRouteMetadata" => BindingSources.Route,
                        "IFromQueryMetadata" => BindingSources.Query,
                        "IFromHeaderMetadata" => BindingSources.Header,
                        "IFromServiceMetadata" => BindingSources.Service,
                        "IFromBodyMetadata" => BindingSources.Body,
                        _ => BindingSources.Other,
                    };
                }
            }

            return sources;
        }

        // The attribute's Name argument ([FromQuery(Name = "p")]), else the parameter's name.
        private static string NameOr(AttributeData attribute, string fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Name")
                {
                    return argument.Value.Value as string ?? fallback;
                }
            }

            return fallback;
        }

        private static bool InfersBody(EquatableArray<string> httpMethods)
        {
            foreach (var method in httpMethods)
            {
                if (!NoInferredBody.Contains(method))
                {
                    return true;
                }
            }

            return false;
        }

        private static ParameterSource? IsSpecial(ITypeSymbol type) =>
            type is INamedTypeSymbol { Arity: 0, ContainingType: null } named && type.NullableAnnotation != NullableAnnotation.Annotated
                ? named.Name switch
                {
                    "HttpContext" when IsNamespace(named.ContainingNamespace, HttpNamespace) => ParameterSource.HttpContext,
                    "HttpRequest" when IsNamespace(named.ContainingNamespace, HttpNamespace) => ParameterSource.HttpRequest,
                    "HttpResponse" when IsNamespace(named.ContainingNamespace, HttpNamespace) => ParameterSource.HttpResponse,
                    "CancellationToken" when IsNamespace(named.ContainingNamespace, "System.Threading") => ParameterSource.CancellationToken,
                    "ClaimsPrincipal" when IsNamespace(named.ContainingNamespace, "System.Security.Claims") => ParameterSource.User,
                    _ => null,
                }
                : null;

        // string, enums and IParsable<T> types (int, Guid, DateTime, ...), or Nullable<T> of them.
        private static bool IsSimple(ITypeSymbol type)
        {
            var underlying = Underlying(type);
            if (underlying.SpecialType == SpecialType.System_String || underlying.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            foreach (var contract in underlying.AllInterfaces)
            {
                if (Is(contract, "System", "IParsable", arity: 1) && SymbolEqualityComparer.Default.Equals(contract.TypeArguments[0], underlying))
                {
                    return true;
                }
            }

            return false;
        }

        private static ITypeSymbol Underlying(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

        private static bool IsNullableValue(ITypeSymbol type) =>
            type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };

        private static bool HasCustomBinding(ITypeSymbol type)
        {
            foreach (var member in type.GetMembers("BindAsync"))
            {
                if (member.IsStatic)
                {
                    return true;
                }
            }

            foreach (var contract in type.AllInterfaces)
            {
                if (Is(contract, MetadataNamespace, "IEndpointParameterMetadataProvider")
                    || Is(contract, MetadataNamespace, "IEndpointMetadataProvider")
                    || Is(contract, HttpNamespace, "IBindableFromHttpContext", arity: 1))
                {
                    return true;
                }
            }

            return false;
        }

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
            if (type.SpecialType == SpecialType.System_Void)
            {
                return (ResultKind.None, null, false, false, null);
            }

            var definition = type.OriginalDefinition;
            if (Is(definition, TasksNamespace, "Task") || Is(definition, TasksNamespace, "ValueTask"))
            {
                return (ResultKind.None, null, true, false, null);
            }

            if (Is(definition, TasksNamespace, "Task", arity: 1) || Is(definition, TasksNamespace, "ValueTask", arity: 1))
            {
                awaitable = true;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                return (ResultKind.Text, null, awaitable, false, null);
            }

            var typeName = type.WithNullableAnnotation(NullableAnnotation.None).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if ((type.NullableAnnotation != NullableAnnotation.Annotated && Is(type, HttpNamespace, "IResult")) || Implements(type, HttpNamespace, "IResult"))
            {
                return (ResultKind.Result, typeName, awaitable, Implements(type, MetadataNamespace, "IEndpointMetadataProvider"), null);
            }

            if (type.SpecialType == SpecialType.System_Object || type.TypeKind is TypeKind.Dynamic or TypeKind.TypeParameter or TypeKind.Interface
                || Is(type.OriginalDefinition, "System.Collections.Generic", "IAsyncEnumerable", arity: 1))
            {
                return (ResultKind.None, null, false, false, $"it returns {type.ToDisplayString()}, whose JSON shape is only known at run time");
            }

            return (ResultKind.Json, typeName, awaitable, false, null);
        }

        private static bool Implements(ITypeSymbol type, string ns, string name)
        {
            foreach (var contract in type.AllInterfaces)
            {
                if (Is(contract, ns, name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="type"/> is the top-level type <paramref name="ns"/>.<paramref name="name"/> (with <paramref name="arity"/> type parameters).</summary>
        private static bool Is(ITypeSymbol type, string ns, string name, int arity = 0) =>
            type is INamedTypeSymbol named
            && named.Arity == arity
            && named.Name == name
            && named.ContainingType is null
            && IsNamespace(named.ContainingNamespace, ns);

        /// <summary>Whether <paramref name="ns"/> is the namespace named <paramref name="qualifiedName"/> ("System.Threading"), compared without allocating.</summary>
        private static bool IsNamespace(INamespaceSymbol? ns, string qualifiedName)
        {
            var rest = qualifiedName.AsSpan();
            while (ns is { IsGlobalNamespace: false })
            {
                var dot = rest.LastIndexOf('.');
                if (!rest.Slice(dot + 1).SequenceEqual(ns.Name.AsSpan()))
                {
                    return false;
                }

                ns = ns.ContainingNamespace;
                if (dot < 0)
                {
                    return ns is { IsGlobalNamespace: true };
                }

                rest = rest.Slice(0, dot);
            }

            return false;
        }

        /// <summary>Whether <paramref name="pattern"/> has a parameter <paramref name="name"/>: {id}, {id:int}, {id?}, {*rest}, {**rest}, {id=5}.</summary>
        private static bool IsRouteParameter(string pattern, string name)
        {
            var start = -1;
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '{' && (i + 1 >= pattern.Length || pattern[i + 1] != '{'))
                {
                    start = i + 1;
                }
                else if (pattern[i] == '}' && start >= 0)
                {
                    var inner = pattern.AsSpan(start, i - start).TrimStart('*');
                    var end = inner.IndexOfAny(':', '=', '?');
                    if ((end < 0 ? inner : inner.Slice(0, end)).Equals(name.AsSpan(), StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }

                    start = -1;
                }
            }

            return false;
        }
    }
}
