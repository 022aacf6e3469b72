using CorsGen.Shared;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CorsGen;

/// <summary>
/// The CORS surface of a built application, in CorsSurface.txt's format: one <c>route METHOD PATTERN -> POLICY</c>
/// line per CorsGen route and HTTP method (endpoint classes and <c>WithCors</c> groups alike, with the group's
/// prefix resolved), then one block per policy, with the origins read from configuration as loaded. An app's own
/// test can hold it against an approved file:
/// <c>Assert.Equal(File.ReadAllText("CorsSurface.approved.txt"), CorsSurface.Describe(app))</c>.
/// </summary>
/// <remarks>
/// The compile-time file (written by <c>dotnet build -p:CorsGenUpdateSurface=true</c>) lists <c>WithCors</c>
/// calls as <c>group</c> lines, since their routes are mapped at run time; this one lists the routes themselves.
/// Policy blocks read the same in both, except the <c>origin-configured</c> lines only known at run time.
/// </remarks>
public static class CorsSurface
{
    /// <summary>Describes the CorsGen routes of <paramref name="endpoints"/> (e.g. <c>app</c> after mapping).</summary>
    /// <param name="endpoints">The application, or a route builder whose data sources hold the endpoints.</param>
    /// <returns>The surface text, lines ending in <c>\n</c>, ordinal order; equal apps give equal text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    public static string Describe(IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return Describe(endpoints.DataSources.SelectMany(d => d.Endpoints));
    }

    /// <summary>Describes the CorsGen routes of <paramref name="dataSource"/> (e.g. the app's <see cref="EndpointDataSource"/> service).</summary>
    /// <param name="dataSource">The endpoints to describe.</param>
    /// <returns>The surface text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    public static string Describe(EndpointDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return Describe(dataSource.Endpoints);
    }

    /// <summary>Describes the CorsGen routes among <paramref name="endpoints"/>; other endpoints and CorsGen's preflight routes are left out.</summary>
    /// <param name="endpoints">Endpoints, e.g. <see cref="EndpointDataSource.Endpoints"/>.</param>
    /// <returns>The surface text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoints"/> is <see langword="null"/>.</exception>
    public static string Describe(IEnumerable<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var lines = new List<string>();
        var policies = new Dictionary<string, SurfacePolicy>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            if (endpoint is not RouteEndpoint route
                || endpoint.Metadata.GetMetadata<CorsPreflightMetadata>() is not null
                || endpoint.Metadata.GetMetadata<CorsEndpointPolicy>() is not { } policy)
            {
                continue;
            }

            var name = policy.Policy.Settings.Name;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } mapped ? mapped : (IReadOnlyList<string>)["*"];
            foreach (var method in methods)
            {
                lines.Add(CorsSurfaceFormat.Route(method, route.RoutePattern.RawText ?? "/", name));
            }

            if (!policies.ContainsKey(name))
            {
                policies[name] = Describe(policy);
            }
        }

        return CorsSurfaceFormat.Write(lines, policies.Values);
    }

    private static SurfacePolicy Describe(CorsEndpointPolicy policy)
    {
        var settings = policy.Policy.Settings;
        return new SurfacePolicy
        {
            Name = settings.Name,
            AnyOrigin = settings.AllowAnyOrigin,
            RefuseAll = settings.RefuseAll,
            ExactOrigins = settings.AllowedOrigins,
            Patterns = settings.OriginPatterns,
            ConfigurationKey = settings.OriginsConfigurationKey,
            ConfiguredOrigins = policy.ConfiguredOrigins.ToArray(),
            Predicate = settings.OriginPredicateName ?? (settings.OriginPredicate is null ? null : "(unnamed)"),
            // [AllowOriginValidator]: the validator's type name goes here once the settings carry it.
            Validator = null,
            AllowCredentials = settings.AllowCredentials,
            AnyMethod = settings.AllowAnyMethod,
            Methods = settings.AllowedMethods,
            AnyHeader = settings.AllowAnyHeader,
            Headers = settings.AllowedHeaders,
            ExposedHeaders = settings.ExposedHeaders,
            MaxAgeSeconds = settings.MaxAgeSeconds,
            AllowPrivateNetwork = settings.AllowPrivateNetwork,
            PreflightStatus = settings.PreflightSuccessStatusCode,
            PreflightContinue = settings.PreflightContinue,
        };
    }
}
