// Seed 002_663d1b6f789d5258.txt, "What is Cross-Origin Resource Sharing (CORS) policy?".
// The original: an Express `/api/hello-world` route called with fetch from a React page on another
// origin, made to work with an `app.use` middleware that, on every response, copies the request's
// `Origin` into `Access-Control-Allow-Origin` and sends `Access-Control-Allow-Credentials: true`,
// `Access-Control-Allow-Headers: Origin, X-Requested-With, Content-Type, Accept, Authorization`,
// `Access-Control-Allow-Methods: GET,POST,DELETE,PUT,OPTIONS` and
// `Access-Control-Expose-Headers: Set-Cookie` (the plain Node http version also answers every
// OPTIONS request with 200).
// What was unsafe: reflecting any origin together with credentials lets every web site read this
// API's authenticated responses (the first attack class of CORS research; CORSGEN016 flags it in
// ASP.NET Core code). No `Vary: Origin` is sent although the header depends on the request, and
// `Set-Cookie` is a forbidden response header that browsers never expose to scripts.
//
// With CorsGen: credentials only for one explicit origin, never reflected; the methods offered in
// preflights are the ones mapped at the pattern (GET, POST); only the request headers the page needs.
// `Accept` and `Content-Type` are always allowed; `[ExposeHeaders("Set-Cookie")]` would be
// warning CORSGEN006, so it is left out.

namespace CorsGen.Seeds;

/// <summary>The body of <c>POST /api/hello-world</c>.</summary>
/// <param name="Name">Who to greet.</param>
public sealed record Greeting(string? Name);

/// <summary>Seed 002's routes, with credentials for the front end's origin only.</summary>
[AllowOrigins(FrontEndOrigin)]
[AllowCredentials]
[AllowHeaders("Authorization", "X-Requested-With")]
public static partial class HelloWorldEndpoints
{
    /// <summary>The React page's origin (the article does not give its port; change it to yours).</summary>
    public const string FrontEndOrigin = "http://localhost:5173";

    /// <summary><c>GET /api/hello-world</c>: a simple request, no preflight.</summary>
    [MapGet("/api/hello-world")]
    public static object Get() => new { msg = "Hello! :)" };

    /// <summary><c>POST /api/hello-world</c> with JSON: preflighted by the browser.</summary>
    [MapPost("/api/hello-world")]
    public static object Post(Greeting greeting) => new { msg = $"Hello, {greeting.Name ?? "you"}! :)" };
}
