namespace CorsGen.Generators.Model;

// Every model here must stay immutable and structurally equal: the incremental pipeline compares
// them to decide what to regenerate. No ISymbol, SyntaxNode, Location or Compilation.

/// <summary>A type declaration the generated partial must repeat, outermost first.</summary>
internal sealed record TypeDeclarationSpec(string Keyword, string Name);

/// <summary>
/// The endpoint class a route belongs to; <see cref="IsController"/>: an MVC controller, whose routes MVC maps
/// and whose policies and preflights CorsGen emits beside them (<c>MapCorsGenControllers()</c>).
/// </summary>
internal sealed record EndpointClassSpec(
    string Namespace,
    string Name,
    string FullyQualifiedName,
    EquatableArray<TypeDeclarationSpec> ContainingTypes,
    bool IsPublic,
    bool IsController = false);

/// <summary>A subdomain origin pattern such as <c>https://*.example.com:8443</c>, split for matching.</summary>
internal sealed record SubdomainPatternSpec(string SchemePrefix, string HostSuffix, string PortSuffix)
{
    /// <summary>The pattern as written, e.g. <c>https://*.example.com:8443</c>.</summary>
    public string Written => SchemePrefix + "*" + HostSuffix + PortSuffix;
}

/// <summary>An origin predicate: a static method called as <see cref="Method"/>, taking a span when <see cref="TakesSpan"/>.</summary>
internal sealed record OriginPredicateSpec(string Method, bool TakesSpan);

/// <summary>
/// One route's effective CORS policy: per attribute kind, the method's attribute, else the method's
/// policy class's, else the class's, else the class's policy class's.
/// </summary>
internal sealed record CorsPolicySpec(
    EquatableArray<string> ExactOrigins,
    EquatableArray<SubdomainPatternSpec> SubdomainPatterns,
    bool AnyOrigin,
    EquatableArray<string>? Methods,
    bool AnyMethod,
    EquatableArray<string> Headers,
    bool AnyHeader,
    EquatableArray<string> ExposeHeaders,
    bool AllowCredentials,
    int? MaxAgeSeconds,
    bool RefuseAll,
    string? OriginsConfigurationKey = null,
    OriginPredicateSpec? OriginPredicate = null,
    bool AllowPrivateNetwork = false,
    int PreflightSuccessStatus = 204,
    bool PreflightContinue = false);

/// <summary>A <c>[CorsPolicy]</c> class: its policy, compiled into a <c>Policy</c> property for <c>WithCors(...)</c>.</summary>
internal sealed record PolicyClassSpec(EndpointClassSpec Class, CorsPolicySpec Policy);

/// <summary>
/// A controller action as MVC identifies it at run time: its method's parameter types (fully qualified, for
/// <c>typeof</c>), so overloads stay apart. The route's pattern is the action's attribute-route template.
/// </summary>
internal sealed record ControllerActionSpec(EquatableArray<string> ParameterTypes);

/// <summary>One route attribute on one method, or one attribute route of a controller action (<see cref="Action"/>).</summary>
internal sealed record RouteSpec(
    EndpointClassSpec Class,
    string MethodName,
    string Pattern,
    EquatableArray<string> HttpMethods,
    CorsPolicySpec? Policy,
    HandlerSpec? Handler = null,
    string? UnsupportedHandlerReason = null,
    ControllerActionSpec? Action = null);
