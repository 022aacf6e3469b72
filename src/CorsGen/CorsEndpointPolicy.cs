using CorsGen.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// A <see cref="CompiledCorsPolicy"/> bound to one application: its configured origins, its logger
/// and the methods mapped at one route pattern. This is the CORS protocol itself
/// (<see href="https://fetch.spec.whatwg.org/#http-cors-protocol">Fetch, "CORS protocol"</see>):
/// every header value is precomputed, so answering allocates nothing. Hostile requests are refused
/// (403 for preflights, no CORS headers for actual requests), never answered with an exception.
/// </summary>
public sealed class CorsEndpointPolicy
{
    private const string PrivateNetworkRequestHeader = "Access-Control-Request-Private-Network";
    private const string PrivateNetworkAllowHeader = "Access-Control-Allow-Private-Network";

    private static readonly StringValues AnyOrigin = new("*");
    private static readonly StringValues True = new("true");
    private static readonly StringValues PreflightVary = new("Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    private static readonly StringValues PrivateNetworkPreflightVary = new("Origin, Access-Control-Request-Method, Access-Control-Request-Headers, Access-Control-Request-Private-Network");

    private const string PreflightKind = "preflight";
    private const string ActualKind = "actual";
    private const string WebSocketKind = "websocket";

    private readonly CompiledCorsPolicy _policy;
    private readonly CompiledCorsPolicySettings _settings;
    private readonly ConfiguredOriginSet? _configuredOrigins;
    private readonly string[] _allowedMethods;
    private readonly string[] _acceptedMethods;
    private readonly bool _allowAnyMethod;
    private readonly StringValues _allowMethods;
    private readonly StringValues _allowHeaders;
    private readonly StringValues _exposeHeaders;
    private readonly StringValues _maxAge;
    private readonly StringValues _preflightVary;
    private readonly bool _echoOrigin;
    private readonly CorsPolicyBinding _binding;
    // Copied out of the binding for the request path.
    private readonly ILogger _logger;
    private readonly CorsMetrics? _metrics;
    private readonly Func<object, Task> _writeResponseHeaders;
    private readonly Func<object, Task> _writeResponseHeadersUncounted;

    // Set once UseCorsGen() has handled a request of this policy: its registration counts the decision from then
    // on (also for a 401 written before the endpoint), and the endpoint's own registration only writes headers.
    private volatile bool _countedByMiddleware;

    internal CorsEndpointPolicy(CompiledCorsPolicy policy, IServiceProvider services, IReadOnlyList<string> mappedMethods)
        : this(policy, CorsPolicyBinding.Create(policy.Settings, services), mappedMethods, mapsAnyMethod: false)
    {
    }

    private CorsEndpointPolicy(CompiledCorsPolicy policy, CorsPolicyBinding binding, IReadOnlyList<string> mappedMethods, bool mapsAnyMethod)
    {
        _policy = policy;
        _settings = policy.Settings;
        _binding = binding;
        _logger = binding.Logger;
        _metrics = binding.Metrics;
        _configuredOrigins = binding.ConfiguredOrigins;
        _allowedMethods = (_settings.AllowedMethods ?? mappedMethods).Where(m => m != "OPTIONS").Distinct(StringComparer.Ordinal).ToArray();
        // A route mapped for any method (endpoints.Map(pattern, handler)) offers any method token unless the policy lists methods.
        _allowAnyMethod = _settings.AllowAnyMethod || (mapsAnyMethod && _settings.AllowedMethods is null);
        // Listed or not, a safelisted method mapped here passes the browser's check, so it is accepted too (Access-Control-Allow-Methods stays the list).
        var safelistedMapped = mapsAnyMethod ? CorsRules.SafelistedMethods : mappedMethods.Where(CorsRules.IsSafelistedMethod);
        _acceptedMethods = _allowedMethods.Concat(safelistedMapped).Distinct(StringComparer.Ordinal).ToArray();
        _allowMethods = new StringValues(string.Join(", ", _allowedMethods));
        _allowHeaders = new StringValues(string.Join(", ", _settings.AllowedHeaders));
        _exposeHeaders = _settings.ExposedHeaders.Count == 0 ? default : new StringValues(string.Join(", ", _settings.ExposedHeaders));
        _maxAge = _settings.MaxAgeSeconds is { } seconds ? new StringValues(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)) : default;
        _preflightVary = _settings.AllowPrivateNetwork ? PrivateNetworkPreflightVary : PreflightVary;
        _echoOrigin = !_settings.AllowAnyOrigin || _settings.AllowCredentials;
        _writeResponseHeaders = state => WriteResponseHeadersCallback(state, countDecision: true);
        _writeResponseHeadersUncounted = state => WriteResponseHeadersCallback(state, countDecision: false);
    }

    /// <summary>The same binding (configured origins, logger) for the methods mapped at another pattern: configuration is read once per application.</summary>
    /// <param name="mappedMethods">The methods mapped at the pattern by routes with this policy.</param>
    /// <param name="mapsAnyMethod">Whether a route with this policy at the pattern accepts any method (mapped without method metadata).</param>
    internal CorsEndpointPolicy ForMappedMethods(IReadOnlyList<string> mappedMethods, bool mapsAnyMethod = false) =>
        new(_policy, _binding, mappedMethods, mapsAnyMethod);

    /// <summary>The origins read from the policy's configuration key, as loaded now (empty without one): for the CORS surface.</summary>
    internal IEnumerable<string> ConfiguredOrigins => _configuredOrigins?.Current ?? Enumerable.Empty<string>();

    /// <summary>The compiled policy this binds.</summary>
    public CompiledCorsPolicy Policy => _policy;

    /// <summary>Whether an allowed preflight hands the request on to the pattern's own OPTIONS handler.</summary>
    public bool PreflightContinue => _settings.PreflightContinue;

    /// <summary>
    /// Whether <paramref name="origin"/> is allowed: a compiled origin or pattern, a configured origin,
    /// or the origin predicate (called only for a syntactically valid serialized origin).
    /// </summary>
    /// <param name="origin">A non-empty <c>Origin</c> value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool IsOriginAllowed(string origin)
    {
        if (_settings.RefuseAll)
        {
            return false;
        }

        if (_policy.IsCompiledOriginAllowed(origin))
        {
            return true;
        }

        return (_configuredOrigins is not null || _settings.OriginPredicate is not null) && IsExtraOriginAllowed(origin);
    }

    // Configured origins, then the predicate: out of line, so the common compiled-only policy stays small.
    private bool IsExtraOriginAllowed(string origin)
    {
        if (_configuredOrigins is { } configured && configured.Current.Contains(origin))
        {
            return true;
        }

        if (_settings.OriginPredicate is { } predicate && SerializedOrigin.IsValid(origin))
        {
            try
            {
                return predicate(origin);
            }
            catch (Exception exception)
            {
                CorsLog.OriginPredicateFailed(_logger, _settings.Name, LogValue.Escape(origin), exception);
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a preflight may ask for <paramref name="method"/> (compared case-sensitively): an allowed
    /// method, or a CORS-safelisted one (GET, HEAD, POST) that a route with this policy maps at the
    /// pattern, which browsers pass without it being listed
    /// (<see href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch, "CORS-preflight fetch"</see>).
    /// </summary>
    /// <param name="method">The <c>Access-Control-Request-Method</c> value.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool IsMethodAllowed(string method)
    {
        if (_allowAnyMethod)
        {
            return HttpTokens.IsToken(method);
        }

        foreach (var allowed in _acceptedMethods)
        {
            if (string.Equals(allowed, method, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Answers a CORS-preflight request whose method the caller has already found allowed: writes the
    /// status and the <c>Access-Control-Allow-*</c> headers when origin and requested headers are
    /// allowed, else refuses with 403. <c>Vary</c> is written either way.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="serializedOrigin">The single, non-empty <c>Origin</c> value.</param>
    /// <param name="origin">The <c>Origin</c> header as received (echoed without copying).</param>
    /// <param name="requestMethod">The single <c>Access-Control-Request-Method</c> value.</param>
    /// <returns><see langword="true"/> when the preflight was allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch, "CORS-preflight fetch"</see>.</remarks>
    public bool AnswerPreflight(HttpContext context, string serializedOrigin, StringValues origin, StringValues requestMethod)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AnswerPreflight(context, serializedOrigin, origin, requestMethod, context.Request.Headers.AccessControlRequestHeaders);
    }

    /// <summary>
    /// Answers a CORS-preflight request as <see cref="AnswerPreflight(HttpContext, string, StringValues, StringValues)"/>
    /// does, with the <c>Access-Control-Request-Headers</c> the caller has already read.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="serializedOrigin">The single, non-empty <c>Origin</c> value.</param>
    /// <param name="origin">The <c>Origin</c> header as received (echoed without copying).</param>
    /// <param name="requestMethod">The single <c>Access-Control-Request-Method</c> value.</param>
    /// <param name="accessControlRequestHeaders">The request's <c>Access-Control-Request-Headers</c> lines (empty when absent).</param>
    /// <returns><see langword="true"/> when the preflight was allowed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#cors-preflight-fetch">Fetch, "CORS-preflight fetch"</see>.</remarks>
    public bool AnswerPreflight(HttpContext context, string serializedOrigin, StringValues origin, StringValues requestMethod, StringValues accessControlRequestHeaders)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsOriginAllowed(serializedOrigin))
        {
            return Refuse(context, OriginRefusal, "origin not allowed");
        }

        // An absent list allows nothing to refuse: no call into the compiled matcher.
        if (accessControlRequestHeaders.Count != 0 && !_policy.AreHeadersAllowed(accessControlRequestHeaders))
        {
            return Refuse(context, CorsRefusal.Headers, "requested headers not allowed");
        }

        _metrics?.Allowed(context, PreflightKind, _settings.Name);

        // Vary is written once per answer: here, or by Refuse.
        var response = context.Response;
        var headers = response.Headers;
        headers.Vary = _preflightVary;
        response.StatusCode = _settings.PreflightSuccessStatusCode;
        WriteAllowOrigin(headers, origin);
        headers.AccessControlAllowMethods = _allowAnyMethod ? requestMethod : _allowMethods;
        if (accessControlRequestHeaders.Count != 0)
        {
            headers.AccessControlAllowHeaders = _settings.AllowAnyHeader ? accessControlRequestHeaders : _allowHeaders;
        }

        if (_maxAge.Count != 0)
        {
            headers.AccessControlMaxAge = _maxAge;
        }

        if (IsPrivateNetworkRequest(context.Request.Headers[PrivateNetworkRequestHeader]))
        {
            if (_settings.AllowPrivateNetwork)
            {
                headers[PrivateNetworkAllowHeader] = True;
            }
            else if (_binding.ExplainRefusals)
            {
                // Not CorsGen's refusal but the browser's (older Chromium's Private Network Access): say why.
                headers[RefusalExplanation.HeaderName] = RefusalExplanation.PrivateNetwork(_settings.Name);
            }
        }

        return true;
    }

    /// <summary>
    /// Answers a CORS-preflight request (an <c>OPTIONS</c> with <c>Origin</c> and a non-empty
    /// <c>Access-Control-Request-Method</c>): refused unless it carries exactly one of each and the
    /// method is allowed (<see cref="IsMethodAllowed"/>), else as <see cref="AnswerPreflight(HttpContext, string, StringValues, StringValues, StringValues)"/>.
    /// </summary>
    /// <returns><see langword="true"/> when the preflight was allowed.</returns>
    internal bool AnswerPreflightRequest(HttpContext context, StringValues origin, StringValues requestMethod)
    {
        if (origin.Count != 1 || requestMethod.Count != 1 || origin[0] is not { Length: > 0 } serializedOrigin)
        {
            return Refuse(context, CorsRefusal.Malformed, "not exactly one Origin and one Access-Control-Request-Method");
        }

        if (!IsMethodAllowed(requestMethod[0]!))
        {
            return Refuse(context, Classify(context.Request.Headers), "method not allowed");
        }

        return AnswerPreflight(context, serializedOrigin, origin, requestMethod, context.Request.Headers.AccessControlRequestHeaders);
    }

    /// <summary>
    /// Hands an allowed preflight on to the pattern's own OPTIONS handler (<see cref="PreflightContinueAttribute"/>):
    /// the handler owns the status (200 unless it sets one), so it may write a body; the CORS headers stay.
    /// </summary>
    internal static Task ContinuePreflight(HttpContext context, RequestDelegate handler)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        return handler(context);
    }

    /// <summary>
    /// Refuses a preflight: 403 with the preflight <c>Vary</c> and no <c>Access-Control-*</c> headers, logged
    /// at Debug and counted in <c>corsgen.requests</c>. With <see cref="CorsGenOptions.ExplainRefusals"/> (by
    /// default in Development) the answer also says why.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="reason">Why, for the log.</param>
    /// <returns>Always <see langword="false"/>, so callers can <c>return Refuse(...)</c>.</returns>
    /// <remarks>
    /// Generated code calls this for a requested method the pattern does not allow or a preflight without
    /// exactly one <c>Origin</c> and one <c>Access-Control-Request-Method</c>; the <c>corsgen.requests</c>
    /// reason is read from the request (the first check it fails: malformed, origin, method).
    /// </remarks>
    public bool Refuse(HttpContext context, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Refuse(context, Classify(context.Request.Headers), reason);
    }

    internal bool Refuse(HttpContext context, CorsRefusal refusal, string reason)
    {
        context.Response.Headers.Vary = _preflightVary;
        context.Response.StatusCode = 403;
        if (_binding.ExplainRefusals)
        {
            ExplainRefusal(context, refusal);
        }

        _metrics?.Refused(context, PreflightKind, refusal, _settings.Name);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var request = context.Request.Headers;
            CorsLog.PreflightRefused(
                _logger,
                _settings.Name,
                CorsLog.Route(context),
                CorsMetrics.ReasonTag(refusal),
                reason,
                LogValue.Escape(request.Origin),
                LogValue.Escape(request.AccessControlRequestMethod),
                LogValue.Escape(request.AccessControlRequestHeaders));
        }

        return false;
    }

    /// <summary>
    /// Development only: the reason in <see cref="RefusalExplanation.HeaderName"/> and, where the browser is
    /// certain to fail the answer anyway, an ok status with the partial CORS headers that make Chromium's
    /// console name the cause (jub0bs/cors's debug mode). The refusal stays a refusal: without
    /// <c>Access-Control-Allow-Origin</c>, or with a method or header list that lacks what was asked for.
    /// </summary>
    private void ExplainRefusal(HttpContext context, CorsRefusal refusal)
    {
        var request = context.Request.Headers;
        var response = context.Response;
        var headers = response.Headers;
        // A header refusal names the first name the policy lacks; a list that does not parse has none.
        var refusedHeader = refusal == CorsRefusal.Headers && HttpTokens.IsTokenList(request.AccessControlRequestHeaders)
            ? FirstRefusedHeader(request.AccessControlRequestHeaders)
            : null;
        headers[RefusalExplanation.HeaderName] = RefusalExplanation.Describe(refusal, _settings.Name, request, refusedHeader, _allowMethods);
        switch (refusal)
        {
            case CorsRefusal.Origin:
                // "No 'Access-Control-Allow-Origin' header is present on the requested resource."
                response.StatusCode = _settings.PreflightSuccessStatusCode;
                break;
            case CorsRefusal.Method when !CorsRules.IsSafelistedMethod(request.AccessControlRequestMethod.ToString()):
                // "Method PUT is not allowed by Access-Control-Allow-Methods": the list lacks it, and only safelisted methods pass unlisted.
                response.StatusCode = _settings.PreflightSuccessStatusCode;
                WriteAllowOrigin(headers, request.Origin);
                headers.AccessControlAllowMethods = _allowMethods;
                break;
            case CorsRefusal.Headers when refusedHeader is not null && !_settings.AllowAnyHeader:
                // "Request header field x-api-key is not allowed by Access-Control-Allow-Headers": the list lacks a requested name.
                response.StatusCode = _settings.PreflightSuccessStatusCode;
                WriteAllowOrigin(headers, request.Origin);
                headers.AccessControlAllowMethods = _allowAnyMethod ? request.AccessControlRequestMethod : _allowMethods;
                headers.AccessControlAllowHeaders = _allowHeaders;
                break;
        }
    }

    // The origin echoed (or "*"), and credentials when the policy allows them.
    private void WriteAllowOrigin(IHeaderDictionary headers, StringValues origin)
    {
        headers.AccessControlAllowOrigin = _echoOrigin ? origin : AnyOrigin;
        if (_settings.AllowCredentials)
        {
            headers.AccessControlAllowCredentials = True;
        }
    }

    // The first requested header name the policy does not allow (Development explanations only: allocates).
    private string? FirstRefusedHeader(StringValues requestHeaders)
    {
        foreach (var name in new HeaderList(requestHeaders))
        {
            var single = new StringValues(name.ToString());
            if (!_policy.AreHeadersAllowed(single))
            {
                return single.ToString();
            }
        }

        return null;
    }

    // Why an origin is refused: a "*"-with-credentials policy refuses them all.
    private CorsRefusal OriginRefusal => _settings.RefuseAll ? CorsRefusal.AnyOriginWithCredentials : CorsRefusal.Origin;

    // For a refusal whose caller knows only "method, or malformed": the first check the preflight fails.
    private CorsRefusal Classify(IHeaderDictionary request)
    {
        var origin = request.Origin;
        if (origin.Count != 1 || request.AccessControlRequestMethod.Count != 1 || origin[0] is not { Length: > 0 } serializedOrigin)
        {
            return CorsRefusal.Malformed;
        }

        return IsOriginAllowed(serializedOrigin) ? CorsRefusal.Method : OriginRefusal;
    }

    /// <summary>
    /// An endpoint convention: wraps the endpoint's request delegate so its responses get the CORS
    /// headers of actual requests when they start (also after an exception handler cleared them).
    /// </summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="InvalidOperationException">The endpoint has no request delegate.</exception>
    public void AddResponseHeaders(EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var next = builder.RequestDelegate ?? throw new InvalidOperationException($"Endpoint '{builder.DisplayName}' has no request delegate to add CORS headers to.");
        // Metadata, so UseCorsGen() can write the same headers when middleware answers before the endpoint.
        builder.Metadata.Add(this);
        builder.RequestDelegate = context =>
        {
            if (WebSocketHandshake.Is(context))
            {
                // Not a CORS request: the origin decides whether the socket opens at all, and a 101 needs no CORS headers.
                return AllowsWebSocket(context) ? next(context) : Task.CompletedTask;
            }

            WriteResponseHeadersOnStarting(context, countDecision: !_countedByMiddleware);
            return next(context);
        };
    }

    /// <summary>A CORS-preflight request (https://fetch.spec.whatwg.org/#cors-preflight-request): an <c>OPTIONS</c> with <c>Origin</c> and a non-empty <c>Access-Control-Request-Method</c>.</summary>
    internal static bool IsPreflightRequest(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) && request.Headers.Origin.Count != 0 && !StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);

    /// <summary>
    /// A convention after <see cref="AddResponseHeaders"/> for a route that answers its own CORS preflights
    /// (a fallback, which routing sends every method, preflights included): a preflight is answered with
    /// this policy (bound for any method) and goes no further; any other request goes on.
    /// </summary>
    internal void AnswerPreflights(EndpointBuilder builder)
    {
        var next = builder.RequestDelegate!;
        builder.RequestDelegate = context =>
        {
            if (IsPreflightRequest(context.Request))
            {
                var headers = context.Request.Headers;
                AnswerPreflightRequest(context, headers.Origin, headers.AccessControlRequestMethod);
                return Task.CompletedTask;
            }

            return next(context);
        };
    }

    /// <summary>
    /// Checks the <c>Origin</c> of a WebSocket opening handshake, which CORS does not cover (the browser
    /// opens the socket whatever the answer's headers say): a handshake without <c>Origin</c> (not from a
    /// browser), from the app's own origin, or from an origin the policy allows goes on; any other is
    /// refused with 403 before the endpoint runs, so a page of a foreign site cannot open a socket with
    /// the user's cookies (cross-site WebSocket hijacking). Counted in <c>corsgen.requests</c> as kind
    /// <c>websocket</c>, logged at Debug, explained in <c>CorsGen-Refusal</c> with
    /// <see cref="CorsGenOptions.ExplainRefusals"/>. Allocates nothing unless it logs or explains.
    /// </summary>
    /// <param name="context">A request for which <see cref="WebSocketHandshake.Is"/> holds.</param>
    /// <returns><see langword="true"/> when the handshake may go on.</returns>
    internal bool AllowsWebSocket(HttpContext context)
    {
        var origin = context.Request.Headers.Origin;
        if (origin.Count == 0)
        {
            return true;
        }

        var refusal = CorsRefusal.Malformed;
        if (origin.Count == 1 && origin[0] is { Length: > 0 } serializedOrigin)
        {
            if (WebSocketHandshake.IsSameOrigin(context.Request, serializedOrigin))
            {
                return true;
            }

            if (IsOriginAllowed(serializedOrigin))
            {
                _metrics?.Allowed(context, WebSocketKind, _settings.Name);
                return true;
            }

            refusal = OriginRefusal;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (_binding.ExplainRefusals)
        {
            context.Response.Headers[RefusalExplanation.HeaderName] = RefusalExplanation.WebSocket(refusal, _settings.Name, origin);
        }

        _metrics?.Refused(context, WebSocketKind, refusal, _settings.Name);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            CorsLog.WebSocketRefused(_logger, _settings.Name, CorsLog.Route(context), CorsMetrics.ReasonTag(refusal), LogValue.Escape(origin));
        }

        return false;
    }

    /// <summary>Has <see cref="WriteResponseHeaders(HttpContext)"/> run when the response starts; allocates nothing.</summary>
    /// <param name="context">The request.</param>
    /// <param name="countDecision">Whether this registration counts the decision in <c>corsgen.requests</c>.</param>
    internal void WriteResponseHeadersOnStarting(HttpContext context, bool countDecision = true) =>
        context.Response.OnStarting(countDecision ? _writeResponseHeaders : _writeResponseHeadersUncounted, context);

    /// <summary>
    /// <see cref="WriteResponseHeadersOnStarting"/> for <c>UseCorsGen()</c>, ahead of the route's endpoint: it
    /// counts the decision, so a response that middleware writes before the endpoint runs is counted too, and the
    /// endpoint's registration, writing the same headers again, no longer counts.
    /// </summary>
    internal void WriteResponseHeadersOnStartingFromMiddleware(HttpContext context)
    {
        _countedByMiddleware = true;
        if (WebSocketHandshake.Is(context))
        {
            return; // the endpoint checks its origin (AddResponseHeaders); a 101 needs no CORS headers
        }

        context.Response.OnStarting(_writeResponseHeaders, context);
    }

    /// <summary>Writes the CORS headers of an actual (non-preflight) response; <c>Vary: Origin</c> always.</summary>
    /// <param name="context">The request.</param>
    /// <remarks>See <see href="https://fetch.spec.whatwg.org/#http-responses">Fetch, "HTTP responses"</see>.</remarks>
    public void WriteResponseHeaders(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WriteResponseHeaders(context, countDecision: true);
    }

    private Task WriteResponseHeadersCallback(object state, bool countDecision)
    {
        WriteResponseHeaders((HttpContext)state, countDecision);
        return Task.CompletedTask;
    }

    private void WriteResponseHeaders(HttpContext context, bool countDecision)
    {
        var headers = context.Response.Headers;
        CorsResponseHeaders.AppendVaryOrigin(headers);
        var origin = context.Request.Headers.Origin;
        if (origin.Count != 1 || origin[0] is not { Length: > 0 } serializedOrigin)
        {
            return;
        }

        if (!IsOriginAllowed(serializedOrigin))
        {
            if (countDecision)
            {
                _metrics?.Refused(context, ActualKind, OriginRefusal, _settings.Name);
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                CorsLog.ActualRequestOriginRefused(
                    _logger, _settings.Name, CorsLog.Route(context), CorsMetrics.ReasonTag(OriginRefusal), LogValue.Escape(origin));
            }

            return;
        }

        if (countDecision)
        {
            _metrics?.Allowed(context, ActualKind, _settings.Name);
        }

        WriteAllowOrigin(headers, origin);
        if (_exposeHeaders.Count != 0)
        {
            headers.AccessControlExposeHeaders = _exposeHeaders;
        }
    }

    // "true", ASCII case-insensitively, on exactly one line (https://wicg.github.io/private-network-access/#headers).
    private static bool IsPrivateNetworkRequest(StringValues value) =>
        value.Count == 1 && string.Equals(value[0], "true", StringComparison.OrdinalIgnoreCase);
}
