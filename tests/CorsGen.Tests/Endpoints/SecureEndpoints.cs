using System.Security.Claims;

namespace CorsGen.Tests.Endpoints;

/// <summary>Mapped with .RequireAuthorization() on the returned group.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowCredentials]
[AllowHeaders("Authorization")]
public static partial class SecureEndpoints
{
    [MapGet("/secure/data")]
    public static string Get(ClaimsPrincipal user) => "secure-" + user.Identity?.Name;

    [MapPost("/secure/data")]
    public static string Post() => "secure-post";
}
