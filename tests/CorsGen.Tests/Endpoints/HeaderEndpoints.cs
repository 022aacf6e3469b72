namespace CorsGen.Tests.Endpoints;

/// <summary>An explicit request-header list, and "*" on one route (a method-level override).</summary>
[AllowOrigins(TestOrigins.App)]
[AllowHeaders("X-Api-Key", "X-Request-Id", "X-Trace")]
public static partial class HeaderEndpoints
{
    [MapPost("/headers")]
    public static string Post() => "headers-post";

    [MapPost("/headers/any")]
    [AllowHeaders("*")]
    public static string PostAny() => "headers-any-post";
}
