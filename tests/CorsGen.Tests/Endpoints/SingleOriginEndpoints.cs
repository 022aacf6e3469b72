using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>One origin, every other setting left at its default.</summary>
[AllowOrigins(TestOrigins.App)]
public static partial class SingleOriginEndpoints
{
    [MapGet("/single")]
    public static string Get() => "single-get";

    [MapPost("/single")]
    public static string Post() => "single-post";

    [MapPut("/single/{id:int}")]
    public static string Put(int id) => $"single-put-{id}";
}
