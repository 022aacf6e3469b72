using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Net.Http.Json;

namespace CorsGen.Net11Tests;

/// <summary>
/// A CorsGen app as a new .NET 11 project has it: <c>WebApplication.CreateBuilder</c> (which turns on
/// the automatic cross-origin protection), real Kestrel on 127.0.0.1, the form endpoint classes, and
/// the same routes through ASP.NET Core's own CORS (<c>/aspnet/{kind}/...</c>) to compare with.
/// </summary>
public sealed class FormApp : IAsyncDisposable
{
    /// <summary>The policy kinds: a CorsGen class and an ASP.NET Core policy each.</summary>
    public static readonly string[] Kinds = ["credentialed", "plain", "any"];

    private FormApp(WebApplication app, SeenRequests seen)
    {
        App = app;
        Seen = seen;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>Every request the app answered, with its status, as the server saw it.</summary>
    public SeenRequests Seen { get; }

    public string Url => Client.BaseAddress!.ToString().TrimEnd('/');

    /// <param name="addCorsGen">Whether the app calls <c>AddCorsGen()</c>.</param>
    /// <param name="configure">Runs after <c>AddCorsGen()</c> (or where it would be).</param>
    /// <param name="port">0 for any free port.</param>
    /// <param name="pipeline">Runs on the built app before the routes are mapped (for example <c>UseCorsGen(policy)</c>).</param>
    public static async Task<FormApp> StartAsync(bool addCorsGen = true, Action<WebApplicationBuilder>? configure = null, int port = 0, Action<WebApplication>? pipeline = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:Tenants"] = FormOrigins.Tenant });
        builder.Services.AddCors(cors =>
        {
            cors.AddPolicy("credentialed", policy => policy.WithOrigins(FormOrigins.App).AllowCredentials());
            cors.AddPolicy("plain", policy => policy.WithOrigins(FormOrigins.App));
            cors.AddPolicy("any", policy => policy.AllowAnyOrigin());
        });
        if (addCorsGen)
        {
            builder.Services.AddCorsGen();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        var seen = new SeenRequests();
        app.Use(seen.Record);
        // The /aspnet/ routes' RequireCors policies; a test adds a default policy, which CORSGEN017 is about.
#pragma warning disable CORSGEN017
        app.UseCors();
#pragma warning restore CORSGEN017
        pipeline?.Invoke(app);
        app.MapCredentialedFormEndpoints();
        app.MapPlainFormEndpoints();
        app.MapAnyOriginFormEndpoints();
        app.MapConfiguredFormEndpoints();
        foreach (var kind in Kinds)
        {
            app.MapPost($"/aspnet/{kind}/field", ([FromForm] string name) => FormHandlers.Field(name)).RequireCors(kind);
            app.MapPost($"/aspnet/{kind}/file", (IFormFile upload) => FormHandlers.File(upload)).RequireCors(kind);
            app.MapPost($"/aspnet/{kind}/collection", (IFormCollection form) => FormHandlers.Collection(form)).RequireCors(kind);
            app.MapPost($"/aspnet/{kind}/json", (Order order) => FormHandlers.Json(order)).RequireCors(kind);
        }

        app.MapPost("/uncors/field", ([FromForm] string name) => FormHandlers.Field(name));
        await app.StartAsync();
        return new FormApp(app, seen);
    }

    /// <summary>
    /// POSTs a form (or JSON) as a browser would from <paramref name="origin"/>:
    /// <paramref name="fetchSite"/> is the <c>Sec-Fetch-Site</c> value, <see langword="null"/> for none.
    /// </summary>
    /// <param name="path">The route.</param>
    /// <param name="origin">The <c>Origin</c> values: none, one, or several lines.</param>
    /// <param name="multipart">Sends a form field as multipart/form-data instead of urlencoded (files are always multipart).</param>
    public async Task<Reply> PostAsync(string path, string[] origin, string? fetchSite = "cross-site", bool multipart = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Body(path, multipart) };
        foreach (var value in origin)
        {
            request.Headers.TryAddWithoutValidation("Origin", value);
        }

        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "cors");
        }

        using var response = await Client.SendAsync(request);
        var allowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? string.Join(",", values) : null;
        return new Reply((int)response.StatusCode, await response.Content.ReadAsStringAsync(), allowOrigin);
    }

    public Task<Reply> PostAsync(string path, string origin, string? fetchSite = "cross-site", bool multipart = false) =>
        PostAsync(path, [origin], fetchSite, multipart);

    /// <summary>The body each route's last segment expects.</summary>
    private static HttpContent Body(string path, bool multipart) => path[(path.LastIndexOf('/') + 1)..] switch
    {
        "field" or "collection" when multipart => new MultipartFormDataContent { { new StringContent("ada"), "name" } },
        "field" or "collection" => new FormUrlEncodedContent([new("name", "ada")]),
        "file" => new MultipartFormDataContent { { new StringContent("lovelace"), "upload", "note.txt" }, { new StringContent("ada"), "name" } },
        "json" => JsonContent.Create(new Order("tea", 2)),
        var other => throw new ArgumentException("no body for " + other, nameof(path)),
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

public sealed record Reply(int Status, string Body, string? AllowOrigin);

/// <summary>One request as the app saw it when its response started.</summary>
public sealed record SeenRequest(string Method, string Path, string? Origin, string? FetchSite, string? ContentType, int Status)
{
    public override string ToString() => $"{Method} {Path} Origin={Origin ?? "-"} Sec-Fetch-Site={FetchSite ?? "-"} Content-Type={ContentType ?? "-"} -> {Status}";
}

/// <summary>The server's side of a browser test: what reached it and what it answered.</summary>
public sealed class SeenRequests
{
    private readonly object _gate = new();
    private readonly List<SeenRequest> _seen = [];

    /// <summary>The requests to <paramref name="path"/>, oldest first.</summary>
    public IReadOnlyList<SeenRequest> To(string path)
    {
        lock (_gate)
        {
            return _seen.Where(r => r.Path == path).ToArray();
        }
    }

    // Recorded when the response starts, so before the browser can have seen it.
    internal Task Record(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Request.Headers;
            var seen = new SeenRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                headers.Origin.Count == 0 ? null : headers.Origin.ToString(),
                headers["Sec-Fetch-Site"].Count == 0 ? null : headers["Sec-Fetch-Site"].ToString(),
                context.Request.ContentType,
                context.Response.StatusCode);
            lock (_gate)
            {
                _seen.Add(seen);
            }

            return Task.CompletedTask;
        });
        return next();
    }
}
