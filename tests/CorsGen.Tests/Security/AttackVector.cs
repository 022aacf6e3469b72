using System.Text;
using Microsoft.Extensions.Primitives;

namespace CorsGen.Tests.Security;

/// <summary>
/// The attack classes of cors-facts.md section 4 (PortSwigger's CORS research, OWASP WSTG-CLNT-07,
/// Corsy), plus the request-header, request-method and <c>Vary</c> checks of issue 4.
/// </summary>
public enum AttackClass
{
    /// <summary>An arbitrary origin sent to a credentialed route, hoping it is reflected.</summary>
    ReflectedOrigin,

    /// <summary>The opaque origin <c>null</c> (sandboxed iframes, <c>data:</c>, redirects) and its look-alikes.</summary>
    TrustedNull,

    /// <summary>The allowed origin followed by an attacker's suffix: <c>https://app.example.com.evil.net</c>.</summary>
    PrefixMatch,

    /// <summary>An attacker's host ending in the allowed one: <c>https://evilapp.example.com</c>.</summary>
    SuffixMatch,

    /// <summary>A dot replaced by another character, as an unescaped regex dot would match.</summary>
    UnescapedDot,

    /// <summary>Another scheme than the allowed one (http for https, ws, file, malformed separators).</summary>
    InsecureScheme,

    /// <summary>Another, an explicit default, an empty or an overflowing port.</summary>
    PortConfusion,

    /// <summary>Upper or mixed case in scheme or host.</summary>
    CaseVariant,

    /// <summary>A trailing slash, a path, a query, a fragment or userinfo.</summary>
    PathSlashOrUserinfo,

    /// <summary>Characters browsers tolerate in hosts (<c>_</c>, backtick, <c>}</c>, ...) before an attacker's suffix.</summary>
    SpecialHostCharacter,

    /// <summary>IDN and punycode look-alikes, zero-width and full-width characters.</summary>
    IdnLookalike,

    /// <summary>Whitespace, CR/LF (header injection) and other control characters in the header.</summary>
    WhitespaceOrControl,

    /// <summary>Several Origin header lines, a list in one line, or an empty value.</summary>
    SeveralOriginHeaders,

    /// <summary>Overlong origins, labels and hosts, and the length limits themselves.</summary>
    Overlong,

    /// <summary>Subdomain patterns stretched to the apex, empty labels, other schemes or ports.</summary>
    SubdomainOverreach,

    /// <summary>Hostile Access-Control-Request-Headers: empty elements, thousands of commas, overlong names, several lines, non-token characters.</summary>
    HostileRequestHeaders,

    /// <summary>Access-Control-Request-Method in the wrong case, with whitespace, lists, non-token characters.</summary>
    RequestMethodAbuse,

    /// <summary><c>Vary</c> on every path: allowed, refused, no Origin, preflight, actual, error, disabled.</summary>
    Vary,
}

/// <summary>What the contract (docs/behaviour.md) says must come back.</summary>
public enum Decision
{
    /// <summary>204, <c>Access-Control-Allow-Origin</c> as expected, the method and every requested header allowed.</summary>
    PreflightAllowed,

    /// <summary>403, no <c>Access-Control-*</c> header, the preflight <c>Vary</c>.</summary>
    PreflightRefused,

    /// <summary><c>OPTIONS</c> that is not a CORS preflight: 405 with <c>Allow</c>, no <c>Access-Control-*</c> header.</summary>
    NotAPreflight,

    /// <summary>The route's status, <c>Access-Control-Allow-Origin</c> as expected, <c>Vary: Origin</c>.</summary>
    ActualAllowed,

    /// <summary>The route's status, no <c>Access-Control-*</c> header, <c>Vary: Origin</c>.</summary>
    ActualWithoutCors,

    /// <summary>A <c>[DisableCors]</c> route: no <c>Access-Control-*</c> header and no <c>Vary: Origin</c>.</summary>
    CorsDisabled,
}

/// <summary>One request of the attack suite, what it attacks and what must come back.</summary>
public sealed record AttackVector(
    AttackClass Class,
    Decision Expected,
    string Method,
    string Path,
    IReadOnlyList<(string Name, StringValues Value)> Headers)
{
    /// <summary>The expected <c>Access-Control-Allow-Origin</c> of an allowed request.</summary>
    public string? AllowOrigin { get; init; }

    /// <summary>The expected status of an actual request.</summary>
    public int Status { get; init; } = 200;

    /// <summary>The route sends <c>Access-Control-Allow-Credentials: true</c> to allowed origins.</summary>
    public bool Credentials { get; init; }

    /// <summary>The value the request sends for <paramref name="name"/>, or null.</summary>
    public StringValues? Header(string name)
    {
        foreach (var (n, v) in Headers)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }

        return null;
    }

    /// <summary>A one-line, printable description: control characters escaped, long values shortened.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Expected} {Method} {Path}");
        foreach (var (name, value) in Headers)
        {
            text.Append($" {Abbreviate(name)}={Printable(value)}");
        }

        return text.ToString();
    }

    private static string Abbreviate(string name) => name switch
    {
        "Access-Control-Request-Method" => "ACRM",
        "Access-Control-Request-Headers" => "ACRH",
        _ => name,
    };

    public static string Printable(StringValues value)
    {
        var lines = value.Select(v => Printable(v ?? "")).ToArray();
        return lines.Length == 1 ? lines[0] : $"[{lines.Length} lines: {string.Join(" | ", lines.Take(3))}{(lines.Length > 3 ? " | ..." : "")}]";
    }

    private static string Printable(string value)
    {
        const int Shown = 48;
        var text = new StringBuilder("\"");
        foreach (var c in value.Length > Shown ? value[..Shown] : value)
        {
            text.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= '\u007f' and <= '\u00a0') or '\u00ad' or (>= '\u2000' and <= '\u200f') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        text.Append('"');
        if (value.Length > Shown)
        {
            text.Append($"...({value.Length} chars)");
        }

        return text.ToString();
    }
}
