using System.ComponentModel;
using CorsGen.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace CorsGen;

/// <summary>
/// The compiled CORS policies of MVC controller actions, matched to the endpoints MVC builds for them: an action
/// is known by its controller type, method name and parameter types, and its attribute route's template. Used by
/// the generated <c>MapCorsGenControllers()</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CorsControllerActions
{
    private readonly List<Entry> _entries = [];

    /// <summary>Registers the policy of one attribute route of one action.</summary>
    /// <param name="controller">The controller type.</param>
    /// <param name="method">The action method's name.</param>
    /// <param name="parameterTypes">The action method's parameter types, in order.</param>
    /// <param name="template">The attribute route's template as CorsGen resolved it (tokens replaced).</param>
    /// <param name="policy">The action's policy; <see langword="null"/> for an OPTIONS action that only receives continued preflights.</param>
    /// <param name="preflightContinuation">Where a <see cref="PreflightContinueAttribute"/> preflight hands an allowed preflight on to this action.</param>
    /// <exception cref="ArgumentNullException"><paramref name="controller"/>, <paramref name="method"/>, <paramref name="parameterTypes"/> or <paramref name="template"/> is <see langword="null"/>.</exception>
    public void Add(Type controller, string method, Type[] parameterTypes, string template, CorsEndpointPolicy? policy, CapturedRequestDelegate? preflightContinuation = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        ArgumentNullException.ThrowIfNull(template);
        _entries.Add(new Entry(controller, method, parameterTypes, template, RoutePatternKey.FromTemplate(template), policy, preflightContinuation));
    }

    /// <summary>
    /// Adds the conventions to the controllers' builder: the CORS headers of actual responses (a convention, before
    /// any finally-convention such as a <c>WithCors</c> group's, which then leaves these endpoints alone) and the
    /// capture of continued OPTIONS actions (a finally-convention, which sees the final request delegate).
    /// </summary>
    /// <param name="controllers">The builder <c>MapControllers()</c> returned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="controllers"/> is <see langword="null"/>.</exception>
    public void ApplyTo(IEndpointConventionBuilder controllers)
    {
        ArgumentNullException.ThrowIfNull(controllers);
        controllers.Add(AddResponseHeaders);
        if (_entries.Any(e => e.Continuation is not null))
        {
            controllers.Finally(Capture);
        }
    }

    private void AddResponseHeaders(EndpointBuilder builder) => Find(builder)?.Policy?.AddResponseHeaders(builder);

    private void Capture(EndpointBuilder builder) => Find(builder)?.Continuation?.Capture(builder);

    // The entry of the endpoint's action at its template; null when CorsGen compiled nothing for the action.
    private Entry? Find(EndpointBuilder builder)
    {
        if (builder.Metadata.OfType<ControllerActionDescriptor>().FirstOrDefault() is not { } action)
        {
            return null;
        }

        List<Entry>? matches = null;
        foreach (var entry in _entries)
        {
            if (entry.Matches(action))
            {
                (matches ??= []).Add(entry);
            }
        }

        if (matches is null)
        {
            return null;
        }

        var template = action.AttributeRouteInfo?.Template;
        var key = template is null ? null : RoutePatternKey.FromTemplate(template);
        return matches.FirstOrDefault(e => e.Key == key)
            // Fail at start-up rather than leave the action without the CORS its attributes ask for.
            ?? throw new InvalidOperationException(
                $"CorsGen compiled the CORS policy of controller action '{action.ControllerTypeInfo.Name}.{action.MethodInfo.Name}' for the route "
                + $"{string.Join(" and ", matches.Select(m => $"'{m.Template}'").Distinct())}, but MVC routes it at "
                + (template is null ? "a conventional route" : $"'{template}'")
                + ": a convention or option changed its route at run time (a route prefix, a token transformer, SuppressAsyncSuffixInActionNames = false). "
                + "CorsGen compiles the routes written in attributes; for run-time routes use WithCors(policy) on a route group.");
    }

    private sealed record Entry(Type Controller, string Method, Type[] ParameterTypes, string Template, string Key, CorsEndpointPolicy? Policy, CapturedRequestDelegate? Continuation)
    {
        public bool Matches(ControllerActionDescriptor action)
        {
            if (action.ControllerTypeInfo.AsType() != Controller || action.MethodInfo.Name != Method)
            {
                return false;
            }

            var parameters = action.MethodInfo.GetParameters();
            if (parameters.Length != ParameterTypes.Length)
            {
                return false;
            }

            for (var i = 0; i < parameters.Length; i++)
            {
                if (parameters[i].ParameterType != ParameterTypes[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
