using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Misconfigured.Convertible;

/// <summary>CORSGEN042: every call of this policy has a CorsGen form; "Convert to a CorsGen policy" converts it.</summary>
public static class ConvertibleCors
{
    public static IServiceCollection AddPartnerCors(this IServiceCollection services) =>
        services.AddCors(options => options.AddPolicy("partner", policy => policy.WithOrigins("https://partner.example").WithMethods("GET")));

    public static WebApplication MapPartnerRoutes(this WebApplication app)
    {
        app.UseCors();
        app.MapGet("/partner", () => "partner").RequireCors("partner");
        return app;
    }
}
