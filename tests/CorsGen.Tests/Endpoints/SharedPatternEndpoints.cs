namespace CorsGen.Tests.Endpoints;

// Two classes with routes at one pattern: the default method list covers the compilation.
// Mapped only by SharedPatternTests, in an app of their own.

[AllowOrigins(TestOrigins.App)]
public static partial class SharedPatternGetEndpoints
{
    [MapGet("/shared")]
    public static string Get() => "shared-get";
}

[AllowOrigins(TestOrigins.App)]
public static partial class SharedPatternPostEndpoints
{
    [MapPost("/shared")]
    public static string Post() => "shared-post";

    [MapDelete("/shared")]
    [DisableCors]
    public static string Delete() => "shared-delete";
}
