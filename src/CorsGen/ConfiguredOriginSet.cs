using System.Collections.Frozen;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// The origins of one <see cref="AllowOriginsFromConfigurationAttribute"/> key, kept in step with the
/// configuration: read and checked at start-up (a bad value throws), read again when the configuration
/// reloads (for example <c>appsettings.json</c> with <c>reloadOnChange</c>). A reload with a bad value is
/// rejected and logged, and the previous origins stay. Requests read the current frozen set without locking
/// or allocating.
/// </summary>
internal sealed class ConfiguredOriginSet
{
    private readonly IServiceProvider _services;
    private readonly string _key;
    private readonly string _policyName;
    private readonly ILogger _logger;
    private volatile FrozenSet<string> _current;

    /// <exception cref="InvalidOperationException">A configured origin is not a serialized origin; the message names the key and the value.</exception>
    public ConfiguredOriginSet(IServiceProvider services, string key, string policyName, ILogger logger)
    {
        _services = services;
        _key = key;
        _policyName = policyName;
        _logger = logger;
        _current = ConfiguredOrigins.Load(services, key, policyName, logger);
        if (services.GetService<IConfiguration>() is { } configuration)
        {
            // For the application's lifetime, as the policy that holds this set.
            ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        }
    }

    /// <summary>The origins now in force.</summary>
    public FrozenSet<string> Current => _current;

    private void Reload()
    {
        try
        {
            _current = ConfiguredOrigins.Load(_services, _key, _policyName, _logger);
        }
        catch (InvalidOperationException rejected)
        {
            CorsLog.ConfiguredOriginsReloadRejected(_logger, _policyName, _key, _current.Count, rejected.Message);
        }
    }
}
