using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// The symbols the analyzers and code fixes recognise, resolved once per compilation (in the compilation-start
/// action, or through <see cref="For"/>) and compared with <see cref="SymbolEqualityComparer.Default"/>.
/// The generator's parser does not use it: in the incremental pipeline it compares attribute names
/// (<c>CorsGenerator.Parser.Find</c>), which needs no compilation and so keeps the pipeline cacheable.
/// </summary>
internal sealed class WellKnownTypes
{
    private static readonly ConditionalWeakTable<Compilation, WellKnownTypes> Cache = new();

    private readonly ImmutableHashSet<INamedTypeSymbol> _corsAttributes;
    private readonly ImmutableHashSet<INamedTypeSymbol> _corsGenAttributes;

    private WellKnownTypes(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        AllowOrigins = Get(CorsGenerator.Parser.AllowOrigins);
        AllowMethods = Get(CorsGenerator.Parser.AllowMethods);
        AllowCredentials = Get(CorsGenerator.Parser.AllowCredentials);
        AllowOriginsFromConfiguration = Get(CorsGenerator.Parser.AllowOriginsFromConfiguration);
        AllowOriginPredicate = Get(CorsGenerator.Parser.AllowOriginPredicate);
        AllowOriginValidator = Get(CorsGenerator.Parser.AllowOriginValidator);
        CorsPolicy = Get(CorsGenerator.Parser.CorsPolicy);
        UseCorsPolicy = Get(CorsGenerator.Parser.UseCorsPolicy);
        RouteAttributes = CorsGenerator.Parser.RouteAttributes
            .Select(r => (Get(r.MetadataName), r.HttpMethod))
            .Where(r => r.Item1 is not null)
            .Select(r => (r.Item1!, r.HttpMethod))
            .ToImmutableArray();
        EndpointRouteBuilderExtensions = Get("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
        CorsEndpointExtensions = Get("Microsoft.AspNetCore.Builder.CorsEndpointExtensions");

        _corsAttributes = ToSet(CorsGenerator.Parser.CorsAttributeMetadataNames.Select(Get));
        _corsGenAttributes = _corsAttributes
            .Union(ToSet(new[] { CorsPolicy, Get(CorsGenerator.Parser.DisableCors) }))
            .Union(RouteAttributes.Select(r => r.Type));
    }

    public INamedTypeSymbol? AllowOrigins { get; }
    public INamedTypeSymbol? AllowMethods { get; }
    public INamedTypeSymbol? AllowCredentials { get; }
    public INamedTypeSymbol? AllowOriginsFromConfiguration { get; }
    public INamedTypeSymbol? AllowOriginPredicate { get; }
    public INamedTypeSymbol? AllowOriginValidator { get; }
    public INamedTypeSymbol? CorsPolicy { get; }
    public INamedTypeSymbol? UseCorsPolicy { get; }

    /// <summary>The route attributes this compilation has, with the HTTP method each maps (null: read from the attribute).</summary>
    public ImmutableArray<(INamedTypeSymbol Type, string? HttpMethod)> RouteAttributes { get; }

    public INamedTypeSymbol? EndpointRouteBuilderExtensions { get; }
    public INamedTypeSymbol? CorsEndpointExtensions { get; }

    /// <summary>Whether CorsGen is referenced at all.</summary>
    public bool HasCorsGen => AllowOrigins is not null;

    /// <summary>The types of <paramref name="compilation"/>, resolved on its first use and kept while it lives.</summary>
    public static WellKnownTypes For(Compilation compilation) => Cache.GetValue(compilation, c => new WellKnownTypes(c));

    /// <summary>A CORS attribute (one that shapes a policy), as opposed to a route attribute or <c>[DisableCors]</c>.</summary>
    public bool IsCorsAttribute(INamedTypeSymbol? type) => type is not null && _corsAttributes.Contains(type);

    /// <summary>Any attribute of CorsGen's: a CORS attribute, a route attribute, <c>[CorsPolicy]</c> or <c>[DisableCors]</c>.</summary>
    public bool IsCorsGenAttribute(INamedTypeSymbol? type) => type is not null && _corsGenAttributes.Contains(type);

    public static bool Is(AttributeData attribute, INamedTypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, type);

    public static bool Has(ISymbol symbol, INamedTypeSymbol? attributeType) => Find(symbol.GetAttributes(), attributeType) is not null;

    public static AttributeData? Find(ImmutableArray<AttributeData> attributes, INamedTypeSymbol? attributeType)
    {
        foreach (var attribute in attributes)
        {
            if (Is(attribute, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }

    private static ImmutableHashSet<INamedTypeSymbol> ToSet(System.Collections.Generic.IEnumerable<INamedTypeSymbol?> types) =>
        types.Where(t => t is not null).Cast<INamedTypeSymbol>().ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
}
