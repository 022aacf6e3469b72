using CorsGen.Generators.Model;

namespace CorsGen.Generators.Surface;

// Like every pipeline model: immutable, structurally equal, no symbols, syntax or locations.

/// <summary>
/// A <c>WithCors(...)</c> call: the group it is called on (its source text), the member that calls it and the
/// policy it applies (a <c>[CorsPolicy]</c> class's name, else the argument's text).
/// </summary>
internal sealed record SurfaceGroupSpec(string Receiver, string Member, string Policy);

/// <summary>A policy as the surface lists it: its name in logs and metrics, its spec and its resolved methods (null: as mapped).</summary>
internal sealed record SurfacePolicySpec(string Name, CorsPolicySpec Spec, EquatableArray<string>? AllowedMethods);

/// <summary>The CORS surface of the compilation: its route and group lines and its policies.</summary>
internal sealed record CorsSurfaceModel(EquatableArray<string> Lines, EquatableArray<SurfacePolicySpec> Policies);
