using CorsGen;

namespace Consumer.WebApp;

/// <summary>The body of /info.</summary>
/// <param name="Name">A name.</param>
public sealed record Info(string Name);

/// <summary>CORS routes as a user writes them: one exact origin, one subdomain pattern.</summary>
[AllowOrigins("http://127.0.0.1:9000", "https://*.example.com")]
[AllowHeaders("X-Request-Id")]
[ExposeHeaders("X-Request-Id")]
[MaxAge(600)]
public static partial class InfoEndpoints
{
    [MapGet("/info")]
    public static Info Get() => new("Michael Caine");

    [MapPost("/info")]
    public static Info Set(Info info) => info;
}
