namespace CorsGen;

/// <summary>
/// The origins allowed to read responses of the endpoint class's routes (on a class) or of one route
/// (on a method, replacing the class's value). Compiled into an ordinal matcher; nothing is evaluated
/// from configuration at run time.
/// </summary>
/// <remarks>
/// Each entry is one of:
/// <list type="bullet">
/// <item>a serialized origin, <c>scheme://host[:port]</c>, lower case, default port omitted, no path or trailing slash
/// (<c>"https://app.example.com"</c>, <c>"http://127.0.0.1:9000"</c>);</item>
/// <item><c>"*"</c>: any origin (answered with <c>Access-Control-Allow-Origin: *</c>; a compile-time error with <see cref="AllowCredentialsAttribute"/>);</item>
/// <item>a subdomain pattern <c>"https://*.example.com"</c>: one or more DNS labels before the suffix, never the apex itself, same scheme and port;</item>
/// <item><c>"null"</c>, the opaque origin, only when written explicitly.</item>
/// </list>
/// Request origins are compared byte for byte (ordinal); nothing is trimmed or case-folded.
/// See <see href="https://fetch.spec.whatwg.org/#origin-header">Fetch, "Origin header"</see> and
/// <see href="https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin">HTML, serialization of an origin</see>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowOriginsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="origins">Serialized origins, <c>"*"</c>, subdomain patterns or <c>"null"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="origins"/> is <see langword="null"/>.</exception>
    public AllowOriginsAttribute(params string[] origins)
    {
        Origins = origins ?? throw new ArgumentNullException(nameof(origins));
    }

    /// <summary>The origins, as written.</summary>
    public IReadOnlyList<string> Origins { get; }
}

/// <summary>
/// The methods a preflight may ask for (<c>Access-Control-Request-Method</c>), compared case-sensitively
/// as the Fetch standard does. When absent, exactly the methods mapped at the route's pattern in the
/// compilation. <c>"*"</c> allows any method token.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-allow-methods">Fetch, Access-Control-Allow-Methods</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowMethodsAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="methods">HTTP method tokens such as <c>"GET"</c>, <c>"PATCH"</c>, or <c>"*"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="methods"/> is <see langword="null"/>.</exception>
    public AllowMethodsAttribute(params string[] methods)
    {
        Methods = methods ?? throw new ArgumentNullException(nameof(methods));
    }

    /// <summary>The methods, as written.</summary>
    public IReadOnlyList<string> Methods { get; }
}

/// <summary>
/// The request headers a preflight may ask for (<c>Access-Control-Request-Headers</c>), compared
/// ASCII case-insensitively. The CORS-safelisted names <c>Accept</c>, <c>Accept-Language</c>,
/// <c>Content-Language</c> and <c>Content-Type</c> are always allowed (a browser lists them only when
/// their value is not safelisted, e.g. <c>Content-Type: application/json</c>). <c>"*"</c> allows any
/// requested header, <c>Authorization</c> included, by echoing the validated request list.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-allow-headers">Fetch, Access-Control-Allow-Headers</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowHeadersAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="headers">Header field names such as <c>"X-Api-Key"</c>, or <c>"*"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public AllowHeadersAttribute(params string[] headers)
    {
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The header names, as written.</summary>
    public IReadOnlyList<string> Headers { get; }
}

/// <summary>
/// Response headers that scripts of an allowed origin may read, sent as
/// <c>Access-Control-Expose-Headers</c> on actual (non-preflight) responses.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-expose-headers">Fetch, Access-Control-Expose-Headers</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ExposeHeadersAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="headers">Response header field names such as <c>"ETag"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    public ExposeHeadersAttribute(params string[] headers)
    {
        Headers = headers ?? throw new ArgumentNullException(nameof(headers));
    }

    /// <summary>The header names, as written.</summary>
    public IReadOnlyList<string> Headers { get; }
}

/// <summary>
/// Allows credentialed requests (cookies, HTTP authentication, client certificates): responses to
/// allowed origins carry <c>Access-Control-Allow-Credentials: true</c> and echo the request's origin.
/// Combining it with the <c>"*"</c> origin is a compile-time error.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-allow-credentials">Fetch, Access-Control-Allow-Credentials</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowCredentialsAttribute : Attribute;

/// <summary>
/// How long, in seconds, a browser may cache a preflight answer (<c>Access-Control-Max-Age</c>).
/// Without it browsers use 5 seconds; Chromium caps the value at 7200, Firefox at 86400.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-max-age">Fetch, Access-Control-Max-Age</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class MaxAgeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="seconds">Seconds, 0 or more; a negative value is a compile-time error.</param>
    public MaxAgeAttribute(int seconds)
    {
        Seconds = seconds;
    }

    /// <summary>The preflight cache lifetime in seconds.</summary>
    public int Seconds { get; }
}

/// <summary>
/// On a route method: the route gets no CORS headers and takes no part in the preflight answer of its
/// pattern, whatever the class says.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DisableCorsAttribute : Attribute;
