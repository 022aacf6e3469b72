namespace CorsGen.Tests.Endpoints;

/// <summary>
/// Origins of equal length that differ in one or two characters, which the generated matcher tells
/// apart by switching on those characters before one ordinal comparison.
/// </summary>
[AllowOrigins(
    "https://a1.example.com", "https://a2.example.com", "https://b1.example.com", "https://b2.example.com",
    "https://a1.example.net", "http://a1.example.com", "https://a1.example.com:8443", "https://a1.example.com:8444",
    "https://c9.example.org", "https://xn--bcher-kva.example", TestOrigins.App)]
public static partial class OriginTreeEndpoints
{
    [MapPost("/origins/tree")]
    public static string Post() => "origin-tree-post";
}
