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

    /// <summary>The reason of a refused WebSocket handshake (origin not allowed, or not exactly one <c>Origin</c>), request values escaped.</summary>
    public static string WebSocket(CorsRefusal refusal, string policy, StringValues origin) => refusal switch
    {
        CorsRefusal.Malformed => "a WebSocket handshake with more than one Origin",
        CorsRefusal.AnyOriginWithCredentials => $"policy {policy} combines \"*\" with credentials (CORSGEN002), so it refuses every origin, WebSocket handshakes included",
        _ => $"origin {LogValue.Escape(origin)} is not allowed by policy {policy} to open a WebSocket (CORS does not cover WebSockets, so CorsGen checks the handshake's Origin)",
    };

    /// <summary>The reason of a refused preflight, request values escaped.</summary>
    /// <param name="refusal">Why it was refused.</param>
    /// <param name="policy">The policy's name.</param>
    /// <param name="request">The request's headers.</param>
    /// <param name="refusedHeader">For <see cref="CorsRefusal.Headers"/>: the first requested name not allowed; <see langword="null"/> when the list does not parse.</param>
    /// <param name="allowedMethods">The policy's <c>Access-Control-Allow-Methods</c> list, for a method refusal.</param>
    public static string Describe(CorsRefusal refusal, string policy, IHeaderDictionary request, string? refusedHeader, StringValues allowedMethods) => refusal switch
    {
        CorsRefusal.Origin => $"origin {LogValue.Escape(request.Origin)} is not allowed by policy {policy}",
        CorsRefusal.Method => $"method {LogValue.Escape(request.AccessControlRequestMethod)} is not allowed by policy {policy} (allowed: {(StringValues.IsNullOrEmpty(allowedMethods) ? "none" : allowedMethods.ToString())})",
        CorsRefusal.Headers when refusedHeader is not null => $"header {LogValue.Escape(refusedHeader)} is not allowed by policy {policy}",
        CorsRefusal.Headers => $"Access-Control-Request-Headers {LogValue.Escape(request.AccessControlRequestHeaders)} is not a list of header names",
        CorsRefusal.Malformed => "not exactly one Origin and one Access-Control-Request-Method",
        CorsRefusal.AnyOriginWithCredentials => $"policy {policy} combines \"*\" with credentials (CORSGEN002), so it refuses every origin",
        _ => $"a [DisableCors] route takes method {LogValue.Escape(request.AccessControlRequestMethod)} at this path",
    };
}
