using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Benchmarks;

/// <summary>What the floor handler writes: the response headers CorsGen writes, with no decision logic.</summary>
public enum FloorKind
{
    PreflightAllowed,
    PreflightRefused,
    ActualAllowed,
    ActualRefused,
}

/// <summary>One request shape, the CorsGen route it hits, and the equivalent ASP.NET Core policy.</summary>
public sealed record Scenario(
    string Name,
    string Path,
    string Method,
    string? Origin,
    string? RequestMethod,
    string? RequestHeaders,
    FloorKind Floor,
    bool AnyOrigin,
    bool EchoHeaders,
    Func<CorsPolicyBuilder, CorsPolicyBuilder> AspNetPolicy)
{
    public bool IsPreflight => RequestMethod is not null;

    public StringValues RequestHeaderValues => RequestHeaders is null ? StringValues.Empty : new StringValues(RequestHeaders);

    public override string ToString() => Name;
}

public static class ScenarioCatalog
{
    private static readonly string[] TenOrigins = Enumerable.Range(1, 9).Select(i => $"https://o{i}.example.net").Append(Origins.App).ToArray();
    private static readonly string[] HundredOrigins = Enumerable.Range(0, 99).Select(i => $"https://p{i:00}.example.net").Append(Origins.App).ToArray();
    private static readonly string[] TwentyHeaders = Enumerable.Range(1, 20).Select(i => $"x-h{i:00}").ToArray();
    private static readonly string ThreeHeaders = string.Join(",", TwentyHeaders.Take(3));
    private static readonly string AllTwentyHeaders = string.Join(",", TwentyHeaders);

    public static readonly IReadOnlyList<Scenario> All =
    [
        Preflight("preflight single origin", "/single", Origins.App, null, p => p.WithOrigins(Origins.App).WithMethods("GET", "POST").WithHeaders(TwentyHeaders.Take(3).ToArray())),
        Preflight("preflight 10 origins", "/ten", Origins.App, null, p => p.WithOrigins(TenOrigins).WithMethods("POST")),
        Preflight("preflight 100 origins", "/hundred", Origins.App, null, p => p.WithOrigins(HundredOrigins).WithMethods("POST")),
        Preflight("preflight subdomain pattern", "/subdomain", "https://app.example.com", null, p => p.WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains().WithMethods("POST")),
        Preflight("preflight any origin", "/any", Origins.Evil, null, p => p.AllowAnyOrigin().WithMethods("POST"), anyOrigin: true),
        Preflight("preflight 1 header listed", "/headers", Origins.App, "x-h01", p => p.WithOrigins(Origins.App).WithMethods("POST").WithHeaders(TwentyHeaders)),
        Preflight("preflight 3 headers listed", "/headers", Origins.App, ThreeHeaders, p => p.WithOrigins(Origins.App).WithMethods("POST").WithHeaders(TwentyHeaders)),
        Preflight("preflight 20 headers listed", "/headers", Origins.App, AllTwentyHeaders, p => p.WithOrigins(Origins.App).WithMethods("POST").WithHeaders(TwentyHeaders)),
        Preflight("preflight 1 header *", "/headers-any", Origins.App, "x-h01", p => p.WithOrigins(Origins.App).WithMethods("POST").AllowAnyHeader(), echoHeaders: true),
        Preflight("preflight 3 headers *", "/headers-any", Origins.App, ThreeHeaders, p => p.WithOrigins(Origins.App).WithMethods("POST").AllowAnyHeader(), echoHeaders: true),
        Preflight("preflight 20 headers *", "/headers-any", Origins.App, AllTwentyHeaders, p => p.WithOrigins(Origins.App).WithMethods("POST").AllowAnyHeader(), echoHeaders: true),
        new("preflight rejected", "/single", "OPTIONS", Origins.Evil, "POST", null, FloorKind.PreflightRefused, false, false, p => p.WithOrigins(Origins.App).WithMethods("GET", "POST")),
        new("actual allowed", "/single", "GET", Origins.App, null, null, FloorKind.ActualAllowed, false, false, p => p.WithOrigins(Origins.App).WithMethods("GET", "POST")),
        new("actual rejected", "/single", "GET", Origins.Evil, null, null, FloorKind.ActualRefused, false, false, p => p.WithOrigins(Origins.App).WithMethods("GET", "POST")),
        new("actual without Origin", "/single", "GET", null, null, null, FloorKind.ActualRefused, false, false, p => p.WithOrigins(Origins.App).WithMethods("GET", "POST")),
    ];

    public static Scenario Get(string name) => All.Single(s => s.Name == name);

    private static Scenario Preflight(
        string name, string path, string origin, string? requestHeaders,
        Func<CorsPolicyBuilder, CorsPolicyBuilder> policy, bool anyOrigin = false, bool echoHeaders = false) =>
        new(name, path, "OPTIONS", origin, "POST", requestHeaders, FloorKind.PreflightAllowed, anyOrigin, echoHeaders, policy);
}
