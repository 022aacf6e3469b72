using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>Response-header helpers of <see cref="CorsEndpointPolicy"/>.</summary>
internal static class CorsResponseHeaders
{
    private static readonly StringValues VaryOrigin = new("Origin");

    /// <summary>
    /// Adds <paramref name="fieldNames"/> (e.g. <c>"Origin"</c>) to the response's <c>Vary</c> header,
    /// keeping what is there. With no <c>Vary</c> yet this stores the given value and allocates nothing.
    /// </summary>
    /// <param name="headers">The response headers.</param>
    /// <param name="fieldNames">A precomputed value of one or more comma-separated field names.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches">Fetch, "CORS protocol and HTTP caches"</see>.</remarks>
    public static void AppendVary(IHeaderDictionary headers, StringValues fieldNames)
    {
        ArgumentNullException.ThrowIfNull(headers);

        var existing = headers.Vary;
        if (StringValues.IsNullOrEmpty(existing))
        {
            headers.Vary = fieldNames;
            return;
        }

        if (ContainsAll(existing, fieldNames))
        {
            return;
        }

        headers.Vary = StringValues.Concat(existing, fieldNames);
    }

    /// <summary>
    /// <see cref="AppendVary"/> with <c>"Origin"</c>, for the actual-request path: a response with no
    /// headers at all cannot have a <c>Vary</c>, so it gets <c>Vary: Origin</c> without a lookup first
    /// (one header-dictionary operation instead of two); any other response is appended to as by
    /// <see cref="AppendVary"/>.
    /// </summary>
    internal static void AppendVaryOrigin(IHeaderDictionary headers)
    {
        if (headers.Count == 0)
        {
            headers.Vary = VaryOrigin;
            return;
        }

        AppendVary(headers, VaryOrigin);
    }

    private static bool ContainsAll(StringValues existing, StringValues wanted)
    {
        foreach (var wantedName in new HeaderList(wanted))
        {
            if (!Contains(existing, wantedName))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(StringValues existing, ReadOnlySpan<char> name)
    {
        foreach (var element in new HeaderList(existing))
        {
            if (element.Equals(name, StringComparison.OrdinalIgnoreCase) || element.SequenceEqual("*"))
            {
                return true;
            }
        }

        return false;
    }
}
