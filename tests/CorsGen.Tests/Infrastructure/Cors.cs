using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests.Infrastructure;

/// <summary>Assertions written from docs/behaviour.md.</summary>
public static class Cors
{
    public const string AllowOrigin = "Access-Control-Allow-Origin";
    public const string AllowCredentials = "Access-Control-Allow-Credentials";
    public const string AllowMethods = "Access-Control-Allow-Methods";
    public const string AllowHeaders = "Access-Control-Allow-Headers";
    public const string ExposeHeaders = "Access-Control-Expose-Headers";
    public const string MaxAge = "Access-Control-Max-Age";
    public const string RequestMethod = "Access-Control-Request-Method";
    public const string RequestHeaders = "Access-Control-Request-Headers";

    /// <summary>behaviour.md, "Preflight answers": the Vary of every preflight answer, allowed or refused.</summary>
    public static readonly string[] PreflightVary = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"];

    /// <summary>behaviour.md, "Defaults": always allowed request headers.</summary>
    public static readonly string[] SafelistedHeaders = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];

    /// <summary>Elements of a comma-separated list header, across all its lines, trimmed, empty ones dropped.</summary>
    public static List<string> Tokens(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',')).Select(t => t.Trim(' ', '\t')).Where(t => t.Length > 0).ToList();

    public static List<string> AccessControlHeaderNames(Reply reply) =>
        reply.Headers.Keys.Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToList();

    public static void NoAccessControlHeaders(Reply reply)
    {
        var names = AccessControlHeaderNames(reply);
        Assert.True(names.Count == 0, $"expected no Access-Control-* headers, got [{string.Join(", ", names)}]\n{reply}");
    }

    /// <summary>The header is sent as exactly one line with exactly this value (byte-equal, as the CORS check compares).</summary>
    public static void Single(Reply reply, string name, string expected)
    {
        var values = reply[name];
        Assert.True(values.Count == 1, $"expected one '{name}' line, got {values.Count}\n{reply}");
        Assert.Equal(expected, values[0]);
    }

    public static void Absent(Reply reply, string name) =>
        Assert.False(reply.Has(name), $"'{name}' must be absent\n{reply}");

    /// <summary>A list header carries exactly these elements (ASCII case-insensitive, any order, no duplicates), joined by ", ".</summary>
    public static void ListEquals(Reply reply, string name, params string[] expected)
    {
        var values = reply[name];
        Assert.True(values.Count >= 1, $"'{name}' missing\n{reply}");
        var tokens = Tokens(values);
        Assert.True(
            tokens.Count == expected.Length && expected.All(e => tokens.Contains(e, StringComparer.OrdinalIgnoreCase)),
            $"'{name}': expected [{string.Join(", ", expected)}], got [{string.Join(" | ", values.ToArray())}]\n{reply}");
    }

    /// <summary>Method lists are case-sensitive (behaviour.md: <c>patch</c> is not <c>PATCH</c>) and ", "-joined.</summary>
    public static void MethodsEqual(Reply reply, params string[] expected)
    {
        var values = reply[AllowMethods];
        Assert.True(values.Count == 1, $"expected one '{AllowMethods}' line\n{reply}");
        var parts = values[0]!.Split(", ");
        Assert.True(
            parts.Length == expected.Length && expected.All(e => parts.Contains(e, StringComparer.Ordinal)),
            $"'{AllowMethods}': expected [{string.Join(", ", expected)}] joined by \", \", got '{values[0]}'\n{reply}");
    }

    public static void PreflightVaryIsSent(Reply reply) => ListEquals(reply, "Vary", PreflightVary);

    /// <summary>Vary contains Origin exactly once (other elements may be present).</summary>
    public static void VaryOrigin(Reply reply)
    {
        var tokens = Tokens(reply["Vary"]);
        Assert.True(
            tokens.Count(t => t.Equals("Origin", StringComparison.OrdinalIgnoreCase)) == 1,
            $"expected 'Vary' to contain Origin once, got [{string.Join(", ", tokens)}]\n{reply}");
    }

    /// <summary>behaviour.md: refused preflight = 403, no Access-Control-* at all, the preflight Vary.</summary>
    public static void Refused(Reply reply)
    {
        Assert.True(reply.Status == 403, $"expected 403 Forbidden for a refused preflight\n{reply}");
        NoAccessControlHeaders(reply);
        PreflightVaryIsSent(reply);
    }

    /// <summary>behaviour.md: allowed preflight = 204, ACAO as given, the preflight Vary, empty body.</summary>
    public static void Allowed(Reply reply, string expectedAllowOrigin)
    {
        Assert.True(reply.Status == 204, $"expected 204 No Content for an allowed preflight\n{reply}");
        Single(reply, AllowOrigin, expectedAllowOrigin);
        PreflightVaryIsSent(reply);
        Assert.Equal("", reply.Body);
    }

    /// <summary>An actual response for a foreign or absent origin: no Access-Control-*, Vary: Origin.</summary>
    public static void ActualWithoutCors(Reply reply)
    {
        NoAccessControlHeaders(reply);
        VaryOrigin(reply);
    }
}
