using CorsGen;

/// <summary>The API with CorsGen: the same routes and policy as the ASP.NET Core mode.</summary>
[AllowOrigins(Api.Origin)]
public static partial class PerfEndpoints
{
    [MapGet("/info")]
    public static Task Get(HttpContext context) => Api.Get(context);

    [MapPost("/info")]
    public static Task Post(HttpContext context) => Api.Post(context);
}
