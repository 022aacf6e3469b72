namespace CorsGen.Tests.Endpoints;

/// <summary>Two routes at one pattern; the POST route replaces the class's origins.</summary>
[AllowOrigins(TestOrigins.App)]
public static partial class PerMethodEndpoints
{
    [MapGet("/per-method")]
    public static string Get() => "per-method-get";

    [MapPost("/per-method")]
    [AllowOrigins(TestOrigins.Other)]
    public static string Post() => "per-method-post";
}
