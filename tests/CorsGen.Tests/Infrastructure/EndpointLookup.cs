using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Tests.Infrastructure;

public static class EndpointLookup
{
    /// <summary>Route patterns compared by their text, ignoring a doubled or trailing '/' that group prefixes may add.</summary>
    public static bool SamePattern(RouteEndpoint endpoint, string pattern) =>
        Normalize(endpoint.RoutePattern.RawText) == Normalize(pattern);

    private static string Normalize(string? pattern)
    {
        var text = "/" + (pattern ?? "").Trim('/');
        while (text.Contains("//", StringComparison.Ordinal))
        {
            text = text.Replace("//", "/", StringComparison.Ordinal);
        }

        return text;
    }

    public static RouteEndpoint Find(IServiceProvider services, string pattern, string method)
    {
        var matches = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => SamePattern(e, pattern))
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method) == true)
            .ToList();
        Assert.True(matches.Count == 1, $"expected one {method} endpoint at {pattern}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>
    /// The CORS preflight endpoint routing picks at <paramref name="pattern"/>: CorsGen names them
    /// "CORS preflight ..."; where several classes share a pattern, the lowest route order wins.
    /// </summary>
    public static RouteEndpoint FindPreflight(IServiceProvider services, string pattern) =>
        Preflights(services, pattern).OrderBy(e => e.Order).FirstOrDefault()
            ?? throw new Xunit.Sdk.XunitException($"no CORS preflight endpoint at {pattern}");

    public static List<RouteEndpoint> Preflights(IServiceProvider services, string pattern) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => SamePattern(e, pattern))
            .Where(e => e.DisplayName?.StartsWith("CORS preflight ", StringComparison.Ordinal) == true)
            .ToList();
}
