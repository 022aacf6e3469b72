namespace CorsGen;

/// <summary>
/// Application-wide CorsGen settings, configured by
/// <see cref="Microsoft.Extensions.DependencyInjection.CorsGenServiceCollectionExtensions.AddCorsGen(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{CorsGenOptions})"/>.
/// Per-route CORS behaviour stays in the attributes; these settings are about CorsGen's place among
/// the framework's own protections.
/// </summary>
public sealed class CorsGenOptions
{
    /// <summary>
    /// On ASP.NET Core 11 and later (the <c>net11.0</c> build of CorsGen): whether the framework's
    /// cross-origin (CSRF) protection, <c>ICsrfProtection</c>, trusts a request to a CorsGen route
    /// exactly when ASP.NET Core would trust it for the equivalent CORS policy: the route's policy
    /// allows credentials, does not allow any origin, and the request has one <c>Origin</c> that the
    /// policy allows (compiled, configured or predicate). Default <see langword="true"/>; with
    /// <see langword="false"/> every request gets the framework's own verdict, so cross-origin form
    /// posts to CorsGen routes are refused with 400. Ignored on earlier frameworks, which have no such
    /// protection. See <see href="https://github.com/dotnet/aspnetcore/pull/66585">dotnet/aspnetcore #66585</see>.
    /// </summary>
    public bool TrustCorsGenPoliciesForCsrfProtection { get; set; } = true;

    /// <summary>
    /// Whether a refused preflight says why: a <c>CorsGen-Refusal</c> response header with the reason
    /// (for the browser's network panel) and, where the browser fails the answer anyway, an ok status with
    /// the partial CORS headers that make Chromium's console name the cause ("Request header field
    /// x-api-key is not allowed by Access-Control-Allow-Headers in preflight response"). A refused
    /// request stays refused: the actual request is never sent and its response never readable.
    /// <see langword="null"/> (the default): only in the Development environment
    /// (<c>IHostEnvironment.IsDevelopment()</c>). Outside it, a refusal is a 403 with no
    /// <c>Access-Control-*</c> headers. Read when the policies are bound, at start-up.
    /// </summary>
    public bool? ExplainRefusals { get; set; }

    /// <summary>
    /// How long CorsGen waits for an asynchronous origin validator (<see cref="IAsyncOriginValidator"/>) before it
    /// refuses the request (logged at Warning, counted with the <c>corsgen.refusal.reason</c>
    /// <c>origin_validator_timeout</c>) and cancels the validator's token. Default 2 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as the request lasts. Synchronous validators are not
    /// timed (a synchronous call cannot be interrupted). Read when the policies are bound, at start-up; zero or a
    /// negative value other than infinite is a start-up error.
    /// </summary>
    public TimeSpan OriginValidatorTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// An opt-in cache of origin validators' answers, allowed and refused alike, per policy, keyed by origin and host;
    /// <see langword="null"/> (the default): none, every request that reaches the validator calls it. An exception,
    /// a timeout or a cancellation is never cached. Read when the policies are bound, at start-up.
    /// </summary>
    public OriginValidatorCacheOptions? OriginValidatorCache { get; set; }
}

/// <summary>
/// The bounded cache of <see cref="CorsGenOptions.OriginValidatorCache"/>, a
/// <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> with a size limit: each answer counts 1, so a flood
/// of random origins fills it to <see cref="MaxEntries"/> and no further (an answer that does not fit is not stored,
/// and the cache compacts itself), while the validator still decides every origin it has not stored.
/// </summary>
public sealed class OriginValidatorCacheOptions
{
    /// <summary>Most answers kept per policy. Default 10 000; must be positive.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>
    /// How long an answer is kept after it was obtained (absolute, not sliding, so a revoked tenant is refused at
    /// the latest this long after its removal). Default 1 minute; must be positive.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(1);
}
