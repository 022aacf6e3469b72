namespace CorsGen.Tests.Endpoints;

/// <summary>An explicit method list with PATCH, and "*" on one route.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowMethods("GET", "PATCH")]
public static partial class MethodEndpoints
{
    [MapGet("/methods")]
    public static string Get() => "methods-get";

    [MapPatch("/methods")]
    public static string Patch() => "methods-patch";

    [MapMethods("/methods/any", "GET", "PURGE")]
    [AllowMethods("*")]
    public static string Any() => "methods-any";
}
