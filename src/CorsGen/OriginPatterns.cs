using CorsGen.Shared;

namespace CorsGen;

/// <summary>
/// Matches a request's serialized origin against a subdomain pattern such as
/// <c>https://*.example.com</c>, byte for byte and without allocating.
/// </summary>
public static class OriginPatterns
{
    /// <summary>
    /// Whether <paramref name="origin"/> is <paramref name="schemePrefix"/>, then one or more DNS labels,
    /// then <paramref name="hostSuffix"/>, then <paramref name="portSuffix"/>. The labels must be
    /// lower-case LDH labels (<c>a-z</c>, <c>0-9</c>, <c>-</c>, 1 to 63 characters, no leading or trailing
    /// hyphen) separated by single dots, so the apex, an empty label, upper case, <c>_</c>, userinfo,
    /// paths, other schemes and other ports never match.
    /// </summary>
    /// <param name="origin">The request's <c>Origin</c> header value, as received.</param>
    /// <param name="schemePrefix">The scheme and separator, e.g. <c>"https://"</c>.</param>
    /// <param name="hostSuffix">The host after the wildcard, starting with a dot, e.g. <c>".example.com"</c>.</param>
    /// <param name="portSuffix">The port part, e.g. <c>":8443"</c>, or <c>""</c> for the scheme's default port.</param>
    /// <returns><see langword="true"/> for a match.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <remarks>Subdomain patterns are a CorsGen extension; the Fetch standard only compares whole origins
    /// (<see href="https://fetch.spec.whatwg.org/#cors-check">Fetch, "CORS check"</see>).</remarks>
    public static bool IsSubdomainMatch(string origin, string schemePrefix, string hostSuffix, string portSuffix)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(schemePrefix);
        ArgumentNullException.ThrowIfNull(hostSuffix);
        ArgumentNullException.ThrowIfNull(portSuffix);

        var value = origin.AsSpan();
        if (!value.StartsWith(schemePrefix, StringComparison.Ordinal))
        {
            return false;
        }

        value = value[schemePrefix.Length..];
        if (!value.EndsWith(portSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        value = value[..^portSuffix.Length];
        if (!value.EndsWith(hostSuffix, StringComparison.Ordinal) || value.Length > DnsLabels.MaxHostLength)
        {
            return false;
        }

        var labels = value[..^hostSuffix.Length];
        return DnsLabels.AreLabels(labels);
    }
}
