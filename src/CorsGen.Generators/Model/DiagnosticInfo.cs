using System.Linq;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Model;

/// <summary>
/// A diagnostic found by the parser. Only the analyzers report these; the generator drops them
/// before anything reaches its cached pipeline, so holding a <see cref="Location"/> here is safe.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location ?? Location.None, Arguments.Cast<object>().ToArray());
}
