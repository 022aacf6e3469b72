using System.Text.Json;
using System.Text.Json.Serialization;
using CorsGen;

namespace CorsGen.Sample;

/// <summary>The body of <c>GET /info</c> and <c>POST /info</c>: <c>{"name": "..."}</c>.</summary>
/// <param name="Name">The name the API holds.</param>
public sealed record Info(string? Name);

/// <summary>The body of a 400: <c>{"error": "..."}</c>.</summary>
/// <param name="Error">What is wrong with the request.</param>
public sealed record ErrorBody(string Error);

/// <summary>The JSON contracts of the API, generated at compile time, so a Native AOT publish needs no reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Info))]
[JsonSerializable(typeof(ErrorBody))]
internal sealed partial class SampleJsonContext : JsonSerializerContext;

/// <summary>
/// The REST API of the bareASGI "info" demo. CorsGen generates <c>MapInfoEndpoints()</c> from this
/// class: the routes below plus the <c>OPTIONS</c> preflight route of <c>/info</c>.
/// </summary>
/// <remarks>
/// The allowed origin is a compile-time constant compiled into the handlers; more come from the
/// configuration key <c>Cors:AllowedOrigins</c> (the sample's <c>--allowed-origin</c>), read and
/// checked once at start-up.
/// </remarks>
[AllowOrigins(AllowedOrigin)]
[AllowOriginsFromConfiguration("Cors:AllowedOrigins")]
public static partial class InfoEndpoints
{
    /// <summary>The web page's origin, the one origin the CORS routes allow.</summary>
    public const string AllowedOrigin = "http://127.0.0.1:9000";

    /// <summary>The name before any <c>POST</c>, as in the bareASGI demo.</summary>
    public const string InitialName = "Michael Caine";

    private static string s_name = InitialName;

    /// <summary>The name currently held (thread-safe).</summary>
    public static string Name => Volatile.Read(ref s_name);

    /// <summary><c>GET /info</c>: a simple cross-origin request, no preflight.</summary>
    [MapGet("/info")]
    public static Info GetInfo() => new(Name);

    /// <summary>
    /// <c>POST /info</c> with <c>Content-Type: application/json</c>: the browser preflights it, and
    /// CorsGen answers the <c>OPTIONS</c> request.
    /// </summary>
    [MapPost("/info")]
    public static IResult SetInfo(Info info) => Update(info);

    /// <summary><c>GET /info-nocors</c>: answered, but without CORS headers, so a browser hides it from the page.</summary>
    [MapGet("/info-nocors")]
    [DisableCors]
    public static Info GetInfoNoCors() => new(Name);

    /// <summary>
    /// <c>POST /info-nocors</c>: no CORS, so no preflight route either; the framework answers the
    /// browser's <c>OPTIONS</c> with 405 and the browser never sends the <c>POST</c>.
    /// </summary>
    [MapPost("/info-nocors")]
    [DisableCors]
    public static IResult SetInfoNoCors(Info info) => Update(info);

    private static IResult Update(Info info)
    {
        if (string.IsNullOrWhiteSpace(info.Name))
        {
            return TypedResults.BadRequest(new ErrorBody("\"name\" must be a non-empty string"));
        }

        Volatile.Write(ref s_name, info.Name);
        return TypedResults.Ok(new Info(info.Name));
    }
}
