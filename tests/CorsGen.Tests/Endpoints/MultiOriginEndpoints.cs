namespace CorsGen.Tests.Endpoints;

/// <summary>Several origins and an explicit method list that includes a method not mapped here.</summary>
[AllowOrigins(TestOrigins.App, TestOrigins.Other, TestOrigins.LocalDev)]
[AllowMethods("GET", "POST", "DELETE")]
public static partial class MultiOriginEndpoints
{
    [MapGet("/multi")]
    public static string Get() => "multi-get";

    [MapDelete("/multi")]
    public static string Delete() => "multi-delete";

    // One method, two route attributes.
    [MapGet("/multi-route/a")]
    [MapGet("/multi-route/b")]
    public static string Twice() => "multi-route";
}
