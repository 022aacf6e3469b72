using CorsGen;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CorsGen's application-wide services.</summary>
public static class CorsGenServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CorsGenOptions"/> and, on ASP.NET Core 11 and later, decorates every
    /// <c>ICsrfProtection</c> registered so far so that the framework's automatic cross-origin (CSRF)
    /// protection trusts the origins a CorsGen route allows with credentials, as it trusts an
    /// ASP.NET Core CORS policy (<see href="https://github.com/dotnet/aspnetcore/pull/66585">dotnet/aspnetcore #66585</see>).
    /// Without it, cross-origin form posts (<c>[FromForm]</c>, <c>IFormFile</c>, <c>IFormCollection</c>)
    /// to CorsGen routes are answered with 400 on .NET 11. Call it after <c>WebApplication.CreateBuilder</c>
    /// (which registers the protection) and after any code of your own that replaces <c>ICsrfProtection</c>.
    /// Calling it again only applies <paramref name="configure"/> again. On earlier frameworks it only
    /// registers the options. Nothing is allocated per request beyond what the decorated protection allocates.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Changes to the default <see cref="CorsGenOptions"/>, or <see langword="null"/>.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddCorsGen(this IServiceCollection services, Action<CorsGenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CorsGenOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (!services.Any(static descriptor => descriptor.ServiceType == typeof(CorsGenServicesMarker)))
        {
            services.AddSingleton(new CorsGenServicesMarker(services));
            services.AddSingleton<AppWideCorsPolicyRegistry>();
#if NET11_0_OR_GREATER
            CorsGenCsrfProtection.DecorateRegistered(services);
#endif
        }

        return services;
    }
}

/// <summary>
/// Registered once by <c>AddCorsGen()</c>, so a second call does not decorate twice; keeps the service collection,
/// complete and read-only once the provider is built, so a policy can read an origin validator's lifetime from its registration.
/// </summary>
internal sealed class CorsGenServicesMarker(IServiceCollection services)
{
    /// <summary>The lifetime of <paramref name="serviceType"/>'s last (winning) unkeyed registration, or <see langword="null"/>.</summary>
    public ServiceLifetime? LifetimeOf(Type serviceType)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i] is { IsKeyedService: false } descriptor && descriptor.ServiceType == serviceType)
            {
                return descriptor.Lifetime;
            }
        }

        return null;
    }
}
