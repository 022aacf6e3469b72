#if NET11_0_OR_GREATER
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsGen;

/// <summary>
/// Wraps the framework's <see cref="ICsrfProtection"/>: a request to a CorsGen route, or one the
/// app-wide policy of <c>UseCorsGen(policy)</c> covers (as the framework falls back to a default CORS
/// policy), is allowed when ASP.NET Core would allow it for the equivalent CORS policy (its check is
/// <c>!AllowAnyOrigin &amp;&amp; SupportsCredentials &amp;&amp; IsOriginAllowed(origin)</c>, dotnet/aspnetcore #66585);
/// every other request gets the wrapped protection's verdict.
/// </summary>
internal sealed class CorsGenCsrfProtection : ICsrfProtection
{
    private static readonly ValueTask<CsrfProtectionResult> Allowed = ValueTask.FromResult(CsrfProtectionResult.Allowed());

    private readonly ICsrfProtection _inner;
    private readonly bool _trustCorsGenPolicies;
    private readonly AppWideCorsPolicyRegistry? _appWide;

    public CorsGenCsrfProtection(ICsrfProtection inner, IOptions<CorsGenOptions> options, AppWideCorsPolicyRegistry? appWide)
    {
        _inner = inner;
        _trustCorsGenPolicies = options.Value.TrustCorsGenPoliciesForCsrfProtection;
        _appWide = appWide;
    }

    public ValueTask<CsrfProtectionResult> ValidateAsync(HttpContext context)
    {
        if (_trustCorsGenPolicies && PolicyOf(context) is { } policy && CredentialedOrigin(policy, context.Request) is { } origin)
        {
            // An origin validator is asked as for the CORS request itself; completed (no allocation) without one.
            var trusted = policy.IsOriginAllowedAsync(context, origin);
            if (!trusted.IsCompletedSuccessfully)
            {
                return TrustedOrInnerAsync(trusted, context);
            }

            if (trusted.Result)
            {
                return Allowed;
            }
        }

        return _inner.ValidateAsync(context);
    }

    private async ValueTask<CsrfProtectionResult> TrustedOrInnerAsync(ValueTask<bool> trusted, HttpContext context) =>
        await trusted.ConfigureAwait(false) ? CsrfProtectionResult.Allowed() : await _inner.ValidateAsync(context).ConfigureAwait(false);

    // The route's own CorsGen policy, else the app-wide one where it applies.
    private CorsEndpointPolicy? PolicyOf(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<CorsEndpointPolicy>() is { } routePolicy)
        {
            return routePolicy;
        }

        return _appWide?.Policy is { } appWide && AppWideCorsPolicy.Covers(metadata) ? appWide.Policy : null;
    }

    // The single Origin of a request the policy could trust as a credentialed CORS request; null when it cannot.
    private static string? CredentialedOrigin(CorsEndpointPolicy policy, HttpRequest request)
    {
        var settings = policy.Policy.Settings;
        if (!settings.AllowCredentials || settings.AllowAnyOrigin)
        {
            return null;
        }

        var origin = request.Headers.Origin;
        return origin.Count == 1 && origin[0] is { Length: > 0 } serializedOrigin ? serializedOrigin : null;
    }

    /// <summary>Replaces each unkeyed <see cref="ICsrfProtection"/> registration by this decorator around it, same lifetime.</summary>
    internal static void DecorateRegistered(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ICsrfProtection) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(
                typeof(ICsrfProtection),
                provider => new CorsGenCsrfProtection(
                    CreateInner(provider, descriptor),
                    provider.GetRequiredService<IOptions<CorsGenOptions>>(),
                    provider.GetService<AppWideCorsPolicyRegistry>()),
                descriptor.Lifetime);
        }
    }

    private static ICsrfProtection CreateInner(IServiceProvider provider, ServiceDescriptor descriptor)
    {
        if (descriptor.ImplementationInstance is ICsrfProtection instance)
        {
            return instance;
        }

        if (descriptor.ImplementationFactory is { } factory)
        {
            return (ICsrfProtection)factory(provider);
        }

        return (ICsrfProtection)ActivatorUtilities.CreateInstance(provider, ImplementationType(descriptor));
    }

    // ServiceDescriptor.ImplementationType carries the constructors' trimming annotation.
    [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)]
    private static Type ImplementationType(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType ?? throw new InvalidOperationException($"The ICsrfProtection registration has no implementation: {descriptor}.");
}
#endif
