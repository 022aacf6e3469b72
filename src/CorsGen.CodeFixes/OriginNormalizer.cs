using System;
using System.Globalization;

namespace CorsGen.CodeFixes;

/// <summary>
/// Turns an origin written the way people write URLs into the serialized origin browsers send:
/// surrounding whitespace trimmed, scheme and host lower-cased, a trailing slash or path dropped, the
/// default port of http/ws (80) and https/wss (443) dropped, a non-ASCII host converted to punycode.
/// Anything else (query, fragment, userinfo, no scheme) has no safe rewrite: null.
/// </summary>
internal static class OriginNormalizer
{
    public static string? Normalize(string value)
    {
        var s = value.Trim();
        var separator = s.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var scheme = s.Substring(0, separator).ToLowerInvariant();
        var rest = s.Substring(separator + 3);
        if (rest.IndexOfAny(new[] { '?', '#' }) >= 0)
        {
            return null; // a query or fragment says this was a URL, not an origin; which origin is meant is a guess
        }

        var slash = rest.IndexOf('/');
        var authority = slash >= 0 ? rest.Substring(0, slash) : rest;
        if (authority.Length == 0 || authority.IndexOf('@') >= 0)
        {
            return null;
        }

        string host;
        string? port = null;
        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return null;
            }

            host = authority.Substring(0, close + 1);
            var after = authority.Substring(close + 1);
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return null;
                }

                port = after.Substring(1);
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon >= 0 ? authority.Substring(0, colon) : authority;
            port = colon >= 0 ? authority.Substring(colon + 1) : null;
        }

        if (host.Length == 0)
        {
            return null;
        }

        if (HasNonAscii(host))
        {
            var prefix = host.StartsWith("*.", StringComparison.Ordinal) ? "*." : string.Empty;
            try
            {
                host = prefix + new IdnMapping().GetAscii(host.Substring(prefix.Length));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        host = host.ToLowerInvariant();
        if (port is not null && IsDefaultPort(scheme, port))
        {
            port = null;
        }

        return scheme + "://" + host + (port is null ? string.Empty : ":" + port);
    }

    private static bool IsDefaultPort(string scheme, string port) => scheme switch
    {
        "http" or "ws" => port == "80",
        "https" or "wss" => port == "443",
        _ => false,
    };

    private static bool HasNonAscii(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7E)
            {
                return true;
            }
        }

        return false;
    }
}
