using System.Collections.Frozen;
using CorsGen.Shared;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsGen;

/// <summary>Reads the origins of a configuration key (<see cref="AllowOriginsFromConfigurationAttribute"/>), validated like compile-time origins.</summary>
internal static class ConfiguredOrigins
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    /// <exception cref="InvalidOperationException">An entry is not a serialized origin.</exception>
    public static FrozenSet<string> Load(IServiceProvider services, string key, string policyName, ILogger logger)
    {
        var configuration = services.GetService<IConfiguration>();
        var section = configuration?.GetSection(key);
        var entries = new List<(string Path, string Value)>();
        if (section is not null)
        {
            foreach (var child in section.GetChildren())
            {
                if (child.Value is { } value)
                {
                    entries.Add((child.Path, value));
                }
            }

            // Both forms count: an appsettings array and a string from an environment variable or the command line.
            if (section.Value is { } list)
            {
                foreach (var value in list.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
                {
                    entries.Add((section.Path, value));
                }
            }
        }

        if (entries.Count == 0)
        {
            CorsLog.ConfiguredOriginsMissing(logger, policyName, key);
            return FrozenSet<string>.Empty;
        }

        var origins = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, value) in entries)
        {
            var parsed = OriginSyntax.Parse(value);
            if (parsed.Kind != OriginKind.Exact)
            {
                var why = parsed.Kind switch
                {
                    OriginKind.Any => "\"*\" cannot come from configuration; write [AllowOrigins(\"*\")] so the compiler can check it",
                    OriginKind.SubdomainPattern => "subdomain patterns cannot come from configuration; write them in [AllowOrigins] so the compiler can check them",
                    _ => parsed.Error ?? "it is malformed",
                };
                throw new InvalidOperationException(
                    $"CorsGen: configuration value '{path}' = {LogValue.Escape(value)} (CORS policy {policyName}) is not a serialized origin (scheme://host[:port], lower case, no path or trailing slash): {why}.");
            }

            origins.Add(parsed.Value);
        }

        CorsLog.ConfiguredOriginsLoaded(logger, policyName, key, origins.Count);
        return origins.ToFrozenSet(StringComparer.Ordinal);
    }
}
