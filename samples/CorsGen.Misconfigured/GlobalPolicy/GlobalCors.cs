using CorsGen;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.Misconfigured.GlobalPolicy;

/// <summary>CORSGEN017: a policy applied to every request, in a project with CorsGen endpoints.</summary>
public static class GlobalCors
{
    public static WebApplication UseEverythingCors(this WebApplication app)
    {
        app.UseCors("everything");
        return app;
    }
}

/// <summary>CORSGEN037 and 038: UseCors() before UseRouting(), and a policy name nothing registers.</summary>
public static class EarlyCors
{
    public static IServiceCollection AddReportsCors(this IServiceCollection services) =>
        services.AddCors(options =>
        {
            options.AddPolicy("everything", policy => policy.WithOrigins("https://app.example.com"));
            options.AddPolicy("reports", policy => policy.WithOrigins("https://reports.example.com"));
        });

    public static void UseReports(IApplicationBuilder app)
    {
        app.UseCors();
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapGet("/reports", () => "reports").RequireCors("report"));
    }
}

/// <summary>The CorsGen endpoints whose preflights the global policy would answer.</summary>
[AllowOrigins("https://app.example.com")]
public static partial class StatusEndpoints
{
    [MapGet("/status")]
    public static string Get() => "ok";
}
