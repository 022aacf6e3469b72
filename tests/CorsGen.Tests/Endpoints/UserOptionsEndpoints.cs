using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>A class that maps OPTIONS itself at a CORS pattern.</summary>
[AllowOrigins(TestOrigins.App)]
public static partial class UserOptionsEndpoints
{
    public const string Body = "user-options-handler";

    [MapPut("/user-options")]
    public static string Put() => "user-options-put";

    [MapMethods("/user-options", "OPTIONS")]
    public static string Options(HttpResponse response)
    {
        response.Headers["X-User-Options"] = "1";
        return Body;
    }
}
