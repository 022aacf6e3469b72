namespace CorsGen.Tests.Endpoints;

/// <summary>Subdomain patterns, one with the default port and one with an explicit port.</summary>
[AllowOrigins(TestOrigins.SubdomainPattern, TestOrigins.PortSubdomainPattern)]
[AllowHeaders("X-Api-Key", "X-Request-Id", "X-Trace")]
public static partial class SubdomainEndpoints
{
    [MapGet("/subdomain")]
    public static string Get() => "subdomain-get";

    [MapPost("/subdomain")]
    public static string Post() => "subdomain-post";
}
