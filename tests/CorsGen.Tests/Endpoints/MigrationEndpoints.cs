using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsGen.Tests.Endpoints;

/// <summary>
/// The 1:1 port of <c>WithMethods("PUT")</c>: GET and POST are mapped but not listed, so preflights for
/// them pass as they pass in browsers (CORS-safelisted methods); DELETE is neither.
/// </summary>
[AllowOrigins(TestOrigins.App)]
[AllowMethods("PUT")]
public static partial class SafelistedMethodEndpoints
{
    [MapGet("/safelisted")]
    public static string Get() => "safelisted-get";

    [MapPost("/safelisted")]
    public static string Post() => "safelisted-post";

    [MapPut("/safelisted")]
    public static string Put() => "safelisted-put";

    [MapDelete("/safelisted")]
    public static string Delete() => "safelisted-delete";

    [MapPut("/safelisted-disabled")]
    public static string PutBesideDisabled() => "put";

    // Not a CORS route: a preflight for its method stays refused, so it never receives a preflighted request.
    [MapPost("/safelisted-disabled")]
    [DisableCors]
    public static string DisabledPost() => "disabled-post";
}

/// <summary><c>WithMethods("PUT")</c> as a reusable policy, for route groups.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[AllowMethods("PUT")]
public static partial class PutOnlyPolicy;

/// <summary>No method list: a group's routes offer their own methods, any method for an any-method route.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.App)]
[ExposeHeaders("X-Handler")]
public static partial class AppOriginPolicy;

/// <summary>The app-wide policy of <see cref="AppWidePolicyTests"/>: <c>WithOrigins(...).AllowAnyHeader().AllowAnyMethod()</c>.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.Other)]
[AllowHeaders("*")]
[AllowMethods("*")]
public static partial class AppWidePolicy;

/// <summary>An app-wide policy without [AllowMethods]: preflights may ask for the safelisted methods only.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.Other)]
public static partial class AppWideDefaultMethodsPolicy;

/// <summary>Hand-mapped routes of <see cref="PutOnlyPolicy"/> and <see cref="AppOriginPolicy"/> groups.</summary>
public static class MigrationRoutes
{
    public const string HandlerHeader = "X-Handler";

    public static void Map(WebApplication app)
    {
        var putOnly = app.MapGroup("/put-only").WithCors(PutOnlyPolicy.Policy);
        putOnly.MapPost("/orders", () => "order-post");
        putOnly.MapPut("/orders", () => "order-put");
        putOnly.MapPut("/disabled", () => "disabled-put");
        putOnly.MapPost("/disabled", () => "disabled-post").WithMetadata(new DisableCorsAttribute());
        putOnly.Map("/anything", (HttpContext context) => "put-only-any-" + context.Request.Method);

        var any = app.MapGroup("/any").WithCors(AppOriginPolicy.Policy);
        any.Map("/resource", (HttpContext context) =>
        {
            context.Response.Headers[HandlerHeader] = "ran";
            return "any-" + context.Request.Method;
        });
    }
}

/// <summary>"*" with credentials: CORSGEN002's case, compiled to refuse every origin.</summary>
#pragma warning disable CORSGEN002 // the policy that refuses everything is the case under test
[AllowOrigins("*")]
[AllowCredentials]
#pragma warning restore CORSGEN002
public static partial class RefuseAllEndpoints
{
    [MapGet("/refuse-all")]
    public static string Get() => "refuse-all";
}

/// <summary>One origin predicate for several policies (issue: the predicate had to be written once per policy class).</summary>
public static class SharedOriginRules
{
    public const string TenantSuffix = ".tenant.example";

    public static bool IsTenant(string origin) => origin.StartsWith("https://", StringComparison.Ordinal) && origin.EndsWith(TenantSuffix, StringComparison.Ordinal);
}

[CorsPolicy]
[AllowOriginPredicate(typeof(SharedOriginRules), nameof(SharedOriginRules.IsTenant))]
[AllowCredentials]
public static partial class SharedPredicatePolicy;

[AllowOriginPredicate(typeof(SharedOriginRules), nameof(SharedOriginRules.IsTenant))]
public static partial class SharedPredicateEndpoints
{
    [MapPost("/shared-predicate")]
    public static string Post() => "shared-predicate";
}
