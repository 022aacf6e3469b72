using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Attack-style origins (cors-facts.md section 4) against behaviour.md's "Origins are compared
/// ordinally, byte for byte" and the subdomain-pattern rules of AllowOriginsAttribute.
/// Each vector is tried as a preflight (must be refused) and as an actual request (no CORS headers).
/// </summary>
public sealed class OriginAttackTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    private static readonly string Label63 = new('a', 63);
    private static readonly string Label64 = new('a', 64);

    /// <summary>Vectors against [AllowOrigins("https://app.example.com")].</summary>
    public static TheoryData<string> SingleOriginAttacks =>
    [
        // prefix / suffix tricks
        "https://app.example.com.evil.net",
        "https://app.example.com.",
        "https://app.example.comevil.net",
        "https://app.example.co",
        "https://app.example.c",
        "https://app.example.comm",
        "https://xapp.example.com",
        "https://evil-app.example.com",
        "https://sub.app.example.com",
        "https://app.example",
        // unescaped-dot style
        "https://app-example.com",
        "https://appxexample.com",
        "https://app.examplexcom",
        // scheme and port
        "http://app.example.com",
        "wss://app.example.com",
        "https://app.example.com:443",
        "https://app.example.com:8443",
        "https://app.example.com:",
        // case
        "https://APP.EXAMPLE.COM",
        "https://App.example.com",
        "HTTPS://app.example.com",
        "Https://app.example.com",
        // path, slash, query, fragment
        "https://app.example.com/",
        "https://app.example.com/path",
        "https://app.example.com?x",
        "https://app.example.com#x",
        "https://app.example.com//",
        // userinfo
        "https://user@app.example.com",
        "https://user:pw@app.example.com",
        "https://app.example.com@evil.net",
        "https://app.example.com:@evil.net",
        // special characters before an attacker suffix
        "https://app.example.com_.evil.net",
        "https://app.example.com`.evil.net",
        "https://app.example.com}.evil.net",
        "https://app.example.com%60.evil.net",
        "https://app.example.com&.evil.net",
        "https://app.example.com'.evil.net",
        "https://app.example.com!.evil.net",
        "https://app.example.com=.evil.net",
        // whitespace and control characters
        " https://app.example.com",
        "https://app.example.com ",
        "https://app.example.com\t",
        "\thttps://app.example.com",
        "https://app.example.com\r\n",
        "https://app.example.com\0",
        // look-alikes
        "https://\u0430pp.example.com", // Cyrillic a
        "https://xn--pp-8ka.example.com",
        "https://app.example.com\u200b",
        // lists and literals
        "https://app.example.com, https://evil.net",
        "https://evil.net, https://app.example.com",
        "https://app.example.com,https://app.example.com",
        "null",
        "*",
        "https://*.example.com",
        "app.example.com",
        "//app.example.com",
        // overlong
        "https://app.example.com" + new string('a', 8000),
        new string('a', 8000) + "https://app.example.com",
    ];

    /// <summary>Vectors against [AllowOrigins("https://*.example.com", "http://*.dev.test:8080")].</summary>
    public static TheoryData<string> SubdomainAttacks =>
    [
        // the apex is never matched
        "https://example.com",
        "http://dev.test:8080",
        // empty labels
        "https://.example.com",
        "https://a..example.com",
        "https://..example.com",
        "https://a.b..example.com",
        "https://.a.example.com",
        "https://a.example..com",
        // suffix and prefix tricks
        "https://evilexample.com",
        "https://a.evilexample.com",
        "https://a-example.com",
        "https://aexample.com",
        "https://app.example.com.evil.net",
        "https://example.com.evil.net",
        "https://a.example.com.",
        "https://a.example.comm",
        "https://a.example.co",
        "https://a.example",
        "https://a.examplexcom",
        // scheme and port
        "http://app.example.com",
        "wss://app.example.com",
        "https://app.example.com:443",
        "https://app.example.com:8443",
        "https://a.dev.test:8080",
        "http://a.dev.test",
        "http://a.dev.test:80",
        "http://a.dev.test:8081",
        "http://a.dev.test:80800",
        "http://a.dev.test:808",
        "http://a.dev.test:8080/",
        "http://a.dev.test:8080.evil.net",
        "http://a.dev.test.evil.net:8080",
        // case
        "https://APP.example.com",
        "https://app.EXAMPLE.com",
        "https://app.example.COM",
        "HTTPS://app.example.com",
        // path, slash, userinfo
        "https://app.example.com/",
        "https://app.example.com/x",
        "https://user@app.example.com",
        "https://evil.net@app.example.com",
        "https://evil.net#.example.com",
        "https://evil.net/.example.com",
        "https://evil.net?.example.com",
        "https://evil.net\\.example.com",
        "https://app.example.com@evil.net",
        // characters that are not LDH
        "https://app_x.example.com",
        "https://a`b.example.com",
        "https://a}.example.com",
        "https://a{.example.com",
        "https://a b.example.com",
        "https://a%2e.example.com",
        "https://a:b.example.com",
        "https://a*.example.com",
        "https://*.example.com",
        "https://-app.example.com",
        "https://app-.example.com",
        "https://a.-b.example.com",
        "https://\u0430pp.example.com",
        "https://app\u200b.example.com",
        // label and host length
        "https://" + Label64 + ".example.com",
        "https://" + string.Join('.', Enumerable.Repeat(Label63, 4)) + ".example.com",
        // whitespace
        " https://app.example.com",
        "https://app.example.com ",
        "https://app.example.com\r\n",
        // lists and literals
        "https://a.example.com, https://b.example.com",
        "null",
        "*",
    ];

    public static TheoryData<string> SubdomainMatches =>
    [
        "https://app.example.com",
        "https://a.b.example.com",
        "https://a.b.c.d.example.com",
        "https://x-1.example.com",
        "https://1.example.com",
        "https://a--b.example.com",
        "https://xn--80ak6aa92e.example.com",
        "https://" + Label63 + ".example.com",
        "http://a.dev.test:8080",
        "http://x.y.dev.test:8080",
    ];

    [Theory]
    [MemberData(nameof(SingleOriginAttacks))]
    public async Task Single_origin_refuses_preflight(string origin)
    {
        Refused(await _app.PreflightAsync("/single", origin, "POST"));
    }

    [Theory]
    [MemberData(nameof(SingleOriginAttacks))]
    public async Task Single_origin_actual_request_gets_no_cors_headers(string origin)
    {
        var reply = await _app.ActualAsync("GET", "/single", origin);

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [MemberData(nameof(SingleOriginAttacks))]
    public async Task Credentialed_route_refuses_preflight(string origin)
    {
        Refused(await _app.PreflightAsync("/credentials", origin, "POST"));
    }

    [Theory]
    [MemberData(nameof(SubdomainAttacks))]
    public async Task Subdomain_pattern_refuses_preflight(string origin)
    {
        Refused(await _app.PreflightAsync("/subdomain", origin, "POST", "x-api-key"));
    }

    [Theory]
    [MemberData(nameof(SubdomainAttacks))]
    public async Task Subdomain_pattern_actual_request_gets_no_cors_headers(string origin)
    {
        var reply = await _app.ActualAsync("GET", "/subdomain", origin);

        Assert.Equal(200, reply.Status);
        ActualWithoutCors(reply);
    }

    [Theory]
    [MemberData(nameof(SubdomainMatches))]
    public async Task Subdomain_pattern_allows_one_or_more_labels(string origin)
    {
        var reply = await _app.PreflightAsync("/subdomain", origin, "POST", "x-api-key");

        Allowed(reply, origin);
        MethodsEqual(reply, "GET", "POST");

        var actual = await _app.ActualAsync("POST", "/subdomain", origin);
        Single(actual, AllowOrigin, origin);
        VaryOrigin(actual);
    }
}
