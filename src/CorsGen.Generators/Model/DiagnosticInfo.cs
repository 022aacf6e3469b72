using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Model;

/// <summary>
/// A diagnostic found by the parser. Only the analyzers report these; the generator drops them
/// before anything reaches its cached pipeline, so holding a <see cref="Location"/> here is safe.
/// <paramref name="Value"/> is the value it is about, passed to the code fixes as <see cref="DiagnosticProperties.Value"/>.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, Location? Location, EquatableArray<string> Arguments, string? Value = null)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    /// <summary>A diagnostic about one attribute value, which a code fix must find among the attribute's literals.</summary>
    public static DiagnosticInfo ForValue(DiagnosticDescriptor descriptor, Location? location, string value, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray(), value);

    public Diagnostic ToDiagnostic() =>
        Diagnostic.Create(Descriptor, Location ?? Location.None, ValueProperties(Value), Arguments.Cast<object>().ToArray());

    /// <summary>The properties that carry <paramref name="value"/> to the code fixes; null for none.</summary>
    public static ImmutableDictionary<string, string?>? ValueProperties(string? value) =>
        value is null ? null : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Value, value);
}
