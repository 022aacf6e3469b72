namespace CorsGen.Tests.Endpoints;

/// <summary>
/// A [DisableCors] route next to a CORS route whose [AllowMethods] would cover the disabled
/// route's method: "*", and an explicit list naming it. Mapped only by the attack suite.
/// </summary>
[AllowOrigins(TestOrigins.App)]
[AllowMethods("*")]
[AllowCredentials]
public static partial class DisabledMethodUnderAnyMethodEndpoints
{
    [MapGet("/security/disabled/any-method")]
    public static string Get() => "disabled-any-get";

    [MapPut("/security/disabled/any-method")]
    [DisableCors]
    public static string Put() => "disabled-any-put";
}

/// <summary>See <see cref="DisabledMethodUnderAnyMethodEndpoints"/>.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowMethods("GET", "PUT")]
[AllowCredentials]
public static partial class DisabledMethodInMethodListEndpoints
{
    [MapGet("/security/disabled/method-list")]
    public static string Get() => "disabled-list-get";

    [MapPut("/security/disabled/method-list")]
    [DisableCors]
    public static string Put() => "disabled-list-put";
}
