using CorsGen;
using Microsoft.AspNetCore.Http;

namespace CorsGen.BrowserTests.Matrix;

/// <summary>The page's origin is compiled into the attributes below, so its port is fixed.</summary>
public static class MatrixOrigins
{
    /// <summary>Where the matrix page is served (127.0.0.1 only); not the sample's 9000/9010.</summary>
    public const int PagePort = 47391;

    public const string Page = "http://127.0.0.1:47391";

    /// <summary>The same server under another host name: another origin, allowed nowhere.</summary>
    public const string ForeignPage = "http://localhost:47391";
}

/// <summary>Simple and preflighted requests, request and response headers.</summary>
[AllowOrigins(MatrixOrigins.Page)]
[AllowHeaders("X-Allowed")]
[ExposeHeaders("X-Exposed")]
public static partial class MatrixEndpoints
{
    [MapGet("/simple")]
    public static string Get(HttpResponse response)
    {
        response.Headers["X-Exposed"] = "exposed";
        response.Headers["X-Hidden"] = "hidden";
        return "simple-get";
    }

    [MapMethods("/simple", "HEAD")]
    public static void Head(HttpResponse response) => response.Headers["X-Exposed"] = "exposed";

    [MapPost("/simple")]
    public static string Post() => "simple-post";

    [MapPost("/item")]
    public static string PostItem() => "item-post";

    [MapPut("/item")]
    public static string PutItem() => "item-put";

    [MapPatch("/item")]
    public static string PatchItem() => "item-patch";

    [MapDelete("/item")]
    public static string DeleteItem() => "item-delete";
}

/// <summary>Browsers do not upper-case "patch", so only a literal "patch" lets it through.</summary>
[AllowOrigins(MatrixOrigins.Page)]
#pragma warning disable CORSGEN023 // the lower-case method is the case under test
[AllowMethods("PATCH", "patch")]
#pragma warning restore CORSGEN023
public static partial class LowerCasePatchEndpoints
{
    [MapPatch("/lower-patch")]
    public static string Patch() => "lower-patch";
}

/// <summary>Credentialed requests: a cookie set by one response comes back on the next.</summary>
[AllowOrigins(MatrixOrigins.Page)]
[AllowCredentials]
public static partial class CredentialedMatrixEndpoints
{
    public const string Cookie = "matrix-session";

    [MapGet("/credentials/login")]
    public static string Login(HttpResponse response)
    {
        response.Cookies.Append(Cookie, "s3cret", new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Lax });
        return "logged-in";
    }

    [MapGet("/credentials/whoami")]
    public static string WhoAmI(HttpRequest request) => request.Cookies[Cookie] ?? "anonymous";
}

/// <summary>"*": readable without credentials, never with them.</summary>
[AllowOrigins("*")]
public static partial class AnyOriginMatrixEndpoints
{
    [MapGet("/any")]
    public static string Get() => "any";
}

/// <summary>Preflight caching: 600 s, and 0 (no caching) as the control.</summary>
[AllowOrigins(MatrixOrigins.Page)]
[AllowHeaders("X-Allowed")]
[MaxAge(600)]
public static partial class CachedPreflightEndpoints
{
    [MapPut("/cached")]
    public static string Put() => "cached";

    [MapPut("/uncached")]
    [MaxAge(0)]
    public static string PutUncached() => "uncached";
}

/// <summary>The opaque origin of a sandboxed iframe, trusted here only.</summary>
#pragma warning disable CORSGEN004 // trusting "null" is the case under test
[AllowOrigins("null", MatrixOrigins.Page)]
#pragma warning restore CORSGEN004
public static partial class NullOriginMatrixEndpoints
{
    [MapGet("/null-allowed")]
    public static string Get() => "null-allowed";
}
