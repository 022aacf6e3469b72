using Microsoft.Extensions.Primitives;

namespace CorsGen.ConformanceTests;

/// <summary>
/// An intended difference between CorsGen and ASP.NET Core's CORS middleware. Each names the rows
/// of docs/compatibility.md that document it (the test checks they exist); a disagreement that no
/// rule explains fails the differential test.
/// </summary>
public sealed record NormalisationRule(string Name, string Explanation, params string[] CompatibilityRows)
{
    public override string ToString() => Name;
}

public static class NormalisationRules
{
    public static readonly NormalisationRule RefusedPreflightIs403 = new(
        nameof(RefusedPreflightIs403),
        "CorsGen refuses with 403 and no Access-Control-* headers where the middleware answers 204 (or routing 405) and lets the browser refuse; only the browser's verdicts are compared.",
        "Preflight asks for a method the policy does not allow", "Preflight asks for a header the policy does not allow", "Preflight from a foreign origin",
        "`Access-Control-Request-Method` that is not one token", "`Access-Control-Request-Headers` with an element that is not a token");

    public static readonly NormalisationRule VaryOnEveryResponse = new(
        nameof(VaryOnEveryResponse),
        "CorsGen sends Vary on every preflight and every response of a CORS route; the middleware only with several origins. Compared as: the middleware's Vary names are a subset of CorsGen's.",
        "`Vary: Origin` on actual responses", "Preflight from a foreign origin");

    public static readonly NormalisationRule SafelistedHeadersAlwaysAllowed = new(
        nameof(SafelistedHeadersAlwaysAllowed),
        "CorsGen always allows and lists Accept, Accept-Language, Content-Language and Content-Type; the middleware only when configured.",
        "`Content-Type: application/json` requested in a preflight");

    public static readonly NormalisationRule AllowHeadersOnlyWhenRequested = new(
        nameof(AllowHeadersOnlyWhenRequested),
        "CorsGen sends Access-Control-Allow-Headers only when the preflight has Access-Control-Request-Headers; the middleware sends its configured list on every preflight.",
        "Preflight without `Access-Control-Request-Headers`");

    public static readonly NormalisationRule SubdomainPatternMatchesSerializedOriginsOnly = new(
        nameof(SubdomainPatternMatchesSerializedOriginsOnly),
        "The middleware's wildcard-subdomain check parses the Origin with System.Uri, so upper case, a trailing slash, a path, userinfo, an explicit default port or odd labels still match; CorsGen matches the serialized form only.",
        "Subdomain pattern and an `Origin` that is not a serialized origin");

    public static readonly NormalisationRule PatternTextIsNotAnOrigin = new(
        nameof(PatternTextIsNotAnOrigin),
        "The middleware keeps the pattern text in its origin list, so an Origin header equal to \"https://*.example.com\" matches it; CorsGen never matches a '*'.",
        "`Origin` header equal to a subdomain pattern's text");

    public static readonly NormalisationRule SeveralOriginValues = new(
        nameof(SeveralOriginValues),
        "CorsGen refuses a request with two Origin values even under \"*\"; the middleware answers \"*\".",
        "Two `Origin` header values");

    public static readonly NormalisationRule AllowedMethodNeedsNoRoute = new(
        nameof(AllowedMethodNeedsNoRoute),
        "CorsGen answers a preflight for any method its [AllowMethods] allows at the pattern; with the middleware, routing answers 405 when no endpoint maps that method.",
        "Preflight for an allowed method that no route at the pattern maps");

    public static readonly NormalisationRule ListSeparators = new(
        nameof(ListSeparators),
        "CorsGen joins list headers with \", \", the middleware with \",\", and the orders can differ; lists are compared as sets of elements.",
        "List headers");

    public static readonly NormalisationRule SafelistedMethodsListed = new(
        nameof(SafelistedMethodsListed),
        "A policy without WithMethods: the middleware sends no Access-Control-Allow-Methods, so browsers pass GET, HEAD and POST only; its CorsGen conversion writes [AllowMethods(\"GET\", \"HEAD\", \"POST\")] and lists them.",
        "Policy without a method list");

    public static readonly IReadOnlyList<NormalisationRule> All =
    [
        RefusedPreflightIs403, VaryOnEveryResponse, SafelistedHeadersAlwaysAllowed, AllowHeadersOnlyWhenRequested,
        SubdomainPatternMatchesSerializedOriginsOnly, PatternTextIsNotAnOrigin, SeveralOriginValues, AllowedMethodNeedsNoRoute,
        ListSeparators, SafelistedMethodsListed,
    ];
}

/// <summary>One random case: the request and the endpoint class and route it was drawn for.</summary>
public sealed record DiffCase(int Index, EndpointClassSpec Endpoints, RouteSpec Route, CorsRequest Request)
{
    /// <summary>The policy of the pattern's CORS routes (one per pattern in this test).</summary>
    public PolicySpec? Policy => Endpoints.Routes.Where(r => r.Pattern == Route.Pattern).Select(Endpoints.EffectivePolicy).FirstOrDefault(p => p is not null);

    public IEnumerable<RouteSpec> RoutesAtPattern => Endpoints.Routes.Where(r => r.Pattern == Route.Pattern);
}

/// <summary>The outcome of comparing one case's two replies.</summary>
public sealed class CaseResult
{
    public List<string> Disagreements { get; } = [];

    public HashSet<NormalisationRule> Applied { get; } = [];

    /// <summary>Both servers let a browser read the response (or pass the preflight), in the policy's credentials mode.</summary>
    public bool BothAllowed { get; set; }

    public bool BothRefused { get; set; }
}

/// <summary>Compares CorsGen's reply with the middleware's, through the browser's eyes and header by header.</summary>
public static class Differential
{
    private static readonly string[] Safelisted = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];
    private static readonly string[] PreflightVary = ["Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"];

    public static CaseResult Compare(DiffCase c, Reply generated, Reply aspNet)
    {
        var result = new CaseResult();
        var preflight = c.Request.IsPreflight;
        foreach (var credentials in new[] { false, true })
        {
            var corsGenPasses = preflight ? BrowserModel.PreflightPasses(generated, c.Request, credentials) : BrowserModel.CorsCheck(generated, c.Request.Origin, credentials);
            var aspNetPasses = preflight ? BrowserModel.PreflightPasses(aspNet, c.Request, credentials) : BrowserModel.CorsCheck(aspNet, c.Request.Origin, credentials);
            if (credentials == (c.Policy?.Credentials ?? false))
            {
                result.BothAllowed = corsGenPasses && aspNetPasses;
                result.BothRefused = !corsGenPasses && !aspNetPasses;
            }

            if (corsGenPasses != aspNetPasses)
            {
                var rule = ExplainVerdict(c, credentials, corsGenPasses, aspNet);
                if (rule is null)
                {
                    result.Disagreements.Add($"{(preflight ? "preflight" : "CORS check")} with credentials mode {(credentials ? "include" : "omit")}: a browser {(corsGenPasses ? "passes" : "fails")} CorsGen's answer but {(aspNetPasses ? "passes" : "fails")} the middleware's");
                }
                else
                {
                    result.Applied.Add(rule);
                }
            }
        }

        if (preflight)
        {
            ComparePreflight(c, generated, aspNet, result);
        }
        else
        {
            ComparePlain(c, generated, aspNet, result);
        }

        return result;
    }

    // Which intended difference makes the two verdicts differ, if any.
    private static NormalisationRule? ExplainVerdict(DiffCase c, bool credentials, bool corsGenPasses, Reply aspNet)
    {
        var request = c.Request;
        var policy = c.Policy;
        var origin = request.Origin is { Count: 1 } o ? o[0] : null;
        if (!corsGenPasses)
        {
            if (request.Origin is { Count: > 1 })
            {
                return NormalisationRules.SeveralOriginValues;
            }

            if (origin is not null && policy is not null && policy.Patterns.Contains(origin))
            {
                return NormalisationRules.PatternTextIsNotAnOrigin;
            }

            if (origin is not null && policy is not null && policy.Patterns.Any() && !SerializedOrigins.IsSerializedOrigin(origin))
            {
                return NormalisationRules.SubdomainPatternMatchesSerializedOriginsOnly;
            }

            return null;
        }

        if (request.IsPreflight)
        {
            var method = request.RequestMethod!.Value[0]!;
            if (!c.RoutesAtPattern.Any(r => r.Method.Equals(method, StringComparison.OrdinalIgnoreCase)))
            {
                return NormalisationRules.AllowedMethodNeedsNoRoute;
            }

            if (BrowserModel.PreflightPasses(aspNet, request, credentials, Safelisted))
            {
                return NormalisationRules.SafelistedHeadersAlwaysAllowed;
            }
        }

        return null;
    }

    private static void ComparePreflight(DiffCase c, Reply generated, Reply aspNet, CaseResult result)
    {
        // CorsGen's own contract for anything it answers as a preflight (behaviour.md, "Preflight answers").
        if (generated.Status is 204 or 403)
        {
            CompareVary(generated, aspNet, PreflightVary, result, exact: true);
        }
        else
        {
            result.Disagreements.Add($"CorsGen answered a preflight with {generated.Status}, neither 204 nor 403");
        }

        if (generated.Status == 403)
        {
            if (AccessControlNames(generated).Any())
            {
                result.Disagreements.Add("CorsGen's refused preflight carries Access-Control-* headers");
            }

            if (aspNet.Status != 403)
            {
                result.Applied.Add(NormalisationRules.RefusedPreflightIs403);
            }

            return;
        }

        if (!(aspNet.Status == 204 && aspNet.Has("Access-Control-Allow-Origin") && generated.Has("Access-Control-Allow-Origin")))
        {
            return; // a verdict difference, judged above
        }

        Same("Access-Control-Allow-Origin", generated, aspNet, result);
        Same("Access-Control-Allow-Credentials", generated, aspNet, result);
        Same("Access-Control-Max-Age", generated, aspNet, result);
        if (!aspNet.Has("Access-Control-Allow-Methods") && Elements(generated["Access-Control-Allow-Methods"]).All(m => m is "GET" or "HEAD" or "POST"))
        {
            result.Applied.Add(NormalisationRules.SafelistedMethodsListed);
        }
        else
        {
            SameList("Access-Control-Allow-Methods", generated, aspNet, result, StringComparer.Ordinal);
        }
        if (c.Request.RequestHeaders is null)
        {
            if (generated.Has("Access-Control-Allow-Headers"))
            {
                result.Disagreements.Add("CorsGen sent Access-Control-Allow-Headers without Access-Control-Request-Headers");
            }
            else if (aspNet.Has("Access-Control-Allow-Headers"))
            {
                result.Applied.Add(NormalisationRules.AllowHeadersOnlyWhenRequested);
            }
        }
        else
        {
            var corsGenNames = Elements(generated["Access-Control-Allow-Headers"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var aspNetNames = Elements(aspNet["Access-Control-Allow-Headers"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (Safelisted.Any(s => corsGenNames.Contains(s) && !aspNetNames.Contains(s)))
            {
                result.Applied.Add(NormalisationRules.SafelistedHeadersAlwaysAllowed);
            }

            corsGenNames.ExceptWith(Safelisted);
            aspNetNames.ExceptWith(Safelisted);
            if (!corsGenNames.SetEquals(aspNetNames))
            {
                result.Disagreements.Add($"Access-Control-Allow-Headers: CorsGen {Show(generated, "Access-Control-Allow-Headers")}, middleware {Show(aspNet, "Access-Control-Allow-Headers")}");
            }
            else if (generated["Access-Control-Allow-Headers"] != aspNet["Access-Control-Allow-Headers"])
            {
                result.Applied.Add(NormalisationRules.ListSeparators);
            }
        }

        if (generated.Has("Access-Control-Expose-Headers") || aspNet.Has("Access-Control-Expose-Headers"))
        {
            result.Disagreements.Add("Access-Control-Expose-Headers on a preflight answer");
        }
    }

    private static void ComparePlain(DiffCase c, Reply generated, Reply aspNet, CaseResult result)
    {
        if (generated.Status != aspNet.Status)
        {
            result.Disagreements.Add($"status: CorsGen {generated.Status}, middleware {aspNet.Status}");
        }

        var route = c.RoutesAtPattern.FirstOrDefault(r => r.Method == c.Request.Method);
        if (route is { Disabled: false } && generated.Status != 405)
        {
            CompareVary(generated, aspNet, ["Origin"], result, exact: false);
        }
        else if (Elements(generated["Vary"]).Contains("Origin", StringComparer.OrdinalIgnoreCase))
        {
            result.Disagreements.Add("Vary: Origin on a response that is not a CORS route's");
        }

        foreach (var name in AccessControlNames(generated).Concat(AccessControlNames(aspNet)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (name is not ("Access-Control-Allow-Origin" or "Access-Control-Allow-Credentials" or "Access-Control-Expose-Headers"))
            {
                result.Disagreements.Add($"{name} on a response that is not a preflight answer");
            }
        }

        if (generated.Has("Access-Control-Allow-Origin") && aspNet.Has("Access-Control-Allow-Origin"))
        {
            Same("Access-Control-Allow-Origin", generated, aspNet, result);
            Same("Access-Control-Allow-Credentials", generated, aspNet, result);
            SameList("Access-Control-Expose-Headers", generated, aspNet, result, StringComparer.OrdinalIgnoreCase);
        }
    }

    // CorsGen's Vary must hold the contract's names; the middleware's Vary names must be among CorsGen's.
    private static void CompareVary(Reply generated, Reply aspNet, string[] contract, CaseResult result, bool exact)
    {
        var corsGenNames = Elements(generated["Vary"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var aspNetNames = Elements(aspNet["Vary"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (exact ? !corsGenNames.SetEquals(contract) : !contract.All(corsGenNames.Contains))
        {
            result.Disagreements.Add($"CorsGen's Vary is {Show(generated, "Vary")}, the contract says [{string.Join(", ", contract)}]");
        }

        if (!aspNetNames.IsSubsetOf(corsGenNames))
        {
            result.Disagreements.Add($"Vary: the middleware sends {Show(aspNet, "Vary")}, CorsGen {Show(generated, "Vary")}");
        }
        else if (!aspNetNames.SetEquals(corsGenNames))
        {
            result.Applied.Add(NormalisationRules.VaryOnEveryResponse);
        }
    }

    private static void Same(string name, Reply generated, Reply aspNet, CaseResult result)
    {
        if (generated[name] != aspNet[name])
        {
            result.Disagreements.Add($"{name}: CorsGen {Show(generated, name)}, middleware {Show(aspNet, name)}");
        }
    }

    private static void SameList(string name, Reply generated, Reply aspNet, CaseResult result, StringComparer comparer)
    {
        var corsGen = Elements(generated[name]).ToHashSet(comparer);
        var middleware = Elements(aspNet[name]).ToHashSet(comparer);
        if (!corsGen.SetEquals(middleware))
        {
            result.Disagreements.Add($"{name}: CorsGen {Show(generated, name)}, middleware {Show(aspNet, name)}");
        }
        else if (generated[name] != aspNet[name])
        {
            result.Applied.Add(NormalisationRules.ListSeparators);
        }
    }

    private static IEnumerable<string> Elements(StringValues? values) => BrowserModel.Elements(values ?? StringValues.Empty);

    private static IEnumerable<string> AccessControlNames(Reply reply) =>
        reply.Headers.Keys.Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase));

    private static string Show(Reply reply, string name) => reply.Has(name) ? CorsRequest.Printable(reply[name]) : "(absent)";
}
