using System.Linq;
using CorsGen.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

/// <summary>
/// The one home of CORSGEN009's texts. Its message is "{0} '{1}' {2}": what has the wrong shape (an endpoint
/// class, a route method, ...), its name, and what is wrong with it.
/// </summary>
internal static class InvalidShapes
{
    private const string EndpointClass = "Endpoint class";

    public static DiagnosticInfo ClassNotStaticPartial(INamedTypeSymbol type) =>
        Create(type, EndpointClass, type.Name, "must be declared 'static partial' so CorsGen can add its routes to it");

    public static DiagnosticInfo GenericClass(INamedTypeSymbol type) =>
        Create(type, EndpointClass, type.Name, "must not be generic");

    public static DiagnosticInfo FileLocalClass(INamedTypeSymbol type) =>
        Create(type, EndpointClass, type.Name, "must not be 'file'-local: CorsGen's generated part lives in another file, so it would be another class");

    public static DiagnosticInfo UnreachableClass(INamedTypeSymbol type, INamedTypeSymbol unreachable) =>
        Create(type, EndpointClass, type.Name,
            $"must be reachable from a top-level class{(SymbolEqualityComparer.Default.Equals(unreachable, type) ? string.Empty : $" (its containing type '{unreachable.Name}' is not)")}: make it internal or public, since the generated Map{type.Name}() extension method lives outside it");

    public static DiagnosticInfo GeneratedMemberClash(INamedTypeSymbol type, string member) =>
        Create(type, EndpointClass, type.Name, $"declares a member named '{member}', which CorsGen generates into the class; rename the member");

    public static DiagnosticInfo ContainingTypeNotPartial(INamedTypeSymbol type, INamedTypeSymbol outer) =>
        Create(type, "Type", outer.Name, $"contains endpoint class '{type.Name}' and must be a non-generic partial type");

    public static DiagnosticInfo RouteMethod(IMethodSymbol method, INamedTypeSymbol type) =>
        Create(method, "Route method", type.Name + "." + method.Name, "must be static, non-generic and ordinary to be mapped by CorsGen");

    public static DiagnosticInfo PolicyClassNotStaticPartial(INamedTypeSymbol type) =>
        Create(type, "CORS policy class", type.Name, "must be declared 'static partial' so CorsGen can add its Policy property");

    /// <summary>A CORS attribute on a class that has no routes and is no policy class.</summary>
    public static DiagnosticInfo AttributeWithoutEffect(Location? location, string attributeName, INamedTypeSymbol type) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidShape, location, $"[{attributeName}] on", type.Name,
            "has no effect: the class has no [MapGet]/[MapPost]/... route methods and is not a [CorsPolicy] class");

    // The location is looked up only here, for a diagnostic: the parser runs for every route on every edit.
    private static DiagnosticInfo Create(ISymbol symbol, string what, string name, string problem) =>
        DiagnosticInfo.Create(DiagnosticDescriptors.InvalidShape, symbol.Locations.FirstOrDefault(), what, name, problem);
}
