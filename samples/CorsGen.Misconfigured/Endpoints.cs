// Every CorsGen attribute mistake, one each (CORSGEN002 to CORSGEN011, CORSGEN018 to CORSGEN024).
// Each class maps patterns of its own, so one mistake does not hide or cause another.

using CorsGen;

namespace CorsGen.Misconfigured;

/// <summary>CORSGEN001: CorsGen attributes on a handler that Program.cs maps by hand.</summary>
public static class OrderHandlers
{
    [AllowOrigins("https://app.example.com")]
    public static string Create() => "created";
}

/// <summary>CORSGEN002: "*" with credentials.</summary>
[AllowOrigins("*"), AllowCredentials]
public static partial class WildcardWithCredentials
{
    [MapGet("/wildcard-credentials")]
    public static string Get() => "";
}

/// <summary>CORSGEN003: not a serialized origin (trailing slash).</summary>
[AllowOrigins("https://app.example.com/")]
public static partial class TrailingSlashOrigin
{
    [MapGet("/trailing-slash")]
    public static string Get() => "";
}

/// <summary>CORSGEN004: the opaque origin "null" trusted.</summary>
[AllowOrigins("null")]
public static partial class NullOrigin
{
    [MapGet("/null-origin")]
    public static string Get() => "";
}

/// <summary>CORSGEN005: negative max-age.</summary>
[AllowOrigins("https://app.example.com"), MaxAge(-1)]
public static partial class NegativeMaxAge
{
    [MapGet("/negative-max-age")]
    public static string Get() => "";
}

/// <summary>CORSGEN006: a forbidden response header exposed.</summary>
[AllowOrigins("https://app.example.com"), ExposeHeaders("Set-Cookie")]
public static partial class ForbiddenExposeHeader
{
    [MapGet("/expose-set-cookie")]
    public static string Get() => "";
}

/// <summary>CORSGEN007: any request header on credentialed requests.</summary>
[AllowOrigins("https://app.example.com"), AllowCredentials, AllowHeaders("*")]
public static partial class AnyHeaderWithCredentials
{
    [MapPost("/any-header-credentials")]
    public static string Post() => "";
}

/// <summary>CORSGEN008: a method that is not an HTTP token.</summary>
[AllowOrigins("https://app.example.com"), AllowMethods("GET POST")]
public static partial class InvalidMethodToken
{
    [MapGet("/invalid-method")]
    public static string Get() => "";
}

/// <summary>CORSGEN009: an endpoint class that is not static partial.</summary>
[AllowOrigins("https://app.example.com")]
public class NotStaticPartial
{
    [MapGet("/not-static-partial")]
    public static string Get() => "";
}

/// <summary>CORSGEN010 (with <see cref="ConflictingPolicyB"/>): one pattern, two policies.</summary>
[AllowOrigins("https://a.example.com")]
public static partial class ConflictingPolicyA
{
    [MapGet("/conflict")]
    public static string Get() => "";
}

/// <summary>CORSGEN010: reported here, the second class of the pattern.</summary>
[AllowOrigins("https://b.example.com")]
public static partial class ConflictingPolicyB
{
    [MapPut("/conflict")]
    public static string Put() => "";
}

/// <summary>CORSGEN011: [DisableCors] next to another CORS attribute.</summary>
[AllowOrigins("https://app.example.com")]
public static partial class DisableCorsContradiction
{
    [MapGet("/disable-cors-contradiction")]
    [DisableCors, AllowCredentials]
    public static string Get() => "";
}

/// <summary>CORSGEN018: a header name that is not an HTTP token.</summary>
[AllowOrigins("https://app.example.com"), AllowHeaders("X Api Key")]
public static partial class InvalidHeaderName
{
    [MapPost("/invalid-header")]
    public static string Post() => "";
}

/// <summary>CORSGEN019: a null attribute argument.</summary>
[AllowOrigins("https://app.example.com", null)]
public static partial class NullArgument
{
    [MapGet("/null-argument")]
    public static string Get() => "";
}

/// <summary>CORSGEN020: the "null" origin trusted with credentials.</summary>
[AllowOrigins("null"), AllowCredentials]
public static partial class NullOriginWithCredentials
{
    [MapGet("/null-origin-credentials")]
    public static string Get() => "";
}

/// <summary>CORSGEN021: a plain-HTTP origin trusted with credentials next to HTTPS.</summary>
[AllowOrigins("https://app.example.com", "http://app.example.com"), AllowCredentials]
public static partial class InsecureOriginWithCredentials
{
    [MapGet("/insecure-origin")]
    public static string Get() => "";
}

/// <summary>CORSGEN022 (info, raised to warning in .editorconfig): max-age above Chromium's cap.</summary>
[AllowOrigins("https://app.example.com"), MaxAge(86400)]
public static partial class MaxAgeAboveCap
{
    [MapGet("/max-age-above-cap")]
    public static string Get() => "";
}

/// <summary>CORSGEN023: a method name in the wrong case.</summary>
[AllowOrigins("https://app.example.com")]
public static partial class MethodCase
{
    [MapMethods("/method-case", "Delete")]
    public static string Delete() => "";
}

/// <summary>CORSGEN024 (info, raised to warning in .editorconfig): an allowed method nothing maps.</summary>
[AllowOrigins("https://app.example.com"), AllowMethods("GET", "DELETE")]
public static partial class AllowedMethodNotMapped
{
    [MapGet("/allowed-not-mapped")]
    public static string Get() => "";
}

/// <summary>CORSGEN025: an origin predicate of the wrong shape.</summary>
[AllowOriginPredicate("IsTrusted")]
public static partial class PredicateWrongShape
{
    private static string IsTrusted(string origin) => origin;

    [MapPost("/predicate-wrong-shape")]
    public static string Post() => IsTrusted("");
}

/// <summary>CORSGEN026: a preflight success status other than 200 or 204.</summary>
[AllowOrigins("https://app.example.com"), PreflightSuccessStatus(201)]
public static partial class PreflightStatus
{
    [MapPost("/preflight-status")]
    public static string Post() => "";
}

/// <summary>A class with CORS attributes but no [CorsPolicy]: [UseCorsPolicy] of it is CORSGEN027 (the class itself is CORSGEN009).</summary>
[AllowOrigins("https://partner.example.com")]
public static partial class NotMarkedAsPolicy;

/// <summary>CORSGEN027: [UseCorsPolicy] naming a class without [CorsPolicy].</summary>
[UseCorsPolicy(typeof(NotMarkedAsPolicy))]
public static partial class UsesUnmarkedPolicy
{
    [MapPost("/uses-unmarked-policy")]
    public static string Post() => "";
}

/// <summary>CORSGEN028: a handler whose binding CorsGen cannot generate, in a build that needs it (trimmed/AOT).</summary>
[AllowOrigins("https://app.example.com")]
public static partial class ReflectionBound
{
    [MapGet("/reflection-bound")]
    public static string Get(int[] ids) => ids.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>CORSGEN029: a predicate that allows every origin, with credentials.</summary>
[AllowOriginPredicate(nameof(AnyOrigin)), AllowCredentials]
public static partial class AllowAllPredicate
{
    private static bool AnyOrigin(string origin) => true;

    [MapPost("/allow-all-predicate")]
    public static string Post() => "";
}

/// <summary>CORSGEN048: a controller action with CORS attributes but no attribute route, which CorsGen cannot compile.</summary>
[AllowOrigins("https://app.example.com")]
public sealed class ConventionalController : Microsoft.AspNetCore.Mvc.Controller
{
    public string Index() => "conventional";
}

/// <summary>CORSGEN045: an origin CorsSurface.txt does not list (the file lists only app.example.com).</summary>
[AllowOrigins("https://app.example.com", "https://new-partner.example.com")]
public static partial class SurfaceWidened
{
    [MapGet("/surface-widened")]
    public static string Get() => "";
}

/// <summary>CORSGEN046 (raised to warning in .editorconfig): a max-age CorsSurface.txt has as 60.</summary>
[AllowOrigins("https://app.example.com"), MaxAge(600)]
public static partial class SurfaceChanged
{
    [MapGet("/surface-changed")]
    public static string Get() => "";
}
