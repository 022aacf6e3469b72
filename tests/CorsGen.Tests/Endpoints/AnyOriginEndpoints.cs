namespace CorsGen.Tests.Endpoints;

/// <summary>Any origin, without credentials.</summary>
[AllowOrigins("*")]
[AllowHeaders("X-Api-Key")]
[ExposeHeaders("X-Total-Count")]
public static partial class AnyOriginEndpoints
{
    [MapGet("/any")]
    public static string Get() => "any-get";

    [MapPut("/any")]
    public static string Put() => "any-put";
}
