namespace CorsGen.Tests.Endpoints;

/// <summary>
/// The opaque origin, written explicitly (allowed by the contract; CorsGen warns with CORSGEN004,
/// which CorsGen.Tests.csproj keeps as a warning).
/// </summary>
[AllowOrigins("null", TestOrigins.App)]
public static partial class NullOriginEndpoints
{
    [MapGet("/null-origin")]
    public static string Get() => "null-origin-get";
}
