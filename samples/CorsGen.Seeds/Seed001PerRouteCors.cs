// Seed 001_4a8c6a2d140396ed.txt, "Processing CORS in Express".
// The original: an Express app with `/without-cors` (no CORS), `/with-cors` (per-route `cors()`,
// answered with `Access-Control-Allow-Origin: *`), `/products/:id` with `cors(corsOptions)` for one
// origin, a whitelist written as an `origin` function that calls back an Error for other origins, and
// `app.options('/the/resource/you/request', cors())` or `app.options('*', cors())` for preflights.
// What to avoid: `app.options('*', cors())` answers the preflight of every path with cors()'s
// defaults, not with the options of the route the browser is about to call.
//
// With CorsGen: a route is a CORS route only when it has an origin attribute (here per method, none on
// the class), each CORS pattern gets its own OPTIONS preflight route with that route's policy, and the
// whitelist is a list the compiler checks. The named policy below is shared by an attribute route
// ([UseCorsPolicy]) and a hand-mapped route (app.WithCors(...).MapPost(...)), as corsOptions was
// shared by several cors(corsOptions) calls.

namespace CorsGen.Seeds;

/// <summary>A product, as the routes of seed 001 return it.</summary>
/// <param name="Id">The product id.</param>
/// <param name="Name">The product name.</param>
public sealed record Product(int Id, string Name);

/// <summary>The origin whitelist of seed 001 (the article's entries are blank; these are placeholders).</summary>
[CorsPolicy]
[AllowOrigins("http://example1.com", "http://example2.com")]
public static partial class ProductsWhitelist
{
}

/// <summary>The attribute routes of seed 001: CORS on some routes, none on others.</summary>
public static partial class PerRouteCorsEndpoints
{
    /// <summary><c>app.get('/without-cors', ...)</c>: no origin attribute, so no CORS headers and no preflight route.</summary>
    [MapGet("/without-cors")]
    public static object WithoutCors() => new { msg = "no CORS, no party!" };

    /// <summary><c>app.get('/with-cors', cors(), ...)</c>: any origin, answered with <c>*</c>.</summary>
    [MapGet("/with-cors")]
    [AllowOrigins("*")]
    public static object WithCors() => new { msg = "WHOAH with CORS it works!" };

    /// <summary><c>app.get('/products/:id', cors(corsOptions), ...)</c>: the whitelist only.</summary>
    [MapGet("/products/{id:int}")]
    [UseCorsPolicy(typeof(ProductsWhitelist))]
    public static Product GetProduct(int id) => new(id, "Product " + id);
}

/// <summary>The hand-mapped route of seed 001.</summary>
public static class PerRouteCorsHandMapped
{
    /// <summary>
    /// <c>POST /products</c> mapped by hand with the whitelist: <c>WithCors</c> gives it the CORS headers
    /// and maps its <c>OPTIONS</c> preflight route (allowing the methods mapped at the pattern, here POST).
    /// </summary>
    /// <param name="app">The application.</param>
    /// <returns>The route group holding the route.</returns>
    public static RouteGroupBuilder MapProductsHandMapped(this IEndpointRouteBuilder app)
    {
        var group = app.WithCors(ProductsWhitelist.Policy);
        group.MapPost("/products", (Product product) => TypedResults.Created("/products/" + product.Id, product));
        return group;
    }
}
