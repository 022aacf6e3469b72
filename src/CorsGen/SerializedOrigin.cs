using CorsGen.Shared;

namespace CorsGen;

/// <summary>
/// The serialized-origin grammar browsers send in <c>Origin</c>, checked without allocating:
/// lower-case <c>scheme "://" host [":" port]</c> with an LDH domain name, a dotted IPv4 address or a
/// bracketed IPv6 address, no default port, path, query, fragment, userinfo, whitespace or non-ASCII.
/// See <see href="https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin">HTML, "ASCII serialization of an origin"</see>.
/// </summary>
public static class SerializedOrigin
{
    /// <summary>Longest origin accepted: a 253-character host, a scheme and a port fit well within it.</summary>
    public const int MaxLength = 512;

    /// <summary>Whether <paramref name="origin"/> is a tuple origin in its serialized form (<c>"null"</c> is not).</summary>
    /// <param name="origin">The characters to test.</param>
    /// <returns><see langword="true"/> for a well-formed serialized origin.</returns>
    public static bool IsValid(ReadOnlySpan<char> origin)
    {
        if (origin.Length > MaxLength)
        {
            return false;
        }

        var separator = origin.IndexOf("://".AsSpan());
        if (separator <= 0 || !OriginSyntax.IsScheme(origin[..separator]))
        {
            return false;
        }

        var scheme = origin[..separator];
        var authority = origin[(separator + 3)..];
        ReadOnlySpan<char> host;
        var port = ReadOnlySpan<char>.Empty;
        var hasPort = false;
        if (authority.StartsWith("["))
        {
            var close = authority.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = authority[..(close + 1)];
            var rest = authority[(close + 1)..];
            if (!rest.IsEmpty)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                hasPort = true;
                port = rest[1..];
            }

            if (!IsIPv6Literal(host[1..^1]))
            {
                return false;
            }
        }
        else
        {
            var colon = authority.IndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            if (colon >= 0)
            {
                hasPort = true;
                port = authority[(colon + 1)..];
            }

            if (!DnsLabels.IsDomainName(host))
            {
                return false;
            }
        }

        return !hasPort || IsPort(port, scheme);
    }

    private static bool IsIPv6Literal(ReadOnlySpan<char> address)
    {
        if (address.IsEmpty || address.Length > 39)
        {
            return false;
        }

        foreach (var c in address)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f' or ':' or '.'))
            {
                return false;
            }
        }

        return System.Net.IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
    }

    private static bool IsPort(ReadOnlySpan<char> port, ReadOnlySpan<char> scheme)
    {
        if (port.IsEmpty || port.Length > 5 || (port[0] == '0'))
        {
            return false;
        }

        var value = 0;
        foreach (var c in port)
        {
            if (c is not (>= '0' and <= '9'))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return value <= 65535
            && !(value == 443 && scheme.SequenceEqual("https"))
            && !(value == 80 && scheme.SequenceEqual("http"));
    }
}
