using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>A named policy: the partner site, with credentials, its own header and a max-age.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.Other)]
[AllowHeaders("X-Partner-Key")]
[ExposeHeaders("X-Partner-Quota")]
[AllowCredentials]
[MaxAge(120)]
public static partial class PartnerPolicy;

/// <summary>An endpoint class using <see cref="PartnerPolicy"/>; one method refines it.</summary>
[UseCorsPolicy(typeof(PartnerPolicy))]
public static partial class PolicyEndpoints
{
    [MapGet("/policy")]
    public static string Get(HttpResponse response)
    {
        response.Headers["X-Partner-Quota"] = "10";
        return "policy-get";
    }

    [MapPost("/policy")]
    public static string Post() => "policy-post";

    // Its own origins replace the policy's; headers, credentials and max-age still come from the policy.
    [AllowOrigins(TestOrigins.App)]
    [MapPut("/policy/refined")]
    public static string Put() => "policy-refined";
}

/// <summary>Compile-time origins plus origins from configuration key <c>Cors:AllowedOrigins</c>.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[AllowOriginsFromConfiguration("Cors:AllowedOrigins")]
public static partial class ConfiguredPolicy;

[UseCorsPolicy(typeof(ConfiguredPolicy))]
public static partial class ConfiguredEndpoints
{
    [MapPost("/configured")]
    public static string Post() => "configured";
}

/// <summary>Origins decided by predicates (Express's <c>origin</c> function).</summary>
[AllowOriginPredicate(nameof(IsTenantOrigin))]
public static partial class PredicateEndpoints
{
    /// <summary>Every origin the predicate was asked about, so tests can see what it never sees.</summary>
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Seen = new();

    // Deliberately naive: a prefix test, as people write them. CorsGen only ever passes well-formed origins.
    private static bool IsTenantOrigin(ReadOnlySpan<char> origin)
    {
        if (origin.StartsWith("https://tenant-x"))
        {
            Seen.Enqueue(origin.ToString());
        }

        return origin.StartsWith("https://tenant-");
    }

    internal static bool Throws(string origin) => throw new InvalidOperationException("predicate failure for " + origin);

    [MapPost("/predicate")]
    public static string Post() => "predicate";

    [AllowOriginPredicate(nameof(Throws))]
    [MapPost("/predicate/throws")]
    public static string PostThrows() => "predicate-throws";
}

[AllowOrigins(TestOrigins.App)]
[AllowPrivateNetwork]
public static partial class PrivateNetworkEndpoints
{
    [MapPost("/private-network")]
    public static string Post() => "private-network";
}

[AllowOrigins(TestOrigins.App)]
[PreflightSuccessStatus(200)]
public static partial class PreflightStatusEndpoints
{
    [MapPost("/preflight-200")]
    public static string Post() => "preflight-200";
}

/// <summary>[PreflightContinue]: allowed preflights reach the class's own OPTIONS handler after CorsGen's headers.</summary>
[AllowOrigins(TestOrigins.App)]
[PreflightContinue]
public static partial class ContinueEndpoints
{
    public const string HandlerHeader = "X-Options-Handler";

    [MapPost("/continue")]
    public static string Post() => "continue-post";

    [MapMethods("/continue", "OPTIONS")]
    public static void Options(HttpResponse response) => response.Headers[HandlerHeader] = "ran";

    [MapPost("/continue-body")]
    public static string PostBody() => "continue-body-post";

    // rs/cors's passthrough case: the handler writes a body and leaves the status alone.
    [MapMethods("/continue-body", "OPTIONS")]
    public static string OptionsBody() => "options-body";

    [MapPost("/continue-status")]
    public static string PostStatus() => "continue-status-post";

    [MapMethods("/continue-status", "OPTIONS")]
    public static IResult OptionsStatus() => Results.Text("accepted", statusCode: 202);
}

/// <summary>Hand-mapped routes and a route group with <see cref="PartnerPolicy"/>, mapped by <see cref="Map"/>.</summary>
public static class HandMappedRoutes
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/group").WithCors(PartnerPolicy.Policy).RequireAuthorization();
        group.MapPost("/orders", () => "order-created");
        group.MapGet("/orders/{id:int}", (int id) => "order-" + id);
        group.MapDelete("/orders/{id:int}", (int id) => "deleted-" + id);
        group.MapGet("/internal", () => "internal").WithMetadata(new DisableCorsAttribute());
        var nested = group.MapGroup("/v2");
        nested.MapPut("/items", () => "item-put");

        app.WithCors(PartnerPolicy.Policy).MapPost("/hand-mapped", () => "hand-mapped");

        // An endpoint class inside a WithCors group keeps its own policy; the group's other routes get the group's.
        var partnerGroup = app.MapGroup("/partner-group").WithCors(PartnerPolicy.Policy);
        partnerGroup.MapInGroupEndpoints();
        partnerGroup.MapPost("/hand", () => "group-hand");
        partnerGroup.MapGroup("/inner").WithCors(AppOnlyPolicy.Policy).MapPost("/jobs", () => "inner-job");

        var continuing = app.MapGroup("/group-continue").WithCors(ContinueGroupPolicy.Policy);
        continuing.MapPost("/jobs", () => "job");
        continuing.MapMethods("/jobs", ["OPTIONS"], (HttpResponse response) => response.Headers[ContinueEndpoints.HandlerHeader] = "group-ran");
        continuing.MapPost("/body", () => "body-post");
        continuing.MapMethods("/body", ["OPTIONS"], () => "group-options-body");
    }
}

[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[PreflightContinue]
public static partial class ContinueGroupPolicy;

/// <summary>The app origin only, no credentials: an inner group's policy inside a <see cref="PartnerPolicy"/> group.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
public static partial class AppOnlyPolicy;

/// <summary>Mapped inside a <c>WithCors(PartnerPolicy.Policy)</c> group: its own policy (app origin, no credentials) wins for its routes.</summary>
[AllowOrigins(TestOrigins.App)]
public static partial class InGroupEndpoints
{
    [MapGet("/in-group")]
    public static string Get() => "in-group-get";

    [MapPost("/in-group")]
    public static string Post() => "in-group-post";
}
