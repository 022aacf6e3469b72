using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>Response headers exposed to scripts.</summary>
[AllowOrigins(TestOrigins.App)]
[ExposeHeaders("ETag", "X-Total-Count")]
public static partial class ExposeEndpoints
{
    [MapGet("/expose")]
    public static string Get(HttpResponse response)
    {
        response.Headers.ETag = "\"v1\"";
        response.Headers["X-Total-Count"] = "42";
        return "expose-get";
    }
}
