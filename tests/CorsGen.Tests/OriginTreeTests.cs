using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// The generated origin matcher switches on the characters that tell equal-length origins apart, then
/// compares the whole origin ordinally: every listed origin passes, and a near miss at any position
/// (including one the switch never looks at) is refused.
/// </summary>
public sealed class OriginTreeTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("https://a1.example.com")]
    [InlineData("https://a2.example.com")]
    [InlineData("https://b1.example.com")]
    [InlineData("https://b2.example.com")]
    [InlineData("https://a1.example.net")]
    [InlineData("http://a1.example.com")]
    [InlineData("https://a1.example.com:8443")]
    [InlineData("https://a1.example.com:8444")]
    [InlineData("https://c9.example.org")]
    [InlineData("https://xn--bcher-kva.example")]
    [InlineData("https://app.example.com")]
    public async Task Every_listed_origin_passes(string origin)
    {
        var reply = await _app.PreflightAsync("/origins/tree", origin, "POST");

        Allowed(reply, origin);
    }

    [Theory]
    [InlineData("https://a3.example.com")]      // the switched character, unlisted
    [InlineData("https://c1.example.com")]
    [InlineData("https://a1.exbmple.com")]      // a character no switch looks at
    [InlineData("https://a1.example.con")]
    [InlineData("https://A1.example.com")]      // origins compare byte for byte
    [InlineData("HTTPS://a1.example.com")]
    [InlineData("https://a1.example.com:8445")]
    [InlineData("https://a1.example.co")]       // shorter
    [InlineData("https://a1.example.comm")]     // longer
    [InlineData("https://a1.example.com/")]
    [InlineData("https://a\u0131.example.com")]
    [InlineData("https://c9.example.orG")]
    [InlineData("http://a2.example.com")]
    public async Task Near_misses_are_refused(string origin)
    {
        var reply = await _app.PreflightAsync("/origins/tree", origin, "POST");

        Refused(reply);
    }
}
