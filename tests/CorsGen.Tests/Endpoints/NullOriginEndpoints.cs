namespace CorsGen.Tests.Endpoints;

/// <summary>The opaque origin, written explicitly: allowed by the contract, and warned about (CORSGEN004).</summary>
#pragma warning disable CORSGEN004 // trusting "null" is the case under test
[AllowOrigins("null", TestOrigins.App)]
#pragma warning restore CORSGEN004
public static partial class NullOriginEndpoints
{
    [MapGet("/null-origin")]
    public static string Get() => "null-origin-get";
}
