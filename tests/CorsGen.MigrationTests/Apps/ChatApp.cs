using CorsGen.EndpointKinds;
using CorsGen.MigrationTests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.MigrationTests.Apps;

/// <summary>
/// App 4, a SignalR chat behind a credentialed frontend, with the CORS set-up of the SignalR docs
/// ("Security considerations in ASP.NET Core SignalR"): <c>WithOrigins(...).AllowAnyHeader()
/// .WithMethods("GET", "POST").AllowCredentials()</c>, a named policy on <c>MapHub</c>.
/// </summary>
public static class ChatApp
{
    public static MigrationApp Definition { get; } = new("chat", AspNetCore, CorsGen);

    /// <summary>The original.</summary>
    public static WebApplication AspNetCore(WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddChatClientsPolicy());
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseCors();
        app.MapHub<ChatHub>(EndpointKindAssets.HubPath).RequireCors("ChatClients");
        return app;
    }

    /// <summary>The original's policy, as the SignalR docs write it; the catalog app's hub uses it too.</summary>
    public static void AddChatClientsPolicy(this Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options) =>
        options.AddPolicy("ChatClients", policy => policy
            .WithOrigins(MigrationOrigins.Page)
            .AllowAnyHeader()
            .WithMethods("GET", "POST")
            .AllowCredentials());

    /// <summary>
    /// The port: the policy becomes a <c>[CorsPolicy]</c> class, <c>RequireCors</c> after <c>MapHub</c> a
    /// <c>WithCors</c> before it; <c>UseCors()</c> goes.
    /// </summary>
    public static WebApplication CorsGen(WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.WithCors(ChatClients.Policy).MapHub<ChatHub>(EndpointKindAssets.HubPath);
        return app;
    }
}

/// <summary>
/// The port's policy. <c>AllowAnyHeader()</c> with credentials is CORSGEN007 in CorsGen, so the headers
/// the SignalR client sends are listed instead.
/// </summary>
[CorsPolicy]
[AllowOrigins(MigrationOrigins.Page)]
[AllowHeaders("X-Requested-With", "X-SignalR-User-Agent")]
[AllowMethods("GET", "POST")]
[AllowCredentials]
public static partial class ChatClients;
