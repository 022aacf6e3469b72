namespace CorsGen.MigrationTests.Harness;

/// <summary>
/// A documented way in which the CorsGen port answers differently from the ASP.NET Core original.
/// None of them changes what the script sees; each changes what the server sends or receives, and a
/// case that declares one asserts that it happens (a declared difference that disappears fails too).
/// </summary>
public sealed record IntendedDifference(string Name, string Explanation, params string[] CompatibilityRows)
{
    /// <summary>The original answers a refused preflight 204 without CORS headers (the browser refuses); the port answers 403.</summary>
    public static readonly IntendedDifference RefusedPreflightIs403 = new(
        nameof(RefusedPreflightIs403),
        "The original answers the refused preflight 204 and leaves the refusal to the browser; CorsGen answers 403 with no Access-Control-* headers.",
        "Preflight asks for a method the policy does not allow", "Preflight asks for a header the policy does not allow", "Preflight from a foreign origin");

    /// <summary>CorsGen names more fields in <c>Vary</c> (every response of a CORS route, every preflight answer).</summary>
    public static readonly IntendedDifference VaryOnMoreResponses = new(
        nameof(VaryOnMoreResponses),
        "CorsGen's Vary names every request header its answer depends on; the original's names are a subset.",
        "`Vary: Origin` on actual responses", "Preflight from a foreign origin");

    /// <summary>A preflight for a method the policy allows but no route at the pattern maps: routing's 405 in the original, allowed by CorsGen.</summary>
    public static readonly IntendedDifference AllowedMethodNeedsNoRoute = new(
        nameof(AllowedMethodNeedsNoRoute),
        "The original's routing answers the preflight 405 and the request is never sent; CorsGen allows the preflight and the request then gets routing's 405, which carries no CORS headers: the script sees a network error either way.",
        "Preflight for an allowed method that no route at the pattern maps");

    public static readonly IntendedDifference MappedMethodsByDefault = new(
        nameof(MappedMethodsByDefault),
        "A policy without a method list: the original's preflight answer names no method, so the browser lets only GET, HEAD and POST through; CorsGen offers the methods the routes map (any method for an any-method route), so the request is sent and its response read.",
        "Policy without a method list");

    /// <summary>A WebSocket opened from a foreign page without negotiating: the original lets it in, the port refuses the upgrade with 403.</summary>
    public static readonly IntendedDifference WebSocketOriginChecked = new(
        nameof(WebSocketOriginChecked),
        "CORS does not cover WebSocket handshakes, so the original's middleware lets a foreign page's socket open (cross-site WebSocket hijacking); CorsGen refuses the upgrade with 403 unless the Origin is the app's own or one the policy allows.",
        "WebSocket handshake from an origin the policy does not allow");

    public static IReadOnlyList<IntendedDifference> All { get; } = [RefusedPreflightIs403, VaryOnMoreResponses, AllowedMethodNeedsNoRoute, MappedMethodsByDefault, WebSocketOriginChecked];

    public override string ToString() => Name;
}
