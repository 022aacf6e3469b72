using CorsGen;
using Microsoft.AspNetCore.Http;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The optional CorsGen middleware.</summary>
public static class CorsGenApplicationBuilderExtensions
{
    /// <summary>
    /// Writes the CORS headers of actual responses also when later middleware answers before the
    /// endpoint runs: a 401 or 403 from <c>UseAuthorization()</c>, a 429 from a rate limiter. Without
    /// it such responses carry no CORS headers, and a browser script sees a network error instead of the
    /// status. Optional: CorsGen needs no middleware otherwise. Place it after <c>UseRouting()</c> and
    /// before <c>UseAuthentication()</c>/<c>UseAuthorization()</c>, as ASP.NET Core's <c>UseCors()</c>.
    /// Preflights are unaffected (CorsGen's preflight routes are anonymous). Allocates nothing per request.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns><paramref name="app"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="app"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#http-responses">Fetch, "HTTP responses"</see>.</remarks>
    public static IApplicationBuilder UseCorsGen(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (context, next) =>
        {
            context.GetEndpoint()?.Metadata.GetMetadata<CorsEndpointPolicy>()?.WriteResponseHeadersOnStarting(context);

            return next(context);
        });
    }
}
