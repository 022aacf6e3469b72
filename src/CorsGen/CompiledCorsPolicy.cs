using System.ComponentModel;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// A CORS policy compiled by CorsGen from attributes. CorsGen generates one sealed subclass per
/// policy (its origin matcher and header matcher are compiled code); users get instances from a
/// <see cref="CorsPolicyAttribute"/> class's generated <c>Policy</c> property and pass them to
/// <c>WithCors(...)</c>. Instances are immutable and shared by every application in the process;
/// what depends on one application (configured origins, logger, the methods mapped at a pattern) is
/// bound by <see cref="CreateEndpointPolicy"/>.
/// </summary>
public abstract class CompiledCorsPolicy
{
    /// <summary>Creates the policy; called by generated code.</summary>
    /// <param name="settings">The compiled values.</param>
    /// <exception cref="ArgumentNullException"><paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A value is outside what the attributes allow (the analyzers report these at compile time).</exception>
    protected CompiledCorsPolicy(CompiledCorsPolicySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PreflightSuccessStatusCode is not (200 or 204))
        {
            throw new ArgumentException($"Preflight success status {settings.PreflightSuccessStatusCode} is not 200 or 204.", nameof(settings));
        }

        if (settings.MaxAgeSeconds is < 0)
        {
            throw new ArgumentException($"Max-age {settings.MaxAgeSeconds} is negative.", nameof(settings));
        }

        Settings = settings;
    }

    /// <summary>The compiled values of the policy.</summary>
    public CompiledCorsPolicySettings Settings { get; }

    /// <summary>
    /// Whether a request origin is allowed by the compiled part of the policy: the literal origins, the
    /// subdomain patterns and <c>"*"</c>. Configured origins and the origin predicate are checked by the
    /// <see cref="CorsEndpointPolicy"/> that binds this policy.
    /// </summary>
    /// <param name="origin">The request's <c>Origin</c> value, non-empty, compared byte for byte.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract bool IsCompiledOriginAllowed(string origin);

    /// <summary>Whether every name in <c>Access-Control-Request-Headers</c> is allowed (true for an absent header).</summary>
    /// <param name="requestHeaders">The header's lines.</param>
    /// <returns><see langword="true"/> when every requested name is allowed.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract bool AreHeadersAllowed(StringValues requestHeaders);

    /// <summary>
    /// Binds the policy to one application: reads its configured origins, takes its logger, and fixes
    /// the methods a preflight may ask for when the policy has no <see cref="AllowMethodsAttribute"/>.
    /// </summary>
    /// <param name="services">The application's services (for <c>IConfiguration</c> and <c>ILoggerFactory</c>; both optional).</param>
    /// <param name="mappedMethods">The methods mapped at the route pattern; used only when <see cref="CompiledCorsPolicySettings.AllowedMethods"/> is <see langword="null"/>.</param>
    /// <returns>The bound policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A configured origin is not a serialized origin; the message names the key and the value.</exception>
    public CorsEndpointPolicy CreateEndpointPolicy(IServiceProvider services, IReadOnlyList<string>? mappedMethods = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new CorsEndpointPolicy(this, services, mappedMethods ?? Array.Empty<string>());
    }

    /// <inheritdoc/>
    public override string ToString() => "CORS policy " + Settings.Name;
}

/// <summary>The compiled values of a <see cref="CompiledCorsPolicy"/>, as generated from its attributes.</summary>
public sealed class CompiledCorsPolicySettings
{
    /// <summary>The policy's name for logs: its class, or class and method.</summary>
    public string Name { get; init; } = "";

    /// <summary><c>"*"</c> was given: any origin (answered with <c>*</c> unless credentials are allowed).</summary>
    public bool AllowAnyOrigin { get; init; }

    /// <summary>The attributes combine <c>"*"</c> with credentials (CORSGEN002): everything is refused.</summary>
    public bool RefuseAll { get; init; }

    /// <summary>
    /// The exact origins the compiled matcher allows (<see cref="AllowOriginsAttribute"/>), for the CORS surface
    /// (<see cref="CorsSurface"/>); <see cref="CompiledCorsPolicy.IsCompiledOriginAllowed"/> decides, not this list.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = Array.Empty<string>();

    /// <summary>The subdomain patterns the compiled matcher allows, as written (<c>https://*.example.com</c>), for the CORS surface.</summary>
    public IReadOnlyList<string> OriginPatterns { get; init; } = Array.Empty<string>();

    /// <summary>The origin predicate's method (<c>Namespace.Type.Method</c>), for the CORS surface; <see langword="null"/> without a predicate.</summary>
    public string? OriginPredicateName { get; init; }

    /// <summary>Configuration key of extra origins (<see cref="AllowOriginsFromConfigurationAttribute"/>), or <see langword="null"/>.</summary>
    public string? OriginsConfigurationKey { get; init; }

    /// <summary>The origin predicate (<see cref="AllowOriginPredicateAttribute"/>), or <see langword="null"/>.</summary>
    public Func<string, bool>? OriginPredicate { get; init; }

    /// <summary>Methods a preflight may ask for; <see langword="null"/>: the methods mapped at the pattern.</summary>
    public IReadOnlyList<string>? AllowedMethods { get; init; }

    /// <summary><c>"*"</c> methods: any method token (echoed).</summary>
    public bool AllowAnyMethod { get; init; }

    /// <summary>The allowed request-header names sent in <c>Access-Control-Allow-Headers</c> (the safelisted names included).</summary>
    public IReadOnlyList<string> AllowedHeaders { get; init; } = Array.Empty<string>();

    /// <summary><c>"*"</c> headers: any well-formed requested list (echoed).</summary>
    public bool AllowAnyHeader { get; init; }

    /// <summary>Response headers sent in <c>Access-Control-Expose-Headers</c>.</summary>
    public IReadOnlyList<string> ExposedHeaders { get; init; } = Array.Empty<string>();

    /// <summary><c>Access-Control-Allow-Credentials: true</c>; the origin is echoed.</summary>
    public bool AllowCredentials { get; init; }

    /// <summary><c>Access-Control-Max-Age</c> in seconds, or <see langword="null"/> for none.</summary>
    public int? MaxAgeSeconds { get; init; }

    /// <summary>Answers Private Network Access preflights (<see cref="AllowPrivateNetworkAttribute"/>).</summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>Status of an allowed preflight: 204 or 200.</summary>
    public int PreflightSuccessStatusCode { get; init; } = 204;

    /// <summary>Hands allowed preflights on to the pattern's own OPTIONS handler (<see cref="PreflightContinueAttribute"/>).</summary>
    public bool PreflightContinue { get; init; }
}
