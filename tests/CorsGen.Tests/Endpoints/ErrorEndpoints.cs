using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>Routes that fail in various ways.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowCredentials]
[ExposeHeaders("X-Error-Id")]
public static partial class ErrorEndpoints
{
    [MapGet("/errors/throw")]
    public static string Throw() => throw new InvalidOperationException("boom");

    [MapGet("/errors/not-found")]
    public static IResult NotFound() => Results.NotFound();

    [MapGet("/errors/bad-request")]
    public static IResult BadRequest() => Results.BadRequest("bad");

    [MapGet("/errors/server-error")]
    public static IResult ServerError() => Results.StatusCode(StatusCodes.Status500InternalServerError);

    [MapGet("/errors/problem")]
    public static IResult Problem() => Results.Problem("failed");

    [MapGet("/errors/vary")]
    public static string Vary(HttpResponse response)
    {
        response.Headers.Append("Vary", "Accept-Encoding");
        return "vary";
    }

    // Overwrites Vary instead of appending, as some handlers do.
    [MapGet("/errors/vary-set")]
    public static string VarySet(HttpResponse response)
    {
        response.Headers.Vary = "Accept-Encoding";
        return "vary-set";
    }
}
