namespace CorsGen.TenantSample;

/// <summary>
/// The tenant API: its CORS origins are the tenants' web origins in SQLite, asked through
/// <see cref="TenantOriginValidator"/>; the operator's console (<see cref="ConsoleOrigin"/>) is compiled in and
/// decided without the database.
/// </summary>
[AllowOrigins(ConsoleOrigin)]
[AllowOriginValidator(typeof(TenantOriginValidator))]
[AllowHeaders("content-type")]
public static partial class TenantEndpoints
{
    /// <summary>The operator console's origin, compiled in.</summary>
    public const string ConsoleOrigin = "https://console.example.com";

    /// <summary>A note posted by a tenant's page.</summary>
    /// <param name="Text">The note.</param>
    public sealed record Note(string Text);

    /// <summary>Which tenant's page is asking.</summary>
    /// <param name="request">The request.</param>
    /// <param name="db">The request's unit of work.</param>
    /// <param name="cancellationToken">The request's abort.</param>
    /// <returns>The tenant's name and origin.</returns>
    [MapGet("/tenant")]
    public static async Task<TenantInfo> Get(HttpRequest request, TenantDbContext db, CancellationToken cancellationToken)
    {
        var origin = request.Headers.Origin.ToString();
        return new TenantInfo(await db.FindTenantAsync(origin, cancellationToken) ?? "(none)", origin);
    }

    /// <summary>A JSON post: preflighted, so the validator is asked twice (preflight and actual request).</summary>
    /// <param name="note">The note.</param>
    /// <returns>The note as received.</returns>
    [MapPost("/tenant/notes")]
    public static Note Post(Note note) => note;

    /// <summary>The answer of <see cref="Get"/>.</summary>
    /// <param name="Tenant">The tenant's name.</param>
    /// <param name="Origin">The page's origin.</param>
    public sealed record TenantInfo(string Tenant, string Origin);
}
