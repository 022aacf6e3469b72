namespace CorsGen.Generators.Model;

/// <summary>
/// A policy as emitted, with its allowed methods resolved against the whole compilation, and its
/// <see cref="Name"/> in logs and metrics: the class's, or the class's and first route method's when it has several.
/// </summary>
internal sealed record PolicyModel(CorsPolicySpec Spec, EquatableArray<string> AllowedMethods, string Name);

/// <summary>
/// A route as emitted: the framework Map* call, and the index of its policy (-1: no CORS). An OPTIONS route
/// that a <c>[PreflightContinue]</c> preflight at its pattern hands on to names it in <see cref="ContinuedPreflightIndex"/>.
/// </summary>
internal sealed record RouteModel(
    string MethodName,
    string Pattern,
    EquatableArray<string> HttpMethods,
    int PolicyIndex,
    HandlerSpec? Handler = null,
    int ContinuedPreflightIndex = -1,
    ControllerActionSpec? Action = null);

/// <summary>Which policy answers a preflight that asks for <see cref="Method"/>.</summary>
internal sealed record MethodDispatch(string Method, int PolicyIndex);

/// <summary>
/// The preflight answer for one route pattern of the class. Where the class maps OPTIONS itself,
/// the preflight route is reached through routing's CORS-preflight edge for <see cref="RoutingMethods"/>
/// instead of as a plain OPTIONS route, so non-preflight OPTIONS requests still reach the user's handler.
/// <see cref="Continues"/>: a <c>[PreflightContinue]</c> policy answers here and the class's own OPTIONS route
/// runs after it. <see cref="RefusingPolicyIndex"/>: the policy that refuses what no case answers (-1: a bare 403).
/// </summary>
internal sealed record PreflightModel(
    string Pattern,
    EquatableArray<MethodDispatch> Dispatch,
    int AnyMethodPolicyIndex,
    string AllowHeaderValue,
    bool HasUserOptionsRoute,
    int RouteOrder,
    EquatableArray<string> RoutingMethods,
    EquatableArray<string> DisabledMethods,
    bool Continues,
    int RefusingPolicyIndex);

/// <summary>Everything one generated file needs.</summary>
internal sealed record EndpointClassModel(
    EndpointClassSpec Class,
    EquatableArray<RouteModel> Routes,
    EquatableArray<PolicyModel> Policies,
    EquatableArray<PreflightModel> Preflights);
