using System.Text;
using Microsoft.Extensions.Primitives;

namespace CorsGen.ConformanceTests;

/// <summary>A request as sent: each value of a <see cref="StringValues"/> is one header line; null is an absent header.</summary>
public sealed record CorsRequest(string Method, string Path, StringValues? Origin, StringValues? RequestMethod, StringValues? RequestHeaders)
{
    /// <summary>The shape both servers treat as a CORS preflight: OPTIONS, an Origin header, a non-empty Access-Control-Request-Method.</summary>
    public bool IsPreflight => Method == "OPTIONS" && Origin is not null && !StringValues.IsNullOrEmpty(RequestMethod ?? StringValues.Empty);

    public IEnumerable<(string Name, StringValues Value)> Headers()
    {
        if (Origin is { } origin)
        {
            yield return ("Origin", origin);
        }

        if (RequestMethod is { } method)
        {
            yield return ("Access-Control-Request-Method", method);
        }

        if (RequestHeaders is { } headers)
        {
            yield return ("Access-Control-Request-Headers", headers);
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Path}");
        foreach (var (name, value) in Headers())
        {
            text.Append($"\n  {name}: {Printable(value)}");
        }

        return text.ToString();
    }

    public static string Printable(StringValues value) =>
        value.Count == 1 ? Printable(value[0] ?? "") : "[" + string.Join(" | ", value.Select(v => Printable(v ?? ""))) + "]";

    private static string Printable(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Append('"').ToString();
    }
}

/// <summary>
/// Draws requests for the generated endpoint classes: origins from the policy, their mutations
/// and the attack classes of cors-facts.md section 4; methods and request headers a browser would
/// send, and ones it never would.
/// </summary>
public sealed class RequestGenerator(Random random, IReadOnlyList<EndpointClassSpec> classes)
{
    private static readonly string[] AttackOrigins =
    [
        "null", "Null", "https://evil.net", "https://example.com.evil.net", "https://evilexample.com", "https://app.example.com.",
        "https://app.example.com/", "https://user@app.example.com", "https://app.example.com@evil.net", "https://app.example.com_.evil.net",
        "https://app.example.com`.evil.net", "https://app.example.com}.evil.net", "https://\u0430pp.example.com", "https://APP.EXAMPLE.COM",
        "https://app.example.com:443", "http://app.example.com", "https://app.example.com\r\n", " https://app.example.com",
        "https://app.example.com, https://evil.net", "https://*.example.com", "http://*.dev.test:8080", "https://.example.com",
        "https://a..example.com", "https://a.example.com.", "https://a_b.example.com", "https://-a.example.com", "https://A.example.com",
        "https://a.example.com:443", "https://a.example.com/", "http://a.dev.test:8080/", "http://a.dev.test", "http://a.dev.test:80",
        "https://a.b.example.org:443", "https://" + new string('a', 64) + ".example.com", "*", "file://", "https://evil.net#.example.com",
        "https://evil.net?.example.com", "https://evil.net/.example.com", "https://u:p@a.example.com", "HTTPS://a.example.com",
        "https://a.example.com:0443", "https://a.example.com:", "https://xn--bcher-kva.example.", "https://b\u00FCcher.example",
    ];

    private static readonly string[] StandardMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    private static readonly string[] NonTokenMethods = ["PO ST", "GET\r\n", " GET", "GET,POST", "G\u00C9T", "GET;", "(GET)"];

    private static readonly string[] NonTokenHeaders = ["x-a b", "x-a;b", "x-api-key\r\n", "x-\u00E9", "\"x-a\"", "x-a:b", "x-a/b", "x-a\u00A0"];

    public DiffCase Next(int index)
    {
        var (endpoints, route, request) = Draw();
        return new DiffCase(index, endpoints, route, request);
    }

    private (EndpointClassSpec, RouteSpec, CorsRequest) Draw()
    {
        var endpoints = classes[random.Next(classes.Count)];
        var route = endpoints.Routes[random.Next(endpoints.Routes.Count)];
        var policy = endpoints.EffectivePolicy(route) ?? endpoints.ClassPolicy;
        var atPattern = endpoints.Routes.Where(r => r.Pattern == route.Pattern).ToList();
        var roll = random.NextDouble();
        if (roll < 0.55)
        {
            var allowed = endpoints.AllowedMethods(route.Pattern, policy);
            return (endpoints, route, new CorsRequest("OPTIONS", route.RequestPath, Origin(policy) ?? "", RequestMethod(atPattern, allowed), RequestHeaders(policy)));
        }

        if (roll < 0.95)
        {
            var method = random.NextDouble() < 0.85 ? atPattern[random.Next(atPattern.Count)].Method : Pick(StandardMethods);
            return (endpoints, route, new CorsRequest(method, route.RequestPath, Origin(policy), null, null));
        }

        // OPTIONS that is not a preflight: no method, or an empty one.
        return (endpoints, route, new CorsRequest("OPTIONS", route.RequestPath, Origin(policy), random.NextDouble() < 0.5 ? null : "", null));
    }

    private StringValues? Origin(PolicySpec policy)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.30 => Allowed(policy),
            < 0.42 => PatternInstance(Pick(policy.Patterns.DefaultIfEmpty(Pick(PolicyGenerator.SubdomainPatterns)).ToArray())),
            < 0.66 => Mutate(Allowed(policy)),
            < 0.76 => random.NextDouble() < 0.6 ? Pick(PolicyGenerator.ExactOrigins) : PatternInstance(Pick(PolicyGenerator.SubdomainPatterns)),
            < 0.80 => "null",
            < 0.82 => "",
            < 0.85 => new StringValues([Allowed(policy), random.NextDouble() < 0.5 ? Allowed(policy) : "https://evil.net"]),
            < 0.95 => Pick(AttackOrigins),
            _ => null,
        };
    }

    // An origin the policy allows, as a browser would send it.
    private string Allowed(PolicySpec policy)
    {
        var choices = policy.Origins.Where(o => o != "*").ToArray();
        if (choices.Length == 0)
        {
            return Pick(PolicyGenerator.ExactOrigins);
        }

        var origin = Pick(choices);
        return origin.Contains("://*.", StringComparison.Ordinal) ? PatternInstance(origin) : origin;
    }

    private string PatternInstance(string pattern)
    {
        var labels = string.Join('.', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Label()));
        return pattern.Replace("*", labels, StringComparison.Ordinal);
    }

    // A lower-case LDH label, sometimes at the 63-character limit.
    private string Label()
    {
        const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        var length = random.NextDouble() < 0.03 ? 63 : random.Next(1, 11);
        var label = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            label.Append(i > 0 && i < length - 1 && random.NextDouble() < 0.1 ? '-' : Letters[random.Next(Letters.Length)]);
        }

        return label.ToString();
    }

    private string Mutate(string origin)
    {
        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return origin + "x"; // "null"
        }

        var scheme = origin[..schemeEnd];
        var hostAndPort = origin[(schemeEnd + 3)..];
        var https = scheme == "https";
        var firstDot = hostAndPort.IndexOf('.');
        return random.Next(22) switch
        {
            0 => origin.ToUpperInvariant(),
            1 => scheme + "://" + char.ToUpperInvariant(hostAndPort[0]) + hostAndPort[1..],
            2 => origin + "/",
            3 => hostAndPort.Contains(':') ? origin : origin + (https ? ":443" : ":80"),
            4 => hostAndPort.Contains(':') ? origin + "1" : origin + ":8081",
            5 => (https ? "http" : "https") + origin[schemeEnd..],
            6 => scheme + "://x" + hostAndPort,
            7 => origin + ".evil.net",
            8 => firstDot < 0 ? origin + "x" : scheme + "://" + hostAndPort[..firstDot] + "x" + hostAndPort[(firstDot + 1)..],
            9 => origin + Pick(["_", "`", "}", "!", "$"]) + ".evil.net",
            10 => scheme + "://user@" + hostAndPort,
            11 => " " + origin,
            12 => origin + "\r\n",
            13 => origin + "/path",
            14 => scheme + "://." + hostAndPort,
            15 => firstDot < 0 ? origin : scheme + "://" + hostAndPort[(firstDot + 1)..], // one label less: the apex of a pattern
            16 => scheme + "://evil" + hostAndPort,
            17 => origin.Replace('a', '\u0430'),
            18 => firstDot < 0 ? origin : scheme + "://" + hostAndPort[..firstDot] + "." + hostAndPort[firstDot..], // an empty label
            19 => hostAndPort.Contains(':') ? origin : origin + ".",
            20 => scheme + "://" + hostAndPort + "@evil.net",
            _ => scheme + "://" + hostAndPort.Replace(".", "_", StringComparison.Ordinal),
        };
    }

    private StringValues RequestMethod(List<RouteSpec> atPattern, IReadOnlyList<string> allowed)
    {
        var mapped = atPattern[random.Next(atPattern.Count)].Method;
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.45 => mapped,
            < 0.60 => allowed is ["*"] ? mapped : Pick([.. allowed]),
            < 0.72 => Pick(StandardMethods),
            < 0.80 => mapped.ToLowerInvariant(),
            < 0.85 => Pick(["PURGE", "REPORT", "X-CUSTOM", "patch"]),
            < 0.91 => Pick(NonTokenMethods),
            < 0.95 => new StringValues([mapped, random.NextDouble() < 0.5 ? mapped : "DELETE"]),
            _ => mapped,
        };
    }

    private StringValues? RequestHeaders(PolicySpec policy)
    {
        var configured = policy.Headers is { } h && !policy.AnyHeader ? h : PolicyGenerator.RequestHeaderNames;
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.35 => null,
            < 0.58 => BrowserList(Subset(configured)),
            < 0.68 => BrowserList([.. Subset(configured), "content-type"]),
            < 0.76 => BrowserList([.. Subset(configured), Pick(["x-evil", "x-other", "if-none-match"])]),
            < 0.82 => string.Join(", ", Subset(configured).Select(n => random.NextDouble() < 0.5 ? n.ToUpperInvariant() : n)),
            < 0.86 => "," + string.Join(",,", Subset(configured)) + ",",
            < 0.90 => new StringValues([.. Subset(configured).Select(n => n.ToLowerInvariant())]),
            < 0.94 => Pick(NonTokenHeaders),
            < 0.97 => "authorization",
            _ => "",
        };
    }

    // What a browser sends: lower-cased, de-duplicated, sorted, joined by "," (Fetch, "CORS-unsafe request-header names").
    private static string BrowserList(IEnumerable<string> names) =>
        string.Join(',', names.Select(n => n.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));

    private string[] Subset(IReadOnlyList<string> names)
    {
        var count = random.Next(1, names.Count + 1);
        return [.. names.OrderBy(_ => random.Next()).Take(count)];
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}
