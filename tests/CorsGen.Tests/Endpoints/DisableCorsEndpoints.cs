namespace CorsGen.Tests.Endpoints;

/// <summary>[DisableCors] next to a CORS route at one pattern, and alone at another.</summary>
[AllowOrigins(TestOrigins.App)]
public static partial class DisableCorsEndpoints
{
    [MapGet("/mixed")]
    public static string Get() => "mixed-get";

    // Same handler shape as Get, so the allocation test can use it as the baseline.
    [MapDelete("/mixed")]
    [DisableCors]
    public static string Delete() => "mixed-del";

    [MapGet("/no-cors")]
    [DisableCors]
    public static string NoCors() => "no-cors-get";
}
