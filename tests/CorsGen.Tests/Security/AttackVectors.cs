using CorsGen.Tests.Endpoints;
using Microsoft.Extensions.Primitives;
using static CorsGen.Tests.Security.AttackClass;

namespace CorsGen.Tests.Security;

/// <summary>
/// The attack suite's table. Each entry is one request against a generated handler (the endpoint
/// classes under Endpoints/) with the decision docs/behaviour.md requires. Every class also holds
/// allowed look-alikes of its hostile vectors, so a handler that refused everything would fail.
/// </summary>
public static class AttackVectors
{
    // Routes and what they allow (see the endpoint classes).
    private const string Single = "/single";             // https://app.example.com; GET, POST
    private const string Credentialed = "/credentials";  // app + other.example.net, credentials, Authorization + X-Csrf-Token
    private const string Subdomain = "/subdomain";       // https://*.example.com, http://*.dev.test:8080; X-Api-Key, X-Request-Id, X-Trace
    private const string Multi = "/multi";               // app, other, http://localhost:5173; GET, POST, DELETE
    private const string AnyOrigin = "/any";             // "*"; GET, PUT; X-Api-Key
    private const string NullOrigin = "/null-origin";    // "null" + app; GET
    private const string Hosts = "/security/hosts";      // SecurityEndpoints: IPv4, IPv6, IDN, http://localhost
    private const string Headers = "/headers";           // app; POST; X-Api-Key, X-Request-Id, X-Trace
    private const string AnyHeader = "/headers/any";     // app; POST; "*" headers
    private const string SameLength = "/headers/same-length";
    private const string Methods = "/methods";           // app; GET, PATCH
    private const string AnyMethod = "/methods/any";     // app; "*" methods (GET, PURGE mapped)
    private const string Predicate = "/predicate";       // PredicateEndpoints: a naive prefix test, "https://tenant-"

    private const string App = TestOrigins.App;
    private const string Other = TestOrigins.Other;
    private const string LocalDev = TestOrigins.LocalDev;

    private static readonly Lazy<IReadOnlyDictionary<string, AttackVector>> ById = new(Build);

    /// <summary>Every vector by its id (<c>Class/NNN description</c>), in table order.</summary>
    public static IReadOnlyDictionary<string, AttackVector> All => ById.Value;

    private static IReadOnlyDictionary<string, AttackVector> Build()
    {
        var table = new Table();
        ReflectedOrigins(table);
        TrustedNullOrigins(table);
        PrefixMatches(table);
        SuffixMatches(table);
        UnescapedDots(table);
        InsecureSchemes(table);
        PortConfusions(table);
        CaseVariants(table);
        PathsSlashesAndUserinfo(table);
        SpecialHostCharacters(table);
        IdnLookalikes(table);
        WhitespaceAndControlCharacters(table);
        SeveralOriginHeaders(table);
        OverlongValues(table);
        SubdomainOverreaches(table);
        HostileRequestHeaders(table);
        RequestMethodAbuses(table);
        VaryOnEveryPath(table);
        PredicateGuards(table);
        return table.ToDictionary();
    }

    private static void ReflectedOrigins(Table t)
    {
        t.Class = ReflectedOrigin;
        foreach (var origin in new[]
        {
            TestOrigins.Evil, "https://attacker.example", "https://evil.com", "http://localhost", "https://127.0.0.1",
            "https://example.net", "https://x9f3.attacker.test", "http://192.168.0.1", "https://app.example.org",
        })
        {
            t.Foreign(Credentialed, origin, credentials: true);
        }

        t.ActualRefused(Single, "https://attacker.example");
        t.ActualRefused(Hosts, TestOrigins.Evil);
        // The origins the route does allow are echoed, one at a time.
        t.PreflightAllowed(Credentialed, App, App, credentials: true);
        t.PreflightAllowed(Credentialed, Other, Other, credentials: true);
        t.ActualAllowed(Credentialed, Other, Other, credentials: true);
    }

    private static void TrustedNullOrigins(Table t)
    {
        t.Class = TrustedNull;
        t.Foreign(Single, "null");
        t.Foreign(Credentialed, "null", credentials: true);
        t.Foreign(Subdomain, "null");
        t.Foreign(Multi, "null", "DELETE");
        t.Foreign(Hosts, "null");
        foreach (var lookalike in new[] { "Null", "NULL", " null", "null ", "nul", "nulll", "null\0", "null,null", "\"null\"", "'null'", "null;", "about:blank" })
        {
            t.PreflightRefused(NullOrigin, lookalike, "GET");
        }

        t.PreflightAllowed(NullOrigin, "null", "null", "GET");
        t.ActualAllowed(NullOrigin, "null", "null");
        t.PreflightAllowed(AnyOrigin, "null", "*", "PUT");
    }

    private static void PrefixMatches(Table t)
    {
        t.Class = PrefixMatch;
        foreach (var origin in new[]
        {
            "https://app.example.com.evil.net", "https://app.example.com.", "https://app.example.comevil.net",
            "https://app.example.com-evil.net", "https://app.example.com.evil.net:443", "https://app.example.comm",
            "https://app.example.com.example.com",
        })
        {
            t.Foreign(Single, origin);
        }

        t.Foreign(Credentialed, "https://other.example.net.evil.com", credentials: true);
        t.Foreign(Credentialed, "https://app.example.com.evil.net", credentials: true);
        t.PreflightRefused(Multi, "http://localhost:5173.evil.net", "DELETE");
        t.PreflightRefused(Multi, "http://localhost:51730", "DELETE");
        t.PreflightRefused(Subdomain, "https://a.example.com.evil.net");
        t.PreflightRefused(Subdomain, "https://example.com.evil.net");
        t.PreflightRefused(Subdomain, "https://example.com.evil.com");
        t.PreflightRefused(Subdomain, "http://a.dev.test:8080.evil.net");
        t.PreflightRefused(Hosts, "http://127.0.0.1:9000.evil.net");
        t.PreflightRefused(Hosts, "http://localhost.evil.net");
        // Under the pattern, a host that merely starts like another domain is a real subdomain.
        t.PreflightAllowed(Subdomain, "https://evil.com.example.com", "https://evil.com.example.com");
        t.PreflightAllowed(Subdomain, "https://app.example.com.example.com", "https://app.example.com.example.com");
    }

    private static void SuffixMatches(Table t)
    {
        t.Class = SuffixMatch;
        foreach (var origin in new[] { "https://xapp.example.com", "https://evilapp.example.com", "https://evil-app.example.com", "https://evil.app.example.com", "https://sub.app.example.com" })
        {
            t.Foreign(Single, origin);
        }

        foreach (var origin in new[] { "https://evilexample.com", "https://a.evilexample.com", "https://evil-example.com", "https://notexample.com", "http://a.evildev.test:8080", "http://evildev.test:8080" })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        t.Foreign(Credentialed, "https://evilother.example.net", credentials: true);
        t.Foreign(Credentialed, "https://x.other.example.net", credentials: true);
        t.PreflightRefused(Hosts, "http://x127.0.0.1:9000");
        t.PreflightRefused(Hosts, "http://evillocalhost");
        t.PreflightAllowed(Subdomain, "https://evilapp.example.com", "https://evilapp.example.com");
    }

    private static void UnescapedDots(Table t)
    {
        t.Class = UnescapedDot;
        foreach (var origin in new[] { "https://appxexample.com", "https://app-example.com", "https://app.examplexcom", "https://app.example0com", "https://app_example.com" })
        {
            t.Foreign(Single, origin);
        }

        foreach (var origin in new[] { "https://a.examplexcom", "https://axexample.com", "https://a.example-com", "http://a.devxtest:8080" })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        t.PreflightRefused(Credentialed, "https://otherxexample.net");
        t.PreflightRefused(Credentialed, "https://other.examplexnet");
        t.PreflightRefused(Hosts, "http://127x0.0.1:9000");
        t.PreflightRefused(Hosts, "http://127.0.0x1:9000");
        t.PreflightRefused(Hosts, "https://xn--bcher-kvaxexample");
    }

    private static void InsecureSchemes(Table t)
    {
        t.Class = InsecureScheme;
        t.Foreign(Single, "http://app.example.com");
        t.Foreign(Credentialed, "http://app.example.com", credentials: true);
        t.Foreign(Credentialed, "http://other.example.net", credentials: true);
        foreach (var origin in new[]
        {
            "ws://app.example.com", "wss://app.example.com", "ftp://app.example.com", "file://app.example.com", "https:app.example.com",
            "https:/app.example.com", "https:///app.example.com", "//app.example.com", "app.example.com", "javascript://app.example.com",
            "httpss://app.example.com", "https//app.example.com", "chrome-extension://app.example.com",
        })
        {
            t.PreflightRefused(Single, origin);
        }

        t.PreflightRefused(Subdomain, "http://a.example.com");
        t.PreflightRefused(Subdomain, "https://a.dev.test:8080");
        t.PreflightRefused(Subdomain, "wss://a.example.com");
        t.PreflightRefused(Hosts, "https://127.0.0.1:9000");
        t.PreflightRefused(Hosts, "https://localhost");
        t.PreflightRefused(Hosts, "http://xn--bcher-kva.example");
    }

    private static void PortConfusions(Table t)
    {
        t.Class = PortConfusion;
        foreach (var port in new[] { ":443", ":8443", ":", ":0", ":80", ":00443", ":443/", ":+443", ":-1", ":65536" })
        {
            t.PreflightRefused(Single, App + port);
        }

        t.ActualRefused(Single, App + ":443");
        foreach (var origin in new[] { "http://localhost:5174", "http://localhost", "http://localhost:80", "http://localhost:05173", "http://localhost:5173:5173" })
        {
            t.PreflightRefused(Multi, origin, "DELETE");
        }

        foreach (var origin in new[] { "http://a.dev.test:8081", "http://a.dev.test", "http://a.dev.test:80", "http://a.dev.test:808", "http://a.dev.test:80800", "https://a.example.com:443", "https://a.example.com:8443" })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        foreach (var origin in new[] { "http://127.0.0.1:90000", "http://127.0.0.1:900", "http://127.0.0.1", "http://127.0.0.1:9000:9000", "http://[::1]:8081", "http://[::1]", "http://localhost:80", "http://localhost:9000" })
        {
            t.PreflightRefused(Hosts, origin);
        }

        t.PreflightAllowed(Multi, LocalDev, LocalDev, "DELETE");
        t.PreflightAllowed(Subdomain, "http://a.dev.test:8080", "http://a.dev.test:8080");
        t.PreflightAllowed(Hosts, SecurityEndpoints.Loopback, SecurityEndpoints.Loopback);
        t.PreflightAllowed(Hosts, SecurityEndpoints.LoopbackV6, SecurityEndpoints.LoopbackV6);
        t.ActualAllowed(Hosts, SecurityEndpoints.PlainLocalhost, SecurityEndpoints.PlainLocalhost);
    }

    private static void CaseVariants(Table t)
    {
        t.Class = CaseVariant;
        foreach (var origin in new[] { "https://APP.EXAMPLE.COM", "https://App.example.com", "HTTPS://app.example.com", "https://app.example.Com", "https://app.Example.com", "Https://app.example.com" })
        {
            t.Foreign(Single, origin);
        }

        t.Foreign(Credentialed, "https://Other.example.net", credentials: true);
        foreach (var origin in new[] { "https://A.example.com", "https://a.EXAMPLE.com", "https://a.example.COM", "HTTP://a.dev.test:8080", "http://a.DEV.test:8080" })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        t.PreflightRefused(Hosts, "http://LOCALHOST");
        t.PreflightRefused(Hosts, "https://XN--bcher-kva.example");
        t.PreflightRefused(Hosts, "https://xn--BCHER-kva.example");
        t.PreflightRefused(Hosts, "http://[0:0:0:0:0:0:0:1]:8080");
    }

    private static void PathsSlashesAndUserinfo(Table t)
    {
        t.Class = PathSlashOrUserinfo;
        foreach (var origin in new[]
        {
            App + "/", App + "/path", App + "?q", App + "#f", App + "//", App + "/.", App + "\\", App + "/%2e%2e",
            "https://user@app.example.com", "https://user:pass@app.example.com", "https://app.example.com@evil.net",
            "https://evil.net@app.example.com", "https://app.example.com%2f@evil.net", "https://evil.net#@app.example.com",
            "https://evil.net/app.example.com", "https://evil.net?https://app.example.com",
        })
        {
            t.PreflightRefused(Single, origin);
        }

        t.Foreign(Credentialed, App + "/", credentials: true);
        t.Foreign(Credentialed, "https://app.example.com@evil.net", credentials: true);
        foreach (var origin in new[] { "https://evil.net/.example.com", "https://evil.net?.example.com", "https://evil.net#.example.com", "https://a.example.com/", "https://u@a.example.com", "https://evil.net\\.example.com", "http://a.dev.test:8080/" })
        {
            t.PreflightRefused(Subdomain, origin);
        }
    }

    private static void SpecialHostCharacters(Table t)
    {
        t.Class = SpecialHostCharacter;
        foreach (var c in "_`}{|~!$&'()*+,;=%\"<>^")
        {
            t.PreflightRefused(Single, $"https://app.example.com{c}.evil.net");
        }

        t.ActualRefused(Single, "https://app.example.com_.evil.net");
        t.ActualRefused(Credentialed, "https://app.example.com`.evil.net");
        t.ActualRefused(Credentialed, "https://app.example.com}.evil.net");
        foreach (var origin in new[]
        {
            "https://a_b.example.com", "https://a`b.example.com", "https://a}.example.com", "https://evil.net}.example.com",
            "https://evil.net%60.example.com", "https://a*.example.com", "https://*.example.com", "https://a.b_.example.com",
            "https://-a.example.com", "https://a-.example.com", "https://a.-b.example.com", "https://a%2eb.example.com",
            "https://evil.net%2f.example.com", "https://a:b.example.com",
        })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        t.PreflightAllowed(Subdomain, "https://a-b.example.com", "https://a-b.example.com");
        t.PreflightAllowed(Subdomain, "https://0-9.example.com", "https://0-9.example.com");
    }

    private static void IdnLookalikes(Table t)
    {
        t.Class = IdnLookalike;
        foreach (var origin in new[]
        {
            "https://\u0430pp.example.com",       // Cyrillic a
            "https://app.ex\u0430mple.com",       // Cyrillic a in the domain
            "https://app.example.c\u043Em",       // Cyrillic o
            "https://\uFF41pp.example.com",       // full-width a
            "https://app.example.com\u200B",      // zero-width space
            "https://ap\u00ADp.example.com",      // soft hyphen
            "https://app.example\u3002com",       // ideographic full stop
            "https://app\uFF0Eexample.com",       // full-width full stop
            "https://xn--pp-8ka.example.com",
            "https://app.example.com\uFEFF",      // byte-order mark
        })
        {
            t.PreflightRefused(Single, origin);
        }

        t.ActualRefused(Single, "https://\u0430pp.example.com");
        t.PreflightRefused(Subdomain, "https://\u0430.example.com");
        t.PreflightRefused(Subdomain, "https://a.ex\u0430mple.com");
        t.PreflightRefused(Subdomain, "https://a\u200B.example.com");
        t.PreflightRefused(Hosts, "https://b\u00FCcher.example");
        t.PreflightRefused(Hosts, "https://B\u00DCCHER.example");
        t.PreflightRefused(Hosts, "https://xn--bcher-kva.example.");
        t.PreflightAllowed(Hosts, SecurityEndpoints.Idn, SecurityEndpoints.Idn);
        t.PreflightAllowed(Subdomain, "https://xn--80ak6aa92e.example.com", "https://xn--80ak6aa92e.example.com");
    }

    private static void WhitespaceAndControlCharacters(Table t)
    {
        t.Class = WhitespaceOrControl;
        foreach (var origin in new[]
        {
            " " + App, App + " ", "\t" + App, App + "\t", App + "\r", App + "\n", App + "\r\n", App + "\0",
            App + "\v", App + "\f", App + "\u00A0", "\u00A0" + App, "https://app. example.com", "https://app.example .com",
            App + "\r\nAccess-Control-Allow-Origin: *", App + "\r\n https://evil.net", "\r\n" + App, App + "\u0085",
        })
        {
            t.PreflightRefused(Single, origin);
        }

        t.ActualRefused(Single, App + "\r\n");
        t.ActualRefused(Credentialed, " " + App, credentials: true);
        t.PreflightRefused(Credentialed, App + "\r\nSet-Cookie: a=b");
        t.PreflightRefused(Subdomain, " https://a.example.com");
        t.PreflightRefused(Subdomain, "https://a.example.com\r\n");
        t.PreflightRefused(Subdomain, "https://a\t.example.com");
    }

    private static void SeveralOriginHeaders(Table t)
    {
        t.Class = AttackClass.SeveralOriginHeaders;
        StringValues[] several =
        [
            new([App, TestOrigins.Evil]), new([TestOrigins.Evil, App]), new([App, App]), new([App, ""]), new(["", App]),
            App + ", " + TestOrigins.Evil, TestOrigins.Evil + "," + App, App + "," + App, App + " " + TestOrigins.Evil, "",
        ];
        foreach (var origin in several)
        {
            t.Foreign(Single, origin);
        }

        t.Foreign(Credentialed, new StringValues([App, Other]), credentials: true);
        t.Foreign(Credentialed, new StringValues([App, App]), credentials: true);
        // "*" answers any one origin, but never two.
        t.PreflightRefused(AnyOrigin, new StringValues([App, TestOrigins.Evil]), "PUT");
        t.ActualRefused(AnyOrigin, new StringValues([App, TestOrigins.Evil]));
        t.PreflightRefused(AnyOrigin, "", "PUT");
        t.PreflightRefused(NullOrigin, new StringValues(["null", "null"]), "GET");
        t.PreflightRefused(Subdomain, new StringValues(["https://a.example.com", "https://b.example.com"]));
        t.ActualAllowed(AnyOrigin, TestOrigins.Evil, "*");
    }

    private static void OverlongValues(Table t)
    {
        t.Class = Overlong;
        var label63 = new string('a', 63);
        var label64 = new string('a', 64);
        t.Foreign(Single, App + new string('a', 8000));
        t.Foreign(Single, new string('a', 8000) + App);
        t.PreflightRefused(Single, new string('x', 100_000));
        t.PreflightRefused(Single, "https://" + new string('a', 100_000) + ".example.com");
        t.PreflightRefused(Credentialed, App + new string('/', 10_000));
        t.PreflightRefused(Hosts, "http://127.0.0.1:" + new string('9', 1000));
        t.PreflightRefused(Subdomain, "https://" + new string('a', 100_000) + ".example.com");
        t.PreflightRefused(Subdomain, "https://" + label64 + ".example.com");
        t.PreflightRefused(Subdomain, "https://" + string.Concat(Enumerable.Repeat("a.", 10_000)) + "example.com");
        t.ActualRefused(Subdomain, "https://" + string.Concat(Enumerable.Repeat("a.", 10_000)) + "example.com");
        // The limits themselves: 63-character labels and 253-character hosts match, one more does not.
        t.PreflightAllowed(Subdomain, "https://" + label63 + ".example.com", "https://" + label63 + ".example.com");
        var host253 = HostOfLength(253);
        var host254 = HostOfLength(254);
        t.PreflightAllowed(Subdomain, "https://" + host253, "https://" + host253);
        t.PreflightRefused(Subdomain, "https://" + host254);
        t.ActualAllowed(Subdomain, "https://" + host253, "https://" + host253);
    }

    // A host under example.com of exactly that many characters, made of labels of at most 63.
    private static string HostOfLength(int length)
    {
        const string Suffix = ".example.com";
        var labels = new List<string>();
        var remaining = length - Suffix.Length;
        while (remaining > 0)
        {
            // Each further label costs its length plus a dot.
            var size = Math.Min(63, labels.Count == 0 ? remaining : remaining - 1);
            if (labels.Count > 0)
            {
                remaining--;
            }

            labels.Add(new string('b', size));
            remaining -= size;
        }

        var host = string.Join('.', labels) + Suffix;
        return host.Length == length ? host : throw new InvalidOperationException($"host of {host.Length} characters, wanted {length}");
    }

    private static void SubdomainOverreaches(Table t)
    {
        t.Class = SubdomainOverreach;
        foreach (var origin in new[]
        {
            "https://example.com", "https://.example.com", "https://..example.com", "https://a..example.com", "https://a.b..example.com",
            "https://.a.example.com", "https://a.example.com.", "https://a.example..com", "https://example.com.", "http://dev.test:8080",
            "http://.dev.test:8080", "https://com", "https://.com", "https://example.com:443", "https://a.b.example.com:443",
        })
        {
            t.PreflightRefused(Subdomain, origin);
        }

        t.ActualRefused(Subdomain, "https://example.com");
        t.ActualRefused(Subdomain, "http://dev.test:8080");
        t.ActualRefused(Subdomain, "https://.example.com");
        foreach (var origin in new[] { "https://a.b.c.example.com", "https://1.example.com", "https://a--b.example.com", "http://x.y.dev.test:8080" })
        {
            t.PreflightAllowed(Subdomain, origin, origin);
        }

        t.ActualAllowed(Subdomain, "https://a.b.c.example.com", "https://a.b.c.example.com");
    }

    private static void HostileRequestHeaders(Table t)
    {
        t.Class = AttackClass.HostileRequestHeaders;
        var commas = new string(',', 10_000);
        var longName = "x-" + new string('a', 10_000);

        // Empty list elements are ignored (RFC 9110, section 5.6.1), so lists of allowed names pass.
        t.PreflightAllowed(Headers, App, App, acrh: commas);
        t.PreflightAllowed(Headers, App, App, acrh: "x-api-key" + new string(',', 5000) + "x-trace");
        t.PreflightAllowed(Headers, App, App, acrh: "x-api-key,,x-trace");
        t.PreflightAllowed(Headers, App, App, acrh: ",x-api-key,");
        t.PreflightAllowed(Headers, App, App, acrh: " , ,\tx-api-key");
        t.PreflightAllowed(Headers, App, App, acrh: string.Join(',', Enumerable.Repeat("x-api-key", 2000)));
        t.PreflightAllowed(Headers, App, App, acrh: "X-API-KEY,x-ApI-kEy");
        t.PreflightAllowed(Headers, App, App, acrh: new StringValues(["x-api-key", "x-trace"]));
        t.PreflightAllowed(Headers, App, App, acrh: new StringValues(["", "x-api-key"]));
        t.PreflightAllowed(Headers, App, App, acrh: new StringValues([.. Enumerable.Repeat("x-request-id", 1000)]));
        t.PreflightAllowed(AnyHeader, App, App, acrh: commas);
        t.PreflightAllowed(AnyHeader, App, App, acrh: longName);
        t.PreflightAllowed(AnyHeader, App, App, acrh: new StringValues(["x-api-key", "x-evil"]));
        t.PreflightAllowed(Single, App, App, acrh: "content-type");
        t.PreflightAllowed(Credentialed, App, App, acrh: "authorization,x-csrf-token", credentials: true);

        // A name that is not allowed refuses the whole preflight, whatever surrounds it.
        foreach (var acrh in new StringValues[]
        {
            "x-api-key, x-evil", "x-evil", commas + "x-evil", longName, "x-api-key" + new string('a', 100_000),
            new(["x-api-key", "x-evil"]), new([.. Enumerable.Repeat("x-api-key", 999), "x-evil"]),
            "x-api-key;x-trace", "x-api-key x-trace", "x-api-key\r\n", "x-api-key\r\nx-evil", "x-api-key\u00A0", "x-api-key\v",
            "x-api-\u212Aey",    // Kelvin sign, which Unicode case folding maps to k
            "x-reque\u017Ft-id", // long s, which upper-cases to S
            "x-ap\u0131-key",    // dotless i, which upper-cases to I
            "\u0178-api-key",    // low byte 'x': folding must not drop the high byte
            "x-api-ke\u0179",    // low byte 'y' | 0x20
            "x-api-key\0", "authorization", "content-typ", "content-types", "content-type\0",
        })
        {
            t.PreflightRefused(Headers, App, "POST", acrh);
        }

        t.PreflightRefused(SameLength, App, "POST", "X~Caret-01"); // allowed is X^Caret-01; '^' | 0x20 == '~'
        t.PreflightRefused(SameLength, App, "POST", "x-tenant-\u212A");
        t.PreflightAllowed(SameLength, App, App, acrh: "x^caret-01,X-TENANT-A");
        t.PreflightRefused(Single, App, "POST", "authorization");
        t.PreflightRefused(AnyOrigin, App, "PUT", "x-evil");

        // "*" echoes the list, so it must be a list of tokens.
        foreach (var acrh in new StringValues[]
        {
            "x-a;b", "x-a b", "x-a\r\nx-b", "x-a\r\n", "x-a\0", "x-a:b", "\"x-a\"", "x-a(b)", "x-a/b", "x-a@b",
            "x-\u00E9", "x-a{b}", "x-a\\b", "x-a=b", "x-a?b", "x-a[b]", "x-a\u00A0", new(["x-a", "x b"]),
        })
        {
            t.PreflightRefused(AnyHeader, App, "POST", acrh);
        }
    }

    private static void RequestMethodAbuses(Table t)
    {
        t.Class = RequestMethodAbuse;
        foreach (var method in new StringValues[]
        {
            "post", "Post", "POST ", " POST", "POST\r\n", "POST\0", "POST,GET", "GET, POST", new(["POST", "POST"]),
            new(["POST", "DELETE"]), new(["GET", ""]), "PUT", "DELETE", "CONNECT", "TRACE", "OPTIONS", "*", "P\u039FST",
        })
        {
            t.PreflightRefused(Single, App, method);
        }

        t.PreflightAllowed(Methods, App, App, "PATCH");
        t.PreflightRefused(Methods, App, "patch");
        t.PreflightRefused(Methods, App, "PATCH ");
        t.PreflightRefused(Methods, App, "PATC");

        // "*" echoes the method, so it must be a token.
        t.PreflightAllowed(AnyMethod, App, App, "patch");
        t.PreflightAllowed(AnyMethod, App, App, "PURGE");
        t.PreflightAllowed(AnyMethod, App, App, new string('M', 10_000));
        foreach (var method in new StringValues[] { "PO ST", "PO\tST", "POST\r\nX-Evil: 1", "G\u00C9T", "GET;", "(GET)", "GET/1.1", "GET,PUT", "", new(["GET", "PUT"]) })
        {
            if (method.Count == 1 && method[0] == "")
            {
                continue; // an empty method is not a preflight, below
            }

            t.PreflightRefused(AnyMethod, App, method);
        }

        // Without a usable Access-Control-Request-Method, OPTIONS is not a preflight.
        t.NotAPreflight(Single, App, "");
        t.NotAPreflight(Single, App, null);
        t.NotAPreflight(AnyMethod, App, "");
        t.NotAPreflight(Single, null, "POST");
    }

    private static void VaryOnEveryPath(Table t)
    {
        t.Class = AttackClass.Vary;
        t.PreflightAllowed(Single, App, App);
        t.PreflightRefused(Single, TestOrigins.Evil);
        t.ActualAllowed(Single, App, App);
        t.ActualAllowed(Single, App, App, "POST");
        t.ActualRefused(Single, TestOrigins.Evil);
        t.ActualRefused(Single, null);
        t.ActualRefused(Single, null, "POST");
        t.ActualAllowed(AnyOrigin, App, "*");
        t.ActualRefused(AnyOrigin, null);
        t.PreflightAllowed(AnyOrigin, App, "*", "PUT");
        t.ActualAllowed(Subdomain, "https://a.example.com", "https://a.example.com");
        t.ActualRefused(Subdomain, "https://example.com");
        t.ActualRefused(Subdomain, null);
        t.ActualAllowed(Credentialed, App, App, credentials: true);
        t.ActualRefused(Credentialed, null, credentials: true);
        t.ActualAllowed("/errors/throw", App, App, status: 500, credentials: true);
        t.ActualRefused("/errors/throw", null, status: 500, credentials: true);
        t.ActualAllowed("/errors/vary", App, App, credentials: true);
        t.ActualAllowed("/errors/vary-set", App, App, credentials: true);
        t.ActualRefused("/errors/vary", TestOrigins.Evil, credentials: true);
        t.CorsDisabled("DELETE", "/mixed", App);
        t.CorsDisabled("DELETE", "/mixed", null);
        t.CorsDisabled("GET", "/no-cors", App);
        t.PreflightRefused("/mixed", App, "DELETE");
    }

    // [AllowOriginPredicate]: the predicate only ever sees a well-formed serialized origin, so even a
    // naive prefix test ("https://tenant-") cannot be reached with these; what it allows is its choice.
    private static void PredicateGuards(Table t)
    {
        (AttackClass Class, string Origin)[] refused =
        [
            (WhitespaceOrControl, "https://tenant-x.example.com\r\n"), (WhitespaceOrControl, " https://tenant-x.example.com"),
            (WhitespaceOrControl, "https://tenant-x.example.com\0"), (PathSlashOrUserinfo, "https://tenant-x.example.com/"),
            (PathSlashOrUserinfo, "https://tenant-x.example.com/path"), (PathSlashOrUserinfo, "https://tenant-x@evil.net"),
            (CaseVariant, "https://TENANT-x.example.com"), (CaseVariant, "HTTPS://tenant-x.example.com"),
            (PortConfusion, "https://tenant-x.example.com:443"), (PortConfusion, "https://tenant-x.example.com:"),
            (SpecialHostCharacter, "https://tenant-x_.evil.net"), (SpecialHostCharacter, "https://tenant-x`.evil.net"),
            (Overlong, "https://tenant-" + new string('x', 10_000) + ".example.com"), (AttackClass.SeveralOriginHeaders, "https://tenant-a.example.com, https://evil.net"),
        ];
        foreach (var (attackClass, origin) in refused)
        {
            t.Class = attackClass;
            t.PreflightRefused(Predicate, origin);
        }

        t.Class = AttackClass.SeveralOriginHeaders;
        t.ActualRefused(Predicate, new StringValues(["https://tenant-a.example.com", "https://tenant-b.example.com"]), "POST");
        t.Class = PrefixMatch;
        t.PreflightAllowed(Predicate, "https://tenant-a.example.com", "https://tenant-a.example.com");
        t.PreflightAllowed(Predicate, "https://tenant-x.evil.net", "https://tenant-x.evil.net"); // the predicate's own (naive) decision
    }

    /// <summary>Collects vectors for the current class; preflights default to a method the route allows.</summary>
    private sealed class Table
    {
        private readonly List<AttackVector> _vectors = [];

        public AttackClass Class { get; set; }

        private static string DefaultPreflightMethod(string path) => path switch
        {
            AnyOrigin => "PUT",
            NullOrigin or Methods or AnyMethod => "GET",
            Multi => "DELETE",
            _ => "POST",
        };

        public void PreflightAllowed(string path, StringValues origin, string allowOrigin, StringValues? method = null, StringValues? acrh = null, bool credentials = false) =>
            Add(Decision.PreflightAllowed, "OPTIONS", path, Preflight(path, origin, method, acrh), allowOrigin, credentials: credentials);

        public void PreflightRefused(string path, StringValues origin, StringValues? method = null, StringValues? acrh = null) =>
            Add(Decision.PreflightRefused, "OPTIONS", path, Preflight(path, origin, method, acrh));

        public void NotAPreflight(string path, StringValues? origin, StringValues? method)
        {
            var headers = new List<(string, StringValues)>();
            if (origin is { } o)
            {
                headers.Add(("Origin", o));
            }

            if (method is { } m)
            {
                headers.Add(("Access-Control-Request-Method", m));
            }

            Add(Decision.NotAPreflight, "OPTIONS", path, headers);
        }

        public void ActualAllowed(string path, StringValues origin, string allowOrigin, string method = "GET", int status = 200, bool credentials = false) =>
            Add(Decision.ActualAllowed, method, path, [("Origin", origin)], allowOrigin, status, credentials);

        public void ActualRefused(string path, StringValues? origin, string method = "GET", int status = 200, bool credentials = false) =>
            Add(Decision.ActualWithoutCors, method, path, origin is { } o ? [("Origin", o)] : [], status: status, credentials: credentials);

        public void CorsDisabled(string method, string path, StringValues? origin) =>
            Add(Decision.CorsDisabled, method, path, origin is { } o ? [("Origin", o)] : []);

        /// <summary>A foreign origin: its preflight is refused and its actual request gets no CORS headers.</summary>
        public void Foreign(string path, StringValues origin, StringValues? method = null, bool credentials = false)
        {
            PreflightRefused(path, origin, method);
            ActualRefused(path, origin, credentials: credentials);
        }

        private static List<(string, StringValues)> Preflight(string path, StringValues origin, StringValues? method, StringValues? acrh)
        {
            var headers = new List<(string, StringValues)>
            {
                ("Origin", origin),
                ("Access-Control-Request-Method", method ?? DefaultPreflightMethod(path)),
            };
            if (acrh is { } h)
            {
                headers.Add(("Access-Control-Request-Headers", h));
            }

            return headers;
        }

        private void Add(Decision expected, string method, string path, List<(string, StringValues)> headers, string? allowOrigin = null, int status = 200, bool credentials = false) =>
            _vectors.Add(new AttackVector(Class, expected, method, path, headers) { AllowOrigin = allowOrigin, Status = status, Credentials = credentials });

        public IReadOnlyDictionary<string, AttackVector> ToDictionary()
        {
            var result = new Dictionary<string, AttackVector>(StringComparer.Ordinal);
            foreach (var group in _vectors.GroupBy(v => v.Class))
            {
                var n = 0;
                foreach (var vector in group)
                {
                    result.Add($"{vector.Class}/{++n:D3} {vector.Describe()}", vector);
                }
            }

            return result;
        }
    }
}
