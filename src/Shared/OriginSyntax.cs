using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CorsGen.Shared;

/// <summary>What one <c>[AllowOrigins]</c> entry means.</summary>
internal enum OriginKind
{
    Invalid,
    Any,
    Exact,
    SubdomainPattern,
}

/// <summary>The parsed form of one origin entry; <see cref="Error"/> says why an invalid one is invalid.</summary>
internal readonly record struct ParsedOrigin(
    OriginKind Kind,
    string Value,
    string SchemePrefix,
    string HostSuffix,
    string PortSuffix,
    string? Error)
{
    public static ParsedOrigin Invalid(string value, string error) => new(OriginKind.Invalid, value, "", "", "", error);
}

/// <summary>
/// Parses <c>[AllowOrigins]</c> entries with the serialized-origin grammar browsers send:
/// lower-case <c>scheme "://" host [":" port]</c>, default port omitted, no path, query, fragment,
/// userinfo or trailing slash; <c>null</c> as a literal.
/// See https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin.
/// </summary>
internal static class OriginSyntax
{
    private static readonly char[] PathStart = { '/', '?', '#' };

    public static ParsedOrigin Parse(string value)
    {
        if (value == "*")
        {
            return new ParsedOrigin(OriginKind.Any, value, "", "", "", null);
        }

        if (value == "null")
        {
            return new ParsedOrigin(OriginKind.Exact, value, "", "", "", null);
        }

        if (value.Length == 0)
        {
            return ParsedOrigin.Invalid(value, "it is empty");
        }

        foreach (var c in value)
        {
            if (c > 0x7E)
            {
                return ParsedOrigin.Invalid(value, "it contains non-ASCII characters; browsers send the host in punycode (xn--)");
            }

            if (c <= 0x20)
            {
                return ParsedOrigin.Invalid(value, "it contains whitespace or control characters");
            }
        }

        var separator = value.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return ParsedOrigin.Invalid(value, "it has no scheme; write it as scheme://host[:port]");
        }

        var scheme = value.Substring(0, separator);
        if (!IsScheme(scheme.AsSpan()))
        {
            return ParsedOrigin.Invalid(value, "the scheme must be lower-case letters, digits, '+', '-' or '.'");
        }

        var authority = value.Substring(separator + 3);
        if (authority.Length == 0)
        {
            return ParsedOrigin.Invalid(value, "it has no host");
        }

        var pathStart = authority.IndexOfAny(PathStart);
        if (pathStart >= 0)
        {
            return ParsedOrigin.Invalid(value, pathStart == authority.Length - 1 && authority[pathStart] == '/'
                ? "it has a trailing slash; an Origin header never ends with '/'"
                : "it has a path, query or fragment; an origin is only scheme://host[:port]");
        }

        if (authority.IndexOf('@') >= 0)
        {
            return ParsedOrigin.Invalid(value, "it has userinfo ('@'); an Origin header never carries credentials");
        }

        if (HasUpperCase(value))
        {
            return ParsedOrigin.Invalid(value, "it has upper-case letters; browsers serialize scheme and host in lower case");
        }

        SplitHostPort(authority, out var host, out var port);
        string portSuffix = "";
        if (port != null)
        {
            var portError = CheckPort(scheme, port);
            if (portError != null)
            {
                return ParsedOrigin.Invalid(value, portError);
            }

            portSuffix = ":" + port;
        }

        if (host.StartsWith("*.", StringComparison.Ordinal))
        {
            var suffixHost = host.Substring(2);
            if (suffixHost.IndexOf('*') >= 0 || !DnsLabels.IsDomainName(suffixHost.AsSpan()))
            {
                return ParsedOrigin.Invalid(value, "a subdomain pattern is '*.' followed by a domain name, such as https://*.example.com");
            }

            if (suffixHost.IndexOf('.') < 0)
            {
                return ParsedOrigin.Invalid(value, "a subdomain pattern needs at least two labels after '*.' (https://*.com would trust every .com site)");
            }

            return new ParsedOrigin(OriginKind.SubdomainPattern, value, scheme + "://", "." + suffixHost, portSuffix, null);
        }

        if (host.IndexOf('*') >= 0)
        {
            return ParsedOrigin.Invalid(value, "'*' may only stand alone or as the first label ('https://*.example.com')");
        }

        var hostError = CheckHost(host);
        if (hostError != null)
        {
            return ParsedOrigin.Invalid(value, hostError);
        }

        return new ParsedOrigin(OriginKind.Exact, value, "", "", "", null);
    }

    /// <summary>Whether <paramref name="scheme"/> is a lower-case URL scheme: a letter, then letters, digits, '+', '-' or '.'.</summary>
    public static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.IsEmpty || scheme[0] is not (>= 'a' and <= 'z'))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUpperCase(string value)
    {
        foreach (var c in value)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }

    private static void SplitHostPort(string authority, out string host, out string? port)
    {
        if (authority.StartsWith("[", StringComparison.Ordinal))
        {
            var close = authority.IndexOf(']');
            if (close > 0 && close + 1 < authority.Length && authority[close + 1] == ':')
            {
                host = authority.Substring(0, close + 1);
                port = authority.Substring(close + 2);
                return;
            }

            host = authority;
            port = null;
            return;
        }

        var colon = authority.LastIndexOf(':');
        if (colon >= 0)
        {
            host = authority.Substring(0, colon);
            port = authority.Substring(colon + 1);
            return;
        }

        host = authority;
        port = null;
    }

    private static string? CheckPort(string scheme, string port)
    {
        if (port.Length == 0 || port.Length > 5)
        {
            return "the port must be 1 to 65535";
        }

        foreach (var c in port)
        {
            if (c is < '0' or > '9')
            {
                return "the port must be decimal digits";
            }
        }

        if (port[0] == '0')
        {
            return "the port has a leading zero; browsers serialize ports without one";
        }

        var number = int.Parse(port, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number > 65535)
        {
            return "the port must be 1 to 65535";
        }

        if (DefaultPort(scheme) == number)
        {
            return $"':{port}' is the default port of {scheme}; browsers omit it from the Origin header";
        }

        return null;
    }

    private static int DefaultPort(string scheme) => scheme switch
    {
        "http" or "ws" => 80,
        "https" or "wss" => 443,
        "ftp" => 21,
        _ => -1,
    };

    private static string? CheckHost(string host)
    {
        if (host.Length == 0)
        {
            return "it has no host";
        }

        if (host[0] == '[')
        {
            if (host[host.Length - 1] != ']'
                || !IPAddress.TryParse(host.Substring(1, host.Length - 2), out var address)
                || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return "the bracketed host is not an IPv6 address";
            }

            var canonical = "[" + address.ToString() + "]";
            return canonical == host ? null : $"the IPv6 address is not in canonical form; browsers send {canonical}";
        }

        if (IsAllDigitsAndDots(host))
        {
            if (!IPAddress.TryParse(host, out var v4) || v4.AddressFamily != AddressFamily.InterNetwork || v4.ToString() != host)
            {
                return "the IPv4 address is not in dotted-decimal canonical form";
            }

            return null;
        }

        return DnsLabels.IsDomainName(host.AsSpan()) ? null : "the host is not a domain name of letters, digits and hyphens";
    }

    private static bool IsAllDigitsAndDots(string host)
    {
        foreach (var c in host)
        {
            if (c is not (>= '0' and <= '9' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
