// Seed 003_2cf3327d3a1de14c.txt, "A Brief Overview of Cross-Origin Resource Sharing (CORS)".
// The original: Express without the cors package, `app.options('*', ...)` setting
// `Access-Control-Allow-Origin: *` for the preflight of every path, and `app.get('/')` setting
// `Access-Control-Allow-Origin: *` on the actual response.
// What was missing: as printed, the OPTIONS handler sets no `Access-Control-Allow-Methods` or
// `Access-Control-Allow-Headers`, so a preflight for a method or request header that is not
// CORS-safelisted (`Content-Type: application/json`, say) fails the browser's check. Public data with
// `*` and no credentials is otherwise fine.
//
// With CorsGen: any origin (`*`) and any request header (`[AllowHeaders("*")]` echoes the requested
// list, which also covers `Authorization`, which a literal `*` would not), without credentials
// (`"*"` with `[AllowCredentials]` is error CORSGEN002). Preflight routes exist only for the CORS
// patterns, here `/`, and offer the methods mapped there (GET, POST).

namespace CorsGen.Seeds;

/// <summary>Seed 003's public routes.</summary>
[AllowOrigins("*")]
[AllowHeaders("*")]
public static partial class WildcardPreflightEndpoints
{
    /// <summary><c>app.get('/', ...)</c>.</summary>
    [MapGet("/")]
    public static string Hello() => "Hello, World!";

    /// <summary><c>POST /</c>: added so that the preflight has something to allow.</summary>
    [MapPost("/")]
    public static string Echo(HttpRequest request) => "Hello, " + (request.ContentType ?? "no content type") + "!";
}
