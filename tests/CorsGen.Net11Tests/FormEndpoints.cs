using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CorsGen.Net11Tests;

public static class FormOrigins
{
    /// <summary>The Chromium page that CorsGen allows: localhost is another site than the API's 127.0.0.1.</summary>
    public const int PagePort = 47411;

    public const string App = "http://localhost:47411";

    public const string Tenant = "https://tenant.example";

    public const string Evil = "https://evil.example";
}

public sealed record Order(string Item, int Quantity);

/// <summary>The three ways minimal APIs bind a form, and a JSON route; one class per policy kind.</summary>
public static class FormHandlers
{
    public static string Field([FromForm] string name) => "field " + name;

    public static async Task<string> File(IFormFile upload)
    {
        using var reader = new StreamReader(upload.OpenReadStream());
        return $"file {upload.FileName} {await reader.ReadToEndAsync()}";
    }

    public static string Collection(IFormCollection form) => "collection " + form["name"];

    public static string Json(Order order) => $"json {order.Item} {order.Quantity}";
}

[AllowOrigins(FormOrigins.App)]
[AllowCredentials]
public static partial class CredentialedFormEndpoints
{
    [MapPost("/credentialed/field")]
    public static string Field([FromForm] string name) => FormHandlers.Field(name);

    [MapPost("/credentialed/file")]
    public static Task<string> File(IFormFile upload) => FormHandlers.File(upload);

    [MapPost("/credentialed/collection")]
    public static string Collection(IFormCollection form) => FormHandlers.Collection(form);

    [MapPost("/credentialed/json")]
    public static string Json(Order order) => FormHandlers.Json(order);
}

[AllowOrigins(FormOrigins.App)]
public static partial class PlainFormEndpoints
{
    [MapPost("/plain/field")]
    public static string Field([FromForm] string name) => FormHandlers.Field(name);

    [MapPost("/plain/file")]
    public static Task<string> File(IFormFile upload) => FormHandlers.File(upload);

    [MapPost("/plain/collection")]
    public static string Collection(IFormCollection form) => FormHandlers.Collection(form);

    [MapPost("/plain/json")]
    public static string Json(Order order) => FormHandlers.Json(order);
}

[AllowOrigins("*")]
public static partial class AnyOriginFormEndpoints
{
    [MapPost("/any/field")]
    public static string Field([FromForm] string name) => FormHandlers.Field(name);

    [MapPost("/any/file")]
    public static Task<string> File(IFormFile upload) => FormHandlers.File(upload);

    [MapPost("/any/collection")]
    public static string Collection(IFormCollection form) => FormHandlers.Collection(form);

    [MapPost("/any/json")]
    public static string Json(Order order) => FormHandlers.Json(order);
}

/// <summary>An app-wide policy (<c>UseCorsGen(policy)</c>) with credentials: the counterpart of a credentialed default CORS policy.</summary>
[CorsPolicy]
[AllowOrigins(FormOrigins.App)]
[AllowCredentials]
public static partial class CredentialedAppWidePolicy;

/// <summary>Origins from configuration (key <c>Cors:Tenants</c>) and a predicate, with credentials.</summary>
[AllowOriginsFromConfiguration("Cors:Tenants")]
[AllowOriginPredicate(nameof(IsPartner))]
[AllowCredentials]
public static partial class ConfiguredFormEndpoints
{
    public const string PartnerSuffix = ".partner.example";

    public static bool IsPartner(string origin) => origin.StartsWith("https://", StringComparison.Ordinal) && origin.EndsWith(PartnerSuffix, StringComparison.Ordinal);

    [MapPost("/configured/field")]
    public static string Field([FromForm] string name) => FormHandlers.Field(name);
}
