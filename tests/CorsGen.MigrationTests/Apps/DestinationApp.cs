using System.Text;
using CorsGen.MigrationTests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.MigrationTests.Apps;

/// <summary>
/// App 2, shaped like ASP.NET Core's own CORS functional-test destination app: hand-mapped routes,
/// each with its named policy (<c>RequireCors("...")</c>): any origin, method and header lists,
/// credentials, exposed headers. Most routes are <c>Map</c> (any method), one is <c>MapMethods</c>;
/// whatever no endpoint matches falls through to a terminal middleware without CORS.
/// </summary>
public static partial class DestinationApp
{
    public const string Fallback = "Hello World!";

    public static MigrationApp Definition { get; } = new("destination", AspNetCore, CorsGen);

    /// <summary>The original.</summary>
    public static WebApplication AspNetCore(WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("AllowOrigin", policy => policy.WithOrigins(MigrationOrigins.Page).AllowAnyMethod().AllowAnyHeader());
            options.AddPolicy("AllowHeaderMethod", policy => policy.WithOrigins(MigrationOrigins.Page).WithHeaders("X-Test", "Content-Type").WithMethods("PUT"));
            options.AddPolicy("AllowCredentials", policy => policy.WithOrigins(MigrationOrigins.Page).AllowAnyHeader().WithMethods("GET", "PUT").AllowCredentials());
            options.AddPolicy("ExposedHeader", policy => policy.WithOrigins(MigrationOrigins.Page).WithExposedHeaders("X-AllowedHeader", "Content-Length"));
            options.AddPolicy("AllowAll", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());
            options.AddPolicy("TrustedOrigin", policy => policy.SetIsOriginAllowed(TrustedOrigin.IsTrusted).WithMethods("DELETE"));
        });
        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
#pragma warning disable ASP0014 // Startup-shaped on purpose: endpoints first, then the terminal middleware for every other request.
        app.UseEndpoints(endpoints =>
        {
            endpoints.Map("/allow-origin", HandleRequest).RequireCors("AllowOrigin");
            endpoints.Map("/allow-header-method", HandleRequest).RequireCors("AllowHeaderMethod");
            endpoints.Map("/allow-credentials", HandleRequest).RequireCors("AllowCredentials");
            endpoints.Map("/exposed-header", HandleRequest).RequireCors("ExposedHeader");
            endpoints.Map("/allow-all", HandleRequest).RequireCors("AllowAll");
            endpoints.Map("/trusted-origin", HandleRequest).RequireCors("TrustedOrigin");
            endpoints.MapMethods("/report", ["GET", "PATCH"], HandleRequest).RequireCors("AllowOrigin");
        });
#pragma warning restore ASP0014
        app.Run(context => context.Response.WriteAsync(Fallback));
        return app;
    }

    /// <summary>The port: each named policy a <c>[CorsPolicy]</c> class, each <c>RequireCors</c> a <c>WithCors</c> before the <c>Map</c> call.</summary>
    public static WebApplication CorsGen(WebApplicationBuilder builder)
    {
        builder.Services.AddRouting();
        var app = builder.Build();
        app.UseRouting();
#pragma warning disable ASP0014 // Startup-shaped on purpose: endpoints first, then the terminal middleware for every other request.
        app.UseEndpoints(endpoints =>
        {
            endpoints.WithCors(AllowOrigin.Policy).Map("/allow-origin", HandleRequest);
            endpoints.WithCors(AllowHeaderMethod.Policy).Map("/allow-header-method", HandleRequest);
            endpoints.WithCors(AllowCredentials.Policy).Map("/allow-credentials", HandleRequest);
            endpoints.WithCors(ExposedHeader.Policy).Map("/exposed-header", HandleRequest);
            endpoints.WithCors(AllowAll.Policy).Map("/allow-all", HandleRequest);
            endpoints.WithCors(TrustedOrigin.Policy).Map("/trusted-origin", HandleRequest);
            endpoints.WithCors(AllowOrigin.Policy).MapMethods("/report", ["GET", "PATCH"], HandleRequest);
        });
#pragma warning restore ASP0014
        app.Run(context => context.Response.WriteAsync(Fallback));
        return app;
    }

    /// <summary>The destination's one handler: a text body, one header to expose and one not to.</summary>
    private static Task HandleRequest(HttpContext context)
    {
        var content = Encoding.UTF8.GetBytes("Hello world");
        context.Response.Headers["X-AllowedHeader"] = "Test-Value";
        context.Response.Headers["X-DisallowedHeader"] = "Test-Value";
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = content.Length;
        return context.Response.Body.WriteAsync(content, 0, content.Length);
    }

    [CorsPolicy]
    [AllowOrigins(MigrationOrigins.Page)]
    [AllowMethods("*")]
    [AllowHeaders("*")]
    public static partial class AllowOrigin;

    /// <summary><c>Content-Type</c> is always allowed by CorsGen, so only <c>X-Test</c> is written.</summary>
    [CorsPolicy]
    [AllowOrigins(MigrationOrigins.Page)]
    [AllowHeaders("X-Test")]
    [AllowMethods("PUT")]
    public static partial class AllowHeaderMethod;

    /// <summary>
    /// <c>AllowAnyHeader()</c> with credentials is warning CORSGEN007 in CorsGen: the port lists the
    /// header its page sends instead, as coming-from.md advises.
    /// </summary>
    [CorsPolicy]
    [AllowOrigins(MigrationOrigins.Page)]
    [AllowHeaders("X-Test")]
    [AllowMethods("GET", "PUT")]
    [AllowCredentials]
    public static partial class AllowCredentials;

    [CorsPolicy]
    [AllowOrigins(MigrationOrigins.Page)]
    [ExposeHeaders("X-AllowedHeader", "Content-Length")]
    public static partial class ExposedHeader;

    [CorsPolicy]
    [AllowOrigins("*")]
    [AllowMethods("*")]
    [AllowHeaders("*")]
    public static partial class AllowAll;

    /// <summary><c>SetIsOriginAllowed(IsTrusted)</c>: the original passes the same method to its builder.</summary>
    [CorsPolicy]
    [AllowOriginPredicate(nameof(IsTrusted))]
    [AllowMethods("DELETE")]
    public static partial class TrustedOrigin
    {
        public static bool IsTrusted(string origin) => origin == MigrationOrigins.Page;
    }
}
