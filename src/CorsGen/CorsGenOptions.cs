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
}
