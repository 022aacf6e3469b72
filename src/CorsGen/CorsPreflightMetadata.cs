namespace CorsGen;

/// <summary>
/// Endpoint metadata on the <c>OPTIONS</c> preflight endpoints CorsGen maps (generated for an endpoint
/// class, or built by <c>WithCors</c> for a route group): CORS is answered there, so a route group's
/// <c>WithCors</c> leaves them alone instead of adding its own policy.
/// </summary>
public sealed class CorsPreflightMetadata
{
    private CorsPreflightMetadata()
    {
    }

    /// <summary>The one instance; the metadata carries no data.</summary>
    public static CorsPreflightMetadata Instance { get; } = new();
}
