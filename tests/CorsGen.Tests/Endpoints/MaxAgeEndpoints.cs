namespace CorsGen.Tests.Endpoints;

/// <summary>A preflight cache lifetime on the class, and 0 on one route.</summary>
[AllowOrigins(TestOrigins.App)]
[MaxAge(600)]
public static partial class MaxAgeEndpoints
{
    [MapGet("/max-age")]
    public static string Get() => "max-age-get";

    [MapGet("/max-age/zero")]
    [MaxAge(0)]
    public static string Zero() => "max-age-zero";
}
