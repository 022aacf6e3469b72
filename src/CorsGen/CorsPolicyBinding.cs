using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorsGen;

/// <summary>What a compiled policy takes from one application: read once, shared by every pattern it is bound to.</summary>
/// <param name="Logger">Category <c>CorsGen</c>.</param>
/// <param name="Metrics">The <c>CorsGen</c> meter's instruments, or <see langword="null"/> without an <c>IMeterFactory</c>.</param>
/// <param name="ConfiguredOrigins">Origins from <see cref="AllowOriginsFromConfigurationAttribute"/>'s key (kept in step with reloads), or <see langword="null"/>.</param>
/// <param name="ExplainRefusals">Whether refused preflights carry their reason (<see cref="CorsGenOptions.ExplainRefusals"/>).</param>
/// <param name="OriginValidator">The policy's <see cref="AllowOriginValidatorAttribute"/> validator, or <see langword="null"/>.</param>
internal sealed record CorsPolicyBinding(ILogger Logger, CorsMetrics? Metrics, ConfiguredOriginSet? ConfiguredOrigins, bool ExplainRefusals, OriginValidatorBinding? OriginValidator = null)
{
    /// <exception cref="InvalidOperationException">A configured origin is not a serialized origin, or the origin validator cannot be bound.</exception>
    public static CorsPolicyBinding Create(CompiledCorsPolicySettings settings, IServiceProvider services)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("CorsGen") ?? NullLogger.Instance;
        var configured = settings.OriginsConfigurationKey is { } key ? new ConfiguredOriginSet(services, key, settings.Name, logger) : null;
        var options = services.GetService<IOptions<CorsGenOptions>>()?.Value;
        var explain = options?.ExplainRefusals
            ?? services.GetService<IHostEnvironment>()?.IsDevelopment()
            ?? false;
        var validator = settings.OriginValidatorType is { } type
            ? OriginValidatorBinding.Create(type, services, options ?? new CorsGenOptions(), settings.Name, logger)
            : null;
        return new CorsPolicyBinding(logger, CorsMetrics.Create(services), configured, explain, validator);
    }
}
