using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsGen;

/// <summary>
/// Holds the final request delegate of an endpoint once routing has built it, so a CORS preflight
/// endpoint can hand an allowed preflight on to the route's own OPTIONS handler
/// (<see cref="PreflightContinueAttribute"/>). Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CapturedRequestDelegate
{
    private RequestDelegate? _next;

    /// <summary>A finally-convention: remembers the endpoint's request delegate.</summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public void Capture(EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _next = builder.RequestDelegate;
    }

    /// <summary>
    /// Runs the captured delegate for an allowed preflight, which then owns the status (200 unless it
    /// sets one) and may write a body; does nothing when routing has not built the endpoint.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <returns>The delegate's task.</returns>
    public Task Invoke(HttpContext context) => _next is { } next ? CorsEndpointPolicy.ContinuePreflight(context, next) : Task.CompletedTask;
}
