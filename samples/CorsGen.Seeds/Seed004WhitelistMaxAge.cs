// Seed 004_d6f8e536a13b2bd4.txt, "Using CORS In Node Express App".
// The original: a page on `a.com` calls an API on `api.a.com`. One `app.use` middleware answers every
// OPTIONS request itself, copying the request's `Origin` into `Access-Control-Allow-Origin` with
// `Access-Control-Allow-Headers: Accept, Content-Type`; another copies the `Origin` into
// `Access-Control-Allow-Origin` of every actual response. The article recommends checking the origin
// against a whitelist and sending `Access-Control-Max-Age`, but the code does neither.
// What was unsafe: any origin is reflected, so every site can read the responses, and without
// `Vary: Origin` a shared cache can serve one origin's answer to another.
//
// With CorsGen: a whitelist, partly compiled in and partly read from configuration
// (`Cors:AllowedOrigins`, here an array in appsettings.json; without the array, one string separated
// by commas, semicolons or spaces also works, as in the environment variable `Cors__AllowedOrigins`),
// checked at start-up, where a bad entry stops the application with InvalidOperationException naming
// the key and the value, and read again when appsettings.json changes (a bad edit is rejected and
// logged; the previous origins stay).
// Preflight answers may be cached for 600 seconds (Chromium caps `Access-Control-Max-Age` at 7200).
// `Accept` and `Content-Type` need no `[AllowHeaders]`: CorsGen always allows them.

namespace CorsGen.Seeds;

/// <summary>An item of seed 004's API.</summary>
/// <param name="Name">The item's name.</param>
public sealed record Item(string Name);

/// <summary>Seed 004's API for the <c>a.com</c> page, with preflight caching.</summary>
[AllowOrigins("https://a.com")]
[AllowOriginsFromConfiguration("Cors:AllowedOrigins")]
[MaxAge(600)]
public static partial class WhitelistMaxAgeEndpoints
{
    /// <summary><c>GET /api/items</c>.</summary>
    [MapGet("/api/items")]
    public static Item[] List() => [new("first"), new("second")];

    /// <summary><c>POST /api/items</c> with JSON: preflighted, and the answer cached for 600 seconds.</summary>
    [MapPost("/api/items")]
    public static IResult Add(Item item) => TypedResults.Created("/api/items", item);
}
