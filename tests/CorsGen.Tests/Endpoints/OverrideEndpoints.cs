namespace CorsGen.Tests.Endpoints;

/// <summary>Class-level values, each replaced by a method-level attribute on one route.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowMethods("GET")]
[AllowHeaders("X-Class-Header")]
[ExposeHeaders("X-Class-Expose")]
[MaxAge(60)]
public static partial class OverrideEndpoints
{
    [MapGet("/override/inherit")]
    public static string InheritRoute() => "override-inherit";

    [MapGet("/override/origins")]
    [AllowOrigins(TestOrigins.Other)]
    public static string OriginsRoute() => "override-origins";

    [MapPost("/override/methods")]
    [AllowMethods("POST", "PUT")]
    public static string MethodsRoute() => "override-methods";

    [MapGet("/override/headers")]
    [AllowHeaders("X-Method-Header")]
    public static string HeadersRoute() => "override-headers";

    [MapGet("/override/expose")]
    [ExposeHeaders("X-Method-Expose")]
    public static string ExposeRoute() => "override-expose";

    [MapGet("/override/max-age")]
    [MaxAge(120)]
    public static string MaxAgeRoute() => "override-max-age";

    [MapGet("/override/credentials")]
    [AllowCredentials]
    public static string CredentialsRoute() => "override-credentials";
}
