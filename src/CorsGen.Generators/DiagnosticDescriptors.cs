using Microsoft.CodeAnalysis;

namespace CorsGen.Generators;

/// <summary>The diagnostics CorsGen reports. IDs are stable; each has a page under docs/diagnostics.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CorsGen";
    private const string HelpLinkBase = "https://github.com/corsgen/corsgen/blob/main/docs/diagnostics/";

    /// <summary>CORSGEN001: a hand-mapped route whose handler has CORS attributes, which then do nothing.</summary>
    public static readonly DiagnosticDescriptor MissingPreflightRoute = Create(
        "CORSGEN001",
        "Hand-mapped route with CORS attributes gets no CORS",
        "'{0}' maps {1} '{2}' by hand to a handler with CorsGen CORS attributes, which only take effect on [Map{3}] routes: {5}; map it with [Map{3}(\"{2}\")] on the method, or give the route a policy and its preflight with WithCors(...) (for example app.WithCors({4}.Policy).Map{3}(...) with [CorsPolicy] on {4})",
        DiagnosticSeverity.Warning,
        "CORS attributes on a handler mapped by hand with app.MapGet(...) take no effect, so its responses carry no CORS headers and browsers block them. The rule keeps a policy from looking applied when it is not.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN002: <c>"*"</c> origin with <c>[AllowCredentials]</c>.</summary>
    public static readonly DiagnosticDescriptor WildcardOriginWithCredentials = Create(
        "CORSGEN002",
        "Any-origin \"*\" cannot be combined with credentials",
        "[AllowOrigins(\"*\")] is combined with [AllowCredentials] on '{0}': browsers reject 'Access-Control-Allow-Origin: *' on credentialed requests, and reflecting every origin instead would let any site read authenticated responses; list the trusted origins or remove [AllowCredentials]",
        DiagnosticSeverity.Error,
        "Browsers reject 'Access-Control-Allow-Origin: *' on credentialed requests, and reflecting every origin instead would let any web site read authenticated responses. The rule stops an any-origin policy from being combined with credentials.");

    /// <summary>CORSGEN003: an origin that is not a serialized origin. Message: "'{0}' ... {1}".</summary>
    public static readonly DiagnosticDescriptor InvalidOrigin = Create(
        "CORSGEN003",
        "Origin is not a serialized origin",
        "'{0}' can never match a browser's Origin header: {1}",
        DiagnosticSeverity.Error,
        "An origin that is not a serialized origin (scheme, host and optional port, lower-case, no path or trailing slash) never equals a browser's Origin header. The rule catches an allow list entry that silently allows nothing.");

    /// <summary>CORSGEN004: the opaque origin <c>"null"</c> is trusted.</summary>
    public static readonly DiagnosticDescriptor NullOrigin = Create(
        "CORSGEN004",
        "The \"null\" origin is trusted",
        "Allowing the origin \"null\" trusts every sandboxed iframe, data: and file: document and every request after a cross-origin redirect, whatever site made it; allow the real origins instead",
        DiagnosticSeverity.Warning,
        "The opaque origin \"null\" is sent by sandboxed iframes, data: and file: documents and after cross-origin redirects, whatever site made them. Trusting it trusts every such document.");

    /// <summary>CORSGEN005: negative <c>[MaxAge]</c>.</summary>
    public static readonly DiagnosticDescriptor NegativeMaxAge = Create(
        "CORSGEN005",
        "Max-age is negative",
        "[MaxAge({0})] is negative; Access-Control-Max-Age is a number of seconds, 0 or more",
        DiagnosticSeverity.Error,
        "Access-Control-Max-Age is a number of seconds, 0 or more; browsers ignore a negative value. The rule catches a preflight cache setting that cannot take effect.");

    /// <summary>CORSGEN006: a forbidden response header in <c>[ExposeHeaders]</c>.</summary>
    public static readonly DiagnosticDescriptor ForbiddenExposeHeader = Create(
        "CORSGEN006",
        "Forbidden response header can never be exposed",
        "'{0}' is a forbidden response-header name: browsers never expose it to scripts, whatever Access-Control-Expose-Headers says",
        DiagnosticSeverity.Warning,
        "Browsers never expose forbidden response headers such as Set-Cookie to scripts, whatever Access-Control-Expose-Headers says. The rule catches an expose list that promises what it cannot give.");

    /// <summary>CORSGEN007: <c>[AllowHeaders("*")]</c> with credentials.</summary>
    public static readonly DiagnosticDescriptor AnyHeaderWithCredentials = Create(
        "CORSGEN007",
        "Any request header allowed on credentialed requests",
        "[AllowHeaders(\"*\")] on '{0}' is combined with [AllowCredentials]: browsers read '*' literally on credentialed requests, so CorsGen echoes every requested name instead, Authorization included; list the headers the API needs",
        DiagnosticSeverity.Warning,
        "On credentialed requests browsers read '*' in Access-Control-Allow-Headers literally, so CorsGen echoes every requested name, Authorization included. The rule asks for the list of headers the API really needs.");

    /// <summary>CORSGEN008: a method that is not an HTTP token.</summary>
    public static readonly DiagnosticDescriptor InvalidMethodToken = Create(
        "CORSGEN008",
        "Method is not an HTTP token",
        "'{0}' is not an HTTP method token (RFC 9110 section 5.6.2), so no request can use it",
        DiagnosticSeverity.Error,
        "A method name that is not an HTTP token (RFC 9110) can never be sent by a request. The rule catches a typo, a space or a comma-joined list that would allow nothing.");

    /// <summary>CORSGEN009: endpoint class or route method of the wrong shape. Message: "{0} '{1}' {2}" (what, its name, the problem); the texts are built in <see cref="InvalidShapes"/>.</summary>
    public static readonly DiagnosticDescriptor InvalidShape = Create(
        "CORSGEN009",
        "Endpoint class or route method has the wrong shape",
        "{0} '{1}' {2}",
        DiagnosticSeverity.Error,
        "CorsGen extends endpoint and policy classes with generated partial members and maps static route methods; a class or method of another shape cannot be extended or mapped. The rule says why a route or policy would otherwise silently be left out.");

    /// <summary>CORSGEN010: two endpoint classes map one pattern with different CORS policies.</summary>
    public static readonly DiagnosticDescriptor ConflictingPolicies = Create(
        "CORSGEN010",
        "One route pattern, two CORS policies",
        "'{0}' is mapped with CORS by '{1}' and by '{2}' with different policies; a preflight answers per path, so one of them would answer with the other's policy; put the routes of one pattern in one class or give them the same CORS attributes",
        DiagnosticSeverity.Error,
        "A preflight is answered per path, so two classes mapping one route pattern with different CORS policies would answer one class's preflights with the other's policy. The rule keeps one policy per pattern.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN011: <c>[DisableCors]</c> next to CORS attributes on one method.</summary>
    public static readonly DiagnosticDescriptor DisableCorsContradiction = Create(
        "CORSGEN011",
        "[DisableCors] contradicts another CORS attribute",
        "[{0}] has no effect on '{1}', which also carries [DisableCors]; remove one of them",
        DiagnosticSeverity.Warning,
        "[DisableCors] turns CORS off for a route, so the other CORS attributes on the same method do nothing. The rule catches the contradiction.");

    /// <summary>CORSGEN012: <c>AllowAnyOrigin()</c> with <c>AllowCredentials()</c> on one CorsPolicyBuilder.</summary>
    public static readonly DiagnosticDescriptor AspNetAnyOriginWithCredentials = Create(
        "CORSGEN012",
        "AllowAnyOrigin() cannot be combined with AllowCredentials()",
        "This CORS policy allows any origin (AllowAnyOrigin() or WithOrigins(\"*\")) and calls AllowCredentials(); ASP.NET Core throws InvalidOperationException for it at run time, and browsers reject '*' with credentials; use WithOrigins(...) with the trusted origins",
        DiagnosticSeverity.Error,
        "ASP.NET Core throws InvalidOperationException at run time for a policy that allows any origin with credentials, and browsers reject '*' with credentials. The rule catches the combination at compile time.");

    /// <summary>CORSGEN013: <c>SetIsOriginAllowed(_ =&gt; true)</c> with <c>AllowCredentials()</c>.</summary>
    public static readonly DiagnosticDescriptor AspNetAllowAllPredicateWithCredentials = Create(
        "CORSGEN013",
        "An origin predicate that always returns true reflects every origin with credentials",
        "SetIsOriginAllowed(...) is given a predicate that always returns true, and the policy calls AllowCredentials(): every web site can read this API's authenticated responses; check the origin against a list of trusted origins",
        DiagnosticSeverity.Error,
        "A SetIsOriginAllowed predicate that always returns true, with credentials, reflects every origin and lets any web site read authenticated responses. The rule catches the allow-all predicate.");

    /// <summary>CORSGEN014: <c>WithOrigins(...)</c> with an origin that never matches.</summary>
    public static readonly DiagnosticDescriptor AspNetInvalidOrigin = Create(
        "CORSGEN014",
        "WithOrigins() entry can never match",
        "'{0}' can never match a browser's Origin header: {1}",
        DiagnosticSeverity.Warning,
        "A WithOrigins(...) entry that is not a serialized origin never equals a browser's Origin header. The rule catches an ASP.NET Core allow list entry that silently allows nothing.");

    /// <summary>CORSGEN015: CORS endpoint metadata in a program that never calls <c>UseCors()</c>.</summary>
    public static readonly DiagnosticDescriptor AspNetCorsMetadataWithoutMiddleware = Create(
        "CORSGEN015",
        "CORS metadata without UseCors()",
        "'{0}' {1}, but nothing in this project calls UseCors(): every request to this endpoint fails with a 500 at run time; {2}",
        DiagnosticSeverity.Warning,
        "Endpoints with ASP.NET Core CORS metadata fail with a 500 at run time when nothing calls UseCors(). The rule catches the missing middleware.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN016: the request's Origin written into Access-Control-Allow-Origin next to credentials.</summary>
    public static readonly DiagnosticDescriptor ReflectedOriginWithCredentials = Create(
        "CORSGEN016",
        "Request origin reflected with credentials",
        "The request's Origin header is copied into Access-Control-Allow-Origin while Access-Control-Allow-Credentials is 'true': any web site can read authenticated responses; compare the origin with a list of trusted origins first, or use CorsGen's [AllowOrigins]",
        DiagnosticSeverity.Warning,
        "Copying the request's Origin header into Access-Control-Allow-Origin next to 'Access-Control-Allow-Credentials: true' lets any web site read authenticated responses. The rule catches hand-written origin reflection.");

    /// <summary>CORSGEN017: a global <c>UseCors()</c> default policy next to CorsGen endpoints.</summary>
    public static readonly DiagnosticDescriptor DefaultPolicyShadowsCorsGen = Create(
        "CORSGEN017",
        "A global UseCors() policy answers CorsGen's preflights",
        "This UseCors() applies a policy to every request, so ASP.NET Core's middleware answers the preflights of CorsGen's endpoint classes before their OPTIONS routes run; remove the global policy: for an app-wide policy use CorsGen's app.UseCorsGen(AppCors.Policy) with a [CorsPolicy] class, which leaves CorsGen's routes to their own policies, and attach the remaining ASP.NET Core policies per endpoint with RequireCors(...)",
        DiagnosticSeverity.Warning,
        "A global UseCors() default policy makes ASP.NET Core's middleware answer the preflights of CorsGen's endpoint classes before their own OPTIONS routes run. The rule keeps CorsGen's policies in charge of their routes.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN018: a header name that is not an HTTP token.</summary>
    public static readonly DiagnosticDescriptor InvalidHeaderName = Create(
        "CORSGEN018",
        "Header name is not an HTTP token",
        "'{0}' is not an HTTP header field name (RFC 9110 section 5.1), so no request or response can carry it",
        DiagnosticSeverity.Error,
        "A header name that is not an HTTP token (RFC 9110) can never be carried by a request or response. The rule catches comma-joined lists and typos that would allow or expose nothing.");

    /// <summary>CORSGEN019: an attribute argument CorsGen cannot read.</summary>
    public static readonly DiagnosticDescriptor UnreadableArgument = Create(
        "CORSGEN019",
        "Attribute argument is not a constant",
        "The argument of [{0}] must be a compile-time constant string, not null or a computed value",
        DiagnosticSeverity.Error,
        "CorsGen reads its attributes at compile time, so every argument must be a constant. The rule catches null or computed arguments that would otherwise be ignored.");

    /// <summary>CORSGEN020: the opaque origin <c>"null"</c> trusted with credentials (<c>[AllowOrigins]</c> or <c>WithOrigins</c>).</summary>
    public static readonly DiagnosticDescriptor NullOriginWithCredentials = Create(
        "CORSGEN020",
        "The \"null\" origin is trusted with credentials",
        "Allowing the origin \"null\" with credentials ([AllowCredentials] or AllowCredentials()) lets any site read authenticated responses from a sandboxed iframe; allow the real origins instead",
        DiagnosticSeverity.Error,
        "Trusting the opaque origin \"null\" with credentials lets any web site read authenticated responses from a sandboxed iframe. The rule refuses the combination.");

    /// <summary>CORSGEN021: an <c>http://</c> origin next to <c>https://</c> ones, with credentials (<c>[AllowOrigins]</c> or <c>WithOrigins</c>).</summary>
    public static readonly DiagnosticDescriptor InsecureOriginWithCredentials = Create(
        "CORSGEN021",
        "Plain-HTTP origin trusted with credentials",
        "'{0}' is plain HTTP but is trusted with credentials next to HTTPS origins: an attacker on the network can inject script into that origin and read authenticated responses; allow its https:// form",
        DiagnosticSeverity.Warning,
        "A plain-HTTP origin trusted with credentials next to HTTPS origins lets a network attacker inject script into that origin and read authenticated responses. The rule asks for the https:// form.");

    /// <summary>CORSGEN022: <c>[MaxAge]</c> above Chromium's cap.</summary>
    public static readonly DiagnosticDescriptor MaxAgeAboveBrowserCap = Create(
        "CORSGEN022",
        "Max-age above the browser cap",
        "[MaxAge({0})] exceeds Chromium's cap of 7200 seconds (WebKit's is 600, Firefox's 86400); browsers clamp it",
        DiagnosticSeverity.Info,
        "Browsers clamp Access-Control-Max-Age (Chromium to 7200 seconds, WebKit to 600), so a larger value does not cache preflights longer. The rule says what the setting really does.");

    /// <summary>CORSGEN023: a method name browsers send upper-case, written in another case.</summary>
    public static readonly DiagnosticDescriptor MethodCase = Create(
        "CORSGEN023",
        "Method name in the wrong case",
        "'{0}' is compared case-sensitively; browsers upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT and send PATCH as written by the script, which is '{1}' by convention",
        DiagnosticSeverity.Warning,
        "Methods are compared case-sensitively, and browsers upper-case only the six standard methods. The rule catches a method name that requests will not send in that case.");

    /// <summary>CORSGEN024: <c>[AllowMethods]</c> names a method no route at the pattern maps.</summary>
    public static readonly DiagnosticDescriptor AllowedMethodNotMapped = Create(
        "CORSGEN024",
        "Allowed method is not mapped",
        "[AllowMethods] on '{0}' allows {1}, but no route at '{2}' maps it, so the actual request would get 405 after a successful preflight",
        DiagnosticSeverity.Info,
        "A method allowed by [AllowMethods] but mapped by no route at the pattern passes the preflight and then gets 405. The rule points at the allowed method nothing serves.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN025: an <c>[AllowOriginPredicate]</c> method that does not exist or has the wrong shape.</summary>
    public static readonly DiagnosticDescriptor InvalidOriginPredicate = Create(
        "CORSGEN025",
        "Origin predicate has the wrong shape",
        "[AllowOriginPredicate(\"{0}\")] on '{1}': {2}; write 'static bool {0}(string origin)' or 'static bool {0}(ReadOnlySpan<char> origin)' in '{1}'",
        DiagnosticSeverity.Error,
        "An [AllowOriginPredicate] method must exist in the class and be a static bool method taking the origin. The rule catches a predicate CorsGen cannot call.");

    /// <summary>CORSGEN026: a preflight success status other than 200 or 204.</summary>
    public static readonly DiagnosticDescriptor InvalidPreflightStatus = Create(
        "CORSGEN026",
        "Preflight success status must be 200 or 204",
        "[PreflightSuccessStatus({0})] is not 200 or 204: browsers need an ok status (200-299) for a preflight, and a 2xx that promises content or a reset misleads every other client; use 204 (the default) or 200 for old clients",
        DiagnosticSeverity.Error,
        "Browsers need an ok status for a preflight, and a 2xx other than 200 or 204 promises content or a reset that misleads other clients. The rule keeps the preflight success status to 200 or 204.");

    /// <summary>CORSGEN027: <c>[UseCorsPolicy]</c> naming a class that is not a <c>[CorsPolicy]</c> class.</summary>
    public static readonly DiagnosticDescriptor NotAPolicyClass = Create(
        "CORSGEN027",
        "[UseCorsPolicy] names a class that is not a CORS policy",
        "[UseCorsPolicy(typeof({0}))] names a class without [CorsPolicy], so its attributes would silently be ignored; mark '{0}' with [CorsPolicy] (a static partial class)",
        DiagnosticSeverity.Error,
        "[UseCorsPolicy] must name a [CorsPolicy] class; the attributes of any other class would silently be ignored. The rule catches a policy reference that applies nothing.");

    /// <summary>CORSGEN028: in a trimmed/AOT build, a route handler whose binding CorsGen cannot generate.</summary>
    public static readonly DiagnosticDescriptor ReflectionBoundHandler = Create(
        "CORSGEN028",
        "Route handler keeps reflection-based binding in a trimmed or AOT build",
        "'{0}' is mapped with ASP.NET Core's reflection-based parameter binding because {1}; in a trimmed or Native AOT app that binding can fail at run time (ASP.NET Core's Request Delegate Generator cannot see CorsGen's Map calls); use parameters CorsGen binds (route, query and header values of string, enum or IParsable types, [FromServices], one JSON body, HttpContext, HttpRequest, HttpResponse, ClaimsPrincipal, CancellationToken) and a result of string, IResult or a JSON type, or map the route by hand with app.WithCors(...)",
        DiagnosticSeverity.Warning,
        "In a trimmed or Native AOT build, a route handler CorsGen cannot bind falls back to ASP.NET Core's reflection-based binding, which can fail at run time. The rule names the parameter or result that needs it.");

    /// <summary>CORSGEN029: an <c>[AllowOriginPredicate]</c> that always returns true, with <c>[AllowCredentials]</c>.</summary>
    public static readonly DiagnosticDescriptor AllowAllPredicateWithCredentials = Create(
        "CORSGEN029",
        "An origin predicate that always returns true allows every origin with credentials",
        "[AllowOriginPredicate(\"{0}\")] always returns true and '{1}' allows credentials: every web site can read authenticated responses; check the origin against trusted origins, or use [AllowOrigins] with explicit origins or a subdomain pattern",
        DiagnosticSeverity.Error,
        "An [AllowOriginPredicate] that always returns true, with credentials, allows every origin to read authenticated responses. The rule catches the allow-all predicate.");

    /// <summary>CORSGEN030: on ASP.NET Core 11, a credentialed CorsGen route binds a form and nothing calls <c>AddCorsGen()</c>.</summary>
    public static readonly DiagnosticDescriptor FormRouteWithoutAddCorsGen = Create(
        "CORSGEN030",
        "Credentialed form route without AddCorsGen() on ASP.NET Core 11",
        "'{0}' binds a form ({1}) and allows credentials, but nothing calls builder.Services.AddCorsGen(): on ASP.NET Core 11 the framework's cross-origin protection answers cross-site form posts to it with 400, also from the origins the route allows; call builder.Services.AddCorsGen() after WebApplication.CreateBuilder",
        DiagnosticSeverity.Warning,
        "On ASP.NET Core 11 the framework's cross-origin protection answers cross-site form posts with 400 unless AddCorsGen() tells it about CorsGen's policies. The rule catches credentialed form routes that would be refused from the origins they allow.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN031: on ASP.NET Core 11, an ASP.NET Core default CORS policy next to CorsGen routes.</summary>
    public static readonly DiagnosticDescriptor DefaultPolicyTrustedForCorsGenForms = Create(
        "CORSGEN031",
        "An ASP.NET Core default CORS policy is the cross-origin trust list of CorsGen's routes on ASP.NET Core 11",
        "On ASP.NET Core 11 the framework's cross-origin (CSRF) protection falls back to this default CORS policy for every endpoint without an ASP.NET Core policy, CorsGen's routes included: the origins it allows with credentials can post forms to every CorsGen route, also to routes that do not allow them; register it with AddPolicy(\"name\", ...) and attach it with RequireCors(\"name\") where it belongs",
        DiagnosticSeverity.Warning,
        "On ASP.NET Core 11 the cross-origin (CSRF) protection falls back to the default CORS policy for every endpoint without an ASP.NET Core policy, CorsGen's routes included. The rule catches a default policy that widens the form-post trust of CorsGen's routes.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN035: a <c>SetIsOriginAllowed</c> predicate that tests the origin by substring or pattern, with credentials. Message: "{0}" the test, "{1}" an origin that passes it.</summary>
    public static readonly DiagnosticDescriptor SubstringOriginPredicateWithCredentials = Create(
        "CORSGEN035",
        "An origin predicate that matches by substring or pattern is trusted with credentials",
        "SetIsOriginAllowed(...) tests the origin with {0} and the policy calls AllowCredentials(): '{1}' passes that test, so its page can read this API's authenticated responses; compare the whole origin with trusted origins (a set or ==), or use WithOrigins(...) (with SetIsOriginAllowedToAllowWildcardSubdomains() for subdomains)",
        DiagnosticSeverity.Warning,
        "ASP.NET Core reflects every origin a SetIsOriginAllowed predicate accepts. Prefix, substring, unanchored or loose regular-expression tests accept look-alike origins (https://localhost.evil.example, https://example.com.evil.example), and with credentials those sites can read authenticated responses. The rule catches such predicates.");

    /// <summary>CORSGEN036: a wildcard over a shared-hosting suffix (<c>*.vercel.app</c>), with credentials. Message: "{0}" the pattern or check, "{1}" the suffix.</summary>
    public static readonly DiagnosticDescriptor SharedHostingSuffixWithCredentials = Create(
        "CORSGEN036",
        "Every site under a shared-hosting suffix is trusted with credentials",
        "'{0}' trusts every subdomain of '{1}' with credentials, and anyone can publish a site there (it is a public suffix): any of those sites can read this API's authenticated responses; list the exact origins of your own deployments",
        DiagnosticSeverity.Warning,
        "Under shared-hosting suffixes such as vercel.app, ngrok-free.app or github.io (the Public Suffix List's private section) anyone can own a subdomain. A wildcard over one, with credentials, lets any stranger's site read authenticated responses. The rule catches such patterns and suffix checks.");

    /// <summary>CORSGEN037: <c>UseCors()</c> before an explicit <c>UseRouting()</c> while endpoints carry CORS metadata.</summary>
    public static readonly DiagnosticDescriptor UseCorsBeforeUseRouting = Create(
        "CORSGEN037",
        "UseCors() runs before UseRouting()",
        "UseCors() is called before UseRouting(), so the CORS middleware runs before an endpoint is selected and never sees the endpoints' CORS metadata (RequireCors, [EnableCors], [DisableCors]): every request to those endpoints fails with a 500; call app.UseCors() after app.UseRouting() and before UseAuthorization()",
        DiagnosticSeverity.Warning,
        "The CORS middleware applies an endpoint's CORS metadata only when it runs after routing selected the endpoint; ASP.NET Core's endpoint middleware then answers every request to an endpoint with CORS metadata with a 500. The rule catches UseCors() placed before UseRouting().",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN038: a policy name used by <c>UseCors</c>/<c>RequireCors</c>/<c>[EnableCors]</c> that nothing registers. Message: "{0}" the use, "{1}" the name, "{2}" a suggestion or empty.</summary>
    public static readonly DiagnosticDescriptor UnregisteredCorsPolicyName = Create(
        "CORSGEN038",
        "CORS policy name is never registered",
        "{0} names the CORS policy \"{1}\", which no AddPolicy(...) in this project registers: ASP.NET Core finds no policy, so those responses carry no CORS headers and browsers block them{2}",
        DiagnosticSeverity.Warning,
        "ASP.NET Core looks CORS policies up by name (case-sensitively) and silently applies none when the name is not registered. The rule catches a misspelt or missing policy name.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN039: a named policy that is registered and never applied. Message: "{0}" the name, "{1}" a hint or empty.</summary>
    public static readonly DiagnosticDescriptor UnusedCorsPolicy = Create(
        "CORSGEN039",
        "CORS policy is registered but never applied",
        "The CORS policy \"{0}\" is registered, but nothing in this project applies it (UseCors(\"{0}\"), RequireCors(\"{0}\") or [EnableCors(\"{0}\")]), so it answers no request{1}; apply it where it belongs or remove it",
        DiagnosticSeverity.Warning,
        "A named CORS policy takes effect only where UseCors, RequireCors or [EnableCors] names it. The rule catches a policy that looks configured but answers no request.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN040: a policy that can allow no origin. Message: "{0}" why.</summary>
    public static readonly DiagnosticDescriptor PolicyAllowsNoOrigin = Create(
        "CORSGEN040",
        "CORS policy allows no origin",
        "This CORS policy allows no origin: {0}; every cross-origin request is refused; add the trusted origins with WithOrigins(...)",
        DiagnosticSeverity.Warning,
        "A CORS policy without origins (no WithOrigins, AllowAnyOrigin or SetIsOriginAllowed, or the wildcard-subdomain option over an empty list) refuses every cross-origin request. The rule catches a policy that cannot allow anything.");

    /// <summary>CORSGEN041: hand-written <c>Access-Control-Allow-Origin: *</c> next to <c>Access-Control-Allow-Credentials: true</c>.</summary>
    public static readonly DiagnosticDescriptor HandWrittenAnyOriginWithCredentials = Create(
        "CORSGEN041",
        "Hand-written 'Access-Control-Allow-Origin: *' with credentials",
        "Access-Control-Allow-Origin is written as '*' while Access-Control-Allow-Credentials is 'true': browsers reject a wildcard origin on credentialed requests, so those requests fail; write the request's origin only after checking it against the trusted origins, or drop the credentials header",
        DiagnosticSeverity.Warning,
        "Browsers reject 'Access-Control-Allow-Origin: *' on credentialed requests, so hand-written CORS headers with '*' and 'Access-Control-Allow-Credentials: true' make every credentialed request fail. The rule is the hand-written counterpart of CORSGEN012.");

    /// <summary>CORSGEN042: an ASP.NET Core CORS policy that CorsGen can express; its code fix converts it.</summary>
    public static readonly DiagnosticDescriptor ConvertibleAspNetPolicy = Create(
        "CORSGEN042",
        "This ASP.NET Core CORS policy can be a CorsGen policy",
        "The ASP.NET Core CORS policy {0} can be a CorsGen [CorsPolicy] class, checked at build time; the code fix 'Convert to a CorsGen policy' writes the class and applies it where the policy is used",
        DiagnosticSeverity.Info,
        "Every call of this AddPolicy/AddDefaultPolicy lambda has a CorsGen attribute that answers the same requests the same way, and every place that applies the policy can apply the CorsGen class instead. The code fix writes the [CorsPolicy] class, replaces RequireCors, [EnableCors] and UseCors with WithCors, the class and UseCorsGen, and removes the registration (and UseCors() when nothing else needs it).",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN043: an ASP.NET Core CORS policy the conversion fix cannot convert without changing behaviour; the message says why.</summary>
    public static readonly DiagnosticDescriptor InconvertibleAspNetPolicy = Create(
        "CORSGEN043",
        "This ASP.NET Core CORS policy cannot be converted to CorsGen yet",
        "The ASP.NET Core CORS policy {0} cannot be converted to a CorsGen policy without changing what it allows: {1}",
        DiagnosticSeverity.Info,
        "The conversion to a CorsGen policy is offered only when it keeps every answer the same. This says what stops it (a custom ICorsPolicyProvider, a call or value CorsGen cannot express, a place applying the policy that CorsGen cannot replace), so it can be changed first or the policy kept.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN045: the compiled CORS surface exposes more than CorsSurface.txt says. Message: "{0}" describes the difference.</summary>
    public static readonly DiagnosticDescriptor SurfaceWidened = Create(
        "CORSGEN045",
        "CORS exposure widened beyond CorsSurface.txt",
        "CORS exposure widened: {0}; if that is intended, update CorsSurface.txt (code fix, or dotnet build -p:CorsGenUpdateSurface=true)",
        DiagnosticSeverity.Warning,
        "A project that checks in CorsSurface.txt (an AdditionalFiles item) declares which routes cross-origin scripts can call and how. A change that widens that surface (a new origin, subdomain pattern, configuration key, predicate or validator, credentials, private network, any header or method, a new credentialed route) is reported until the file is updated, so it shows in code review as an added line.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN046: the compiled CORS surface differs from CorsSurface.txt without widening it. Message: "{0}" describes the difference.</summary>
    public static readonly DiagnosticDescriptor SurfaceChanged = Create(
        "CORSGEN046",
        "CORS surface differs from CorsSurface.txt",
        "CORS surface changed: {0}; update CorsSurface.txt (code fix, or dotnet build -p:CorsGenUpdateSurface=true)",
        DiagnosticSeverity.Info,
        "The compiled CORS surface differs from the checked-in CorsSurface.txt in a way that does not widen it (a removed origin or route, another max-age, a new route without credentials). The rule keeps the file true to the code, so that the next widening stands out.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN047: CorsSurface.txt cannot be read, is empty, or has a line it cannot read. Message: "{0}" the line (1-based), "{1}" the problem.</summary>
    public static readonly DiagnosticDescriptor SurfaceBaselineProblem = Create(
        "CORSGEN047",
        "CorsSurface.txt cannot be read",
        "CorsSurface.txt line {0}: {1}",
        DiagnosticSeverity.Warning,
        "CorsSurface.txt is compared line by line with the compiled CORS surface; a file that is missing, empty, or has a line that is not a route, group or policy line cannot be compared. The rule names the line, and its code fix rewrites the file from the compiled surface.",
        WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>CORSGEN048: a controller action with CORS attributes whose routes CorsGen cannot compile.</summary>
    public static readonly DiagnosticDescriptor ControllerActionNotCompiled = Create(
        "CORSGEN048",
        "Controller action with CORS attributes is not compiled",
        "Controller action '{0}' has CORS attributes, but CorsGen cannot compile them: {1}; MapCorsGenControllers() gives it no CORS headers and no preflight route",
        DiagnosticSeverity.Warning,
        "CorsGen compiles a controller action's CORS attributes into the preflight routes of its attribute routes, so it needs what MVC will map at compile time: an attribute route, its HTTP methods and route tokens it can resolve. The rule catches actions whose CORS would silently be missing.");


    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinkBase + id + ".md", customTags: customTags);
}
