using CorsGen;
using Microsoft.AspNetCore.Builder;

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

/// <summary>The CorsGen endpoints whose preflights the global policy would answer.</summary>
[AllowOrigins("https://app.example.com")]
public static partial class StatusEndpoints
{
    [MapGet("/status")]
    public static string Get() => "ok";
}
