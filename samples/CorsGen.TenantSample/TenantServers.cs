using System.Net;

namespace CorsGen.TenantSample;

/// <summary>
/// The tenant API on 127.0.0.1 (<see cref="TenantEndpoints"/>, tenants in SQLite), and a tenant page server that
/// serves, on a port of its own (so an origin of its own), a page calling the API.
/// </summary>
public static class TenantServers
{
    /// <summary>Starts the API over <paramref name="database"/>.</summary>
    /// <param name="database">The tenants' database (created if missing).</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="configure">Changes to CorsGen's options (validator timeout, cache), or <see langword="null"/>.</param>
    /// <returns>The started API; its address is <c>Urls.Single()</c>.</returns>
    public static async Task<WebApplication> StartApiAsync(TenantDatabase database, int port = 0, Action<CorsGenOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(database.EnsureCreated());
        builder.Services.AddScoped<TenantDbContext>();
        // Scoped, as its registration says: CorsGen resolves it from each request's services.
        builder.Services.AddScoped<TenantOriginValidator>();
        builder.Services.AddCorsGen(configure);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, TenantJsonContext.Default));
        var app = builder.Build();
        app.MapTenantEndpoints();
        await app.StartAsync();
        return app;
    }

    /// <summary>Starts a page server whose page calls <paramref name="apiUrl"/> (GET, then a preflighted JSON POST).</summary>
    /// <param name="apiUrl">The API's address.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <returns>The started server; its address, the page's origin, is <c>Urls.Single()</c>.</returns>
    public static async Task<WebApplication> StartPageAsync(string apiUrl, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var page = Page.Replace("{{API}}", apiUrl, StringComparison.Ordinal);
        app.MapGet("/", () => Results.Content(page, "text/html"));
        await app.StartAsync();
        return app;
    }

    /// <summary>The address of a started server (the first, 127.0.0.1 one).</summary>
    /// <param name="app">A started server.</param>
    /// <returns>For example <c>http://127.0.0.1:9020</c>.</returns>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();

    // data-result: "ok" when both calls read their answers, "error" with the message otherwise.
    private const string Page = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Tenant page</title></head>
        <body>
        <p id="status" data-result="pending">pending</p>
        <script>
        const status = document.getElementById("status");
        (async () => {
          try {
            const info = await (await fetch("{{API}}/tenant")).json();
            const posted = await fetch("{{API}}/tenant/notes", {
              method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text: "hello" }) });
            const note = await posted.json();
            status.textContent = info.tenant + " " + note.text;
            status.dataset.result = "ok";
          } catch (e) {
            status.textContent = e.name + ": " + e.message;
            status.dataset.result = "error";
          }
        })();
        </script>
        </body></html>
        """;
}

/// <summary>The API's JSON types, serialized without reflection.</summary>
[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(TenantEndpoints.TenantInfo))]
[System.Text.Json.Serialization.JsonSerializable(typeof(TenantEndpoints.Note))]
internal sealed partial class TenantJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
