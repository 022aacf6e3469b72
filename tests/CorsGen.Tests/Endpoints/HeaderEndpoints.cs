namespace CorsGen.Tests.Endpoints;

/// <summary>An explicit request-header list, and "*" on one route (a method-level override).</summary>
[AllowOrigins(TestOrigins.App)]
[AllowHeaders("X-Api-Key", "X-Request-Id", "X-Trace")]
public static partial class HeaderEndpoints
{
    [MapPost("/headers")]
    public static string Post() => "headers-post";

    [MapPost("/headers/any")]
    [AllowHeaders("*")]
    public static string PostAny() => "headers-any-post";
}

/// <summary>Many allowed names of one length, which the generator splits by a distinguishing character.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowHeaders("X-Tenant-A", "X-Tenant-B", "X-Tenant-C", "X-Region-1", "X-Region-2", "X-Trace-Id", "X-Span-IDs", "X^Caret-01")]
public static partial class SameLengthHeaderEndpoints
{
    [MapPost("/headers/same-length")]
    public static string Post() => "same-length-post";
}
