using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>The text of a refused preflight's <c>CorsGen-Refusal</c> header (Development only; request values escaped as in logs).</summary>
internal static class RefusalExplanation
{
    public const string HeaderName = "CorsGen-Refusal";

    /// <summary>An allowed preflight asking for private network access that the policy does not give.</summary>
    public static string PrivateNetwork(string policy) =>
        $"private network access is not allowed by policy {policy} ([AllowPrivateNetwork]), so a browser that checks it refuses the request";

    public static string Describe(CorsRefusal refusal, string policy, IHeaderDictionary request, Func<StringValues, string?> firstRefusedHeader, StringValues allowedMethods) => refusal switch
    {
        CorsRefusal.Origin => $"origin {LogValue.Escape(request.Origin)} is not allowed by policy {policy}",
        CorsRefusal.Method => $"method {LogValue.Escape(request.AccessControlRequestMethod)} is not allowed by policy {policy} (allowed: {(StringValues.IsNullOrEmpty(allowedMethods) ? "none" : allowedMethods.ToString())})",
        CorsRefusal.Headers when !HttpTokens.IsTokenList(request.AccessControlRequestHeaders) => $"Access-Control-Request-Headers {LogValue.Escape(request.AccessControlRequestHeaders)} is not a list of header names",
        CorsRefusal.Headers => $"header {LogValue.Escape(firstRefusedHeader(request.AccessControlRequestHeaders))} is not allowed by policy {policy}",
        CorsRefusal.Malformed => "not exactly one Origin and one Access-Control-Request-Method",
        CorsRefusal.AnyOriginWithCredentials => $"policy {policy} combines \"*\" with credentials (CORSGEN002), so it refuses every origin",
        _ => $"a [DisableCors] route takes method {LogValue.Escape(request.AccessControlRequestMethod)} at this path",
    };
}
