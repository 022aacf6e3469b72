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
/// Without it browsers use 5 seconds; Chromium caps the value at 7200, WebKit (Safari) at 600,
/// Firefox at 86400.
/// See <see href="https://fetch.spec.whatwg.org/#http-access-control-max-age">Fetch, Access-Control-Max-Age</see>
/// and <see href="https://github.com/WebKit/WebKit/blob/main/Source/WebCore/loader/CrossOriginPreflightResultCache.cpp">WebKit's preflight cache</see>.
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

/// <summary>
/// Marks a <c>static partial class</c> as a reusable, named CORS policy: the CORS attributes on it
/// (<see cref="AllowOriginsAttribute"/>, <see cref="AllowMethodsAttribute"/>, ...) form the policy.
/// Endpoint classes and route methods apply it with <see cref="UseCorsPolicyAttribute"/>;
/// hand-mapped routes and route groups with <c>WithCors(PolicyClass.Policy)</c>, where
/// <c>Policy</c> is the <see cref="CompiledCorsPolicy"/> that CorsGen generates into the class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CorsPolicyAttribute : Attribute;

/// <summary>
/// Applies a <see cref="CorsPolicyAttribute"/> class's policy to an endpoint class (all its routes)
/// or to one route method. Lookup is per attribute kind, most specific first: the method's own
/// attribute, then the method's policy class, then the endpoint class's own attribute, then the
/// endpoint class's policy class.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class UseCorsPolicyAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="policyType">A <c>static partial class</c> marked <see cref="CorsPolicyAttribute"/>; a compile-time error otherwise (CORSGEN027).</param>
    /// <exception cref="ArgumentNullException"><paramref name="policyType"/> is <see langword="null"/>.</exception>
    public UseCorsPolicyAttribute(Type policyType)
    {
        PolicyType = policyType ?? throw new ArgumentNullException(nameof(policyType));
    }

    /// <summary>The policy class.</summary>
    public Type PolicyType { get; }
}

/// <summary>
/// Origins read from configuration at start-up (for example per environment), in addition to any
/// <see cref="AllowOriginsAttribute"/> origins. The key names either an array section
/// (<c>"Cors:AllowedOrigins": ["https://a.example", "https://b.example"]</c>) or one string of
/// origins separated by commas, semicolons or spaces (handy for environment variables such as
/// <c>Cors__AllowedOrigins</c>). Each entry must be a serialized origin, checked with the same rules
/// as compile-time origins; a bad entry makes the <c>Map...()</c> / <c>WithCors()</c> call throw
/// <see cref="InvalidOperationException"/> naming the key and the value. An absent key allows no
/// extra origin. Values are read when the routes are mapped and again whenever the configuration
/// reloads (<c>appsettings.json</c> with <c>reloadOnChange</c>, the default of <c>WebApplication</c>); a
/// reload with a bad entry is rejected and logged at Error (event <c>ConfiguredOriginsReloadRejected</c>,
/// naming the key and the value), and the previous origins stay. Lookups are ordinal against a frozen
/// set and allocate nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowOriginsFromConfigurationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="key">A configuration key such as <c>"Cors:AllowedOrigins"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public AllowOriginsFromConfigurationAttribute(string key)
    {
        Key = key ?? throw new ArgumentNullException(nameof(key));
    }

    /// <summary>The configuration key.</summary>
    public string Key { get; }
}

/// <summary>
/// Allows origins for which a static method returns <see langword="true"/>, like Express's <c>origin</c>
/// function: a method of the class carrying this attribute (<c>[AllowOriginPredicate(nameof(IsAllowed))]</c>),
/// or of another class, so that one predicate serves several policies
/// (<c>[AllowOriginPredicate(typeof(OriginRules), nameof(OriginRules.IsAllowed))]</c>; then the method must
/// not be private). The method has the shape
/// <c>static bool Name(string origin)</c> or <c>static bool Name(ReadOnlySpan&lt;char&gt; origin)</c>
/// (checked at compile time, CORSGEN025). It is called only with a syntactically valid serialized
/// origin (never with CR/LF, paths, userinfo, upper case or overlong values); an exception it throws
/// refuses the request and is logged. Allowed origins are echoed, and <c>Vary: Origin</c> is sent.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowOriginPredicateAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="methodName">The predicate's name, best written with <c>nameof</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="methodName"/> is <see langword="null"/>.</exception>
    public AllowOriginPredicateAttribute(string methodName)
    {
        MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
    }

    /// <summary>Creates the attribute for a predicate of another class.</summary>
    /// <param name="declaringType">The class declaring the predicate, e.g. <c>typeof(OriginRules)</c>.</param>
    /// <param name="methodName">The predicate's name, best written with <c>nameof</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AllowOriginPredicateAttribute(Type declaringType, string methodName)
        : this(methodName)
    {
        DeclaringType = declaringType ?? throw new ArgumentNullException(nameof(declaringType));
    }

    /// <summary>The predicate's name.</summary>
    public string MethodName { get; }

    /// <summary>The class declaring the predicate; <see langword="null"/>: the class carrying the attribute.</summary>
    public Type? DeclaringType { get; }
}

/// <summary>
/// Allows origins that an origin validator from the application's services accepts, for origins that live
/// in a database, a tenant registry or another service: <c>[AllowOriginValidator(typeof(TenantOriginValidator))]</c>.
/// The type implements <see cref="IOriginValidator"/> (synchronous) or <see cref="IAsyncOriginValidator"/>
/// (asynchronous, with a timeout, <see cref="CorsGenOptions.OriginValidatorTimeout"/>) and is registered in the
/// services under its own type; its registration's lifetime decides where it comes from (a singleton is resolved
/// once from the application's services, a scoped or transient one from each request's services). It is called
/// last, after the compiled origins, the configured origins and the predicate have refused, and only with a
/// well-formed serialized origin (<see cref="SerializedOrigin.IsValid"/>); it sees the origin and the request's
/// host, nothing else (<see cref="OriginValidationContext"/>). An exception or a timeout refuses the request and is
/// logged, never a 500. Results are not cached unless <see cref="CorsGenOptions.OriginValidatorCache"/> is set.
/// Checked at compile time: CORSGEN032 (not a validator), CORSGEN033 (on a <c>"*"</c> policy), CORSGEN034 (an open
/// generic type, or both forms at once). Like the other CORS attributes it goes on an endpoint class, a route
/// method or a <see cref="CorsPolicyAttribute"/> class (also for <c>WithCors</c> and <c>UseCorsGen(policy)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowOriginValidatorAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="validatorType">A class implementing <see cref="IOriginValidator"/> or <see cref="IAsyncOriginValidator"/>, registered in the services.</param>
    /// <exception cref="ArgumentNullException"><paramref name="validatorType"/> is <see langword="null"/>.</exception>
    public AllowOriginValidatorAttribute(Type validatorType)
    {
        ValidatorType = validatorType ?? throw new ArgumentNullException(nameof(validatorType));
    }

    /// <summary>The validator's type, as registered in the services.</summary>
    public Type ValidatorType { get; }
}

/// <summary>
/// Private Network Access: a preflight carrying <c>Access-Control-Request-Private-Network: true</c>
/// is answered with <c>Access-Control-Allow-Private-Network: true</c> (and <c>Vary</c> names the
/// request header). Without this attribute that request header is ignored, and the browser blocks the
/// request. This helps older Chromium only: Chrome 142 replaced Private Network Access preflights with
/// the Local Network Access permission prompt, which no server header grants, and the WICG marked
/// Private Network Access discontinued.
/// See <see href="https://wicg.github.io/private-network-access/">WICG, Private Network Access</see> and
/// <see href="https://wicg.github.io/local-network-access/">WICG, Local Network Access</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AllowPrivateNetworkAttribute : Attribute;

/// <summary>
/// The status code of a successful preflight: 204 (No Content, the default) or 200 (for old clients
/// that treat 204 as failure, as Express's <c>optionsSuccessStatus</c>). Any other value is a
/// compile-time error (CORSGEN026). The Fetch standard accepts any ok status (200-299).
/// See <see href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch, "CORS-preflight fetch"</see>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PreflightSuccessStatusAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="statusCode">200 or 204.</param>
    public PreflightSuccessStatusAttribute(int statusCode)
    {
        StatusCode = statusCode;
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }
}

/// <summary>
/// After an allowed preflight's CORS headers are written, hands the request on to the route's own
/// <c>OPTIONS</c> handler (an <c>[MapMethods(pattern, "OPTIONS")]</c> method of the endpoint class, or
/// an <c>OPTIONS</c> endpoint in the route group), which may add headers or a body; like Express's
/// <c>preflightContinue</c> and rs/cors's <c>OptionsPassthrough</c>. Refused preflights never reach
/// it. Without an <c>OPTIONS</c> handler at the pattern the preflight is answered as usual.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PreflightContinueAttribute : Attribute;
