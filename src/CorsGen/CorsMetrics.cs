using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen;

/// <summary>Why CorsGen refused a CORS request: the <c>corsgen.refusal.reason</c> tag of <c>corsgen.requests</c>.</summary>
internal enum CorsRefusal
{
    /// <summary>The origin is not allowed by the policy.</summary>
    Origin,

    /// <summary>The requested method is not allowed.</summary>
    Method,

    /// <summary>A requested header is not allowed, or the list does not parse.</summary>
    Headers,

    /// <summary>Not exactly one <c>Origin</c> and one <c>Access-Control-Request-Method</c>.</summary>
    Malformed,

    /// <summary>The policy combines <c>"*"</c> with credentials (CORSGEN002) and refuses everything.</summary>
    AnyOriginWithCredentials,

    /// <summary>The app-wide policy's preflight for a method a <see cref="DisableCorsAttribute"/> route takes.</summary>
    DisabledRoute,

    /// <summary>The origin validator threw, or could not be resolved from the services.</summary>
    OriginValidatorError,

    /// <summary>The asynchronous origin validator did not answer within <see cref="CorsGenOptions.OriginValidatorTimeout"/>.</summary>
    OriginValidatorTimeout,

    /// <summary>The request was aborted while the asynchronous origin validator was running.</summary>
    OriginValidatorCanceled,
}

/// <summary>
/// CorsGen's meter, <c>CorsGen</c>, from the application's <see cref="IMeterFactory"/>: the counter
/// <c>corsgen.requests</c> of CORS decisions. Tags are bounded (never the origin); recording builds a
/// <see cref="TagList"/> on the stack, so it allocates nothing, with or without a listener.
/// </summary>
internal sealed class CorsMetrics
{
    public const string MeterName = "CorsGen";
    public const string RequestsName = "corsgen.requests";

    private readonly Counter<long> _requests;

    private CorsMetrics(IMeterFactory factory)
    {
        var meter = factory.Create(MeterName, typeof(CorsMetrics).Assembly.GetName().Version?.ToString());
        _requests = meter.CreateCounter<long>(
            RequestsName,
            unit: "{request}",
            description: "CORS decisions of CorsGen: preflights answered or refused, and actual requests whose origin was allowed or refused.");
    }

    /// <summary>The application's metrics, or <see langword="null"/> when it registers no <see cref="IMeterFactory"/>.</summary>
    public static CorsMetrics? Create(IServiceProvider services) =>
        services.GetService<IMeterFactory>() is { } factory ? new CorsMetrics(factory) : null;

    public void Allowed(HttpContext context, string kind, string policy)
    {
        if (_requests.Enabled)
        {
            Record(context, kind, "allowed", null, policy);
        }
    }

    public void Refused(HttpContext context, string kind, CorsRefusal reason, string policy)
    {
        if (_requests.Enabled)
        {
            Record(context, kind, "refused", ReasonTag(reason), policy);
        }
    }

    private void Record(HttpContext context, string kind, string result, string? reason, string policy)
    {
        var tags = new TagList
        {
            { "corsgen.request.kind", kind },
            { "corsgen.result", result },
            { "corsgen.policy", policy },
        };
        if (reason is not null)
        {
            tags.Add("corsgen.refusal.reason", reason);
        }

        // OpenTelemetry's name for the matched route template; absent when no route matched (a 404).
        if (context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route })
        {
            tags.Add("http.route", route);
        }

        _requests.Add(1, in tags);
    }

    internal static string ReasonTag(CorsRefusal reason) => reason switch
    {
        CorsRefusal.Origin => "origin",
        CorsRefusal.Method => "method",
        CorsRefusal.Headers => "headers",
        CorsRefusal.Malformed => "malformed",
        CorsRefusal.AnyOriginWithCredentials => "any_origin_with_credentials",
        CorsRefusal.OriginValidatorError => "origin_validator_error",
        CorsRefusal.OriginValidatorTimeout => "origin_validator_timeout",
        CorsRefusal.OriginValidatorCanceled => "origin_validator_canceled",
        _ => "disabled_route",
    };
}
