using Microsoft.Extensions.Primitives;

namespace CorsGen.ConformanceTests;

/// <summary>
/// What a browser concludes from a response, per the Fetch standard's "CORS check" and
/// "CORS-preflight fetch" (https://fetch.spec.whatwg.org/#http-cors-protocol). The servers answer in
/// different shapes (403 versus 204 without the method); this is how the test compares decisions.
/// </summary>
public static class BrowserModel
{
    private static readonly string[] SafelistedMethods = ["GET", "HEAD", "POST"];

    /// <summary>Fetch "CORS check": one ACAO that is * (without credentials) or the origin byte for byte; ACAC exactly "true" with credentials.</summary>
    public static bool CorsCheck(Reply reply, StringValues? origin, bool credentials)
    {
        var allowOrigin = reply["Access-Control-Allow-Origin"];
        if (allowOrigin.Count != 1)
        {
            return false;
        }

        if (!credentials && allowOrigin[0] == "*")
        {
            return true;
        }

        if (origin is not { Count: 1 } o || !string.Equals(allowOrigin[0], o[0], StringComparison.Ordinal))
        {
            return false;
        }

        return !credentials || reply["Access-Control-Allow-Credentials"] is { Count: 1 } c && c[0] == "true";
    }

    /// <summary>Fetch "CORS-preflight fetch", steps after the response arrives: ok status, CORS check, method and header checks.</summary>
    public static bool PreflightPasses(Reply reply, CorsRequest request, bool credentials, IEnumerable<string>? extraAllowedHeaders = null)
    {
        if (reply.Status is < 200 or > 299 || !CorsCheck(reply, request.Origin, credentials))
        {
            return false;
        }

        if (ParseList(reply["Access-Control-Allow-Methods"]) is not { } methods
            || ParseList(reply["Access-Control-Allow-Headers"]) is not { } headerNames)
        {
            return false; // a list that does not parse is a network error
        }

        headerNames.AddRange(extraAllowedHeaders ?? []);
        var method = request.RequestMethod is { Count: 1 } m ? m[0]! : string.Join(",", (request.RequestMethod ?? StringValues.Empty).ToArray());
        if (!methods.Contains(method, StringComparer.Ordinal)
            && !SafelistedMethods.Contains(method, StringComparer.Ordinal)
            && (credentials || !methods.Contains("*")))
        {
            return false;
        }

        foreach (var name in RequestedHeaderNames(request))
        {
            var listed = headerNames.Contains(name, StringComparer.OrdinalIgnoreCase);
            var wildcard = !credentials && headerNames.Contains("*") && !name.Equals("authorization", StringComparison.OrdinalIgnoreCase);
            if (!listed && !wildcard)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The names the request asks for: ACRH split on commas across lines, trimmed, empty ones dropped.</summary>
    public static List<string> RequestedHeaderNames(CorsRequest request) =>
        [.. Elements(request.RequestHeaders ?? StringValues.Empty)];

    public static IEnumerable<string> Elements(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',')).Select(e => e.Trim(' ', '\t')).Where(e => e.Length > 0);

    /// <summary>Fetch "extract header list values" for #token lists: null when an element is not a token.</summary>
    public static List<string>? ParseList(StringValues values)
    {
        var elements = Elements(values).ToList();
        return elements.All(IsToken) ? elements : null;
    }

    /// <summary>RFC 9110 token, written here independently of CorsGen's HttpTokens.</summary>
    public static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || "!#$%&'*+-.^_`|~".Contains(c));
}

/// <summary>
/// The serialized-origin grammar (HTML, "ASCII serialization of an origin"; Fetch, "Origin header"):
/// lower-case http(s) scheme, a lower-case LDH host (labels of 1 to 63, host of at most 253), dotted
/// IPv4 or a bracketed IPv6 literal, an optional non-default port, nothing else.
/// </summary>
public static class SerializedOrigins
{
    public static bool IsSerializedOrigin(string origin)
    {
        string rest;
        int defaultPort;
        if (origin.StartsWith("https://", StringComparison.Ordinal))
        {
            rest = origin[8..];
            defaultPort = 443;
        }
        else if (origin.StartsWith("http://", StringComparison.Ordinal))
        {
            rest = origin[7..];
            defaultPort = 80;
        }
        else
        {
            return false;
        }

        var host = rest;
        var colon = rest.StartsWith('[') ? rest.IndexOf("]:", StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
        if (colon > 0)
        {
            host = rest[..colon];
            var port = rest[(colon + 1)..];
            if (port.Length is 0 or > 5 || port[0] == '0' || !port.All(char.IsAsciiDigit) || int.Parse(port) is var p && (p > 65535 || p == defaultPort))
            {
                return false;
            }
        }

        if (host.StartsWith('['))
        {
            return host.EndsWith(']') && host[1..^1].All(c => c is ':' or '.' || char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));
        }

        return host.Length is > 0 and <= 253 && host.Split('.').All(label =>
            label.Length is > 0 and <= 63
            && label[0] != '-' && label[^1] != '-'
            && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'));
    }
}
