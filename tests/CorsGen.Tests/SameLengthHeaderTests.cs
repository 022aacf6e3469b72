using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests;

/// <summary>
/// Allowed header names of equal length are told apart by one ASCII-folded character before the
/// exact case-insensitive comparison; every listed name passes and every near-miss is refused.
/// </summary>
public sealed class SameLengthHeaderTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly CorsApp _app = fixture.App;

    [Theory]
    [InlineData("x-tenant-a")]
    [InlineData("X-TENANT-B,x-tenant-c")]
    [InlineData("x-region-1,x-region-2,x-trace-id,x-span-ids")]
    [InlineData("x^caret-01")]
    [InlineData("x-tenant-a,x-tenant-b,x-tenant-c,x-region-1,x-region-2,x-trace-id,x-span-ids,x^caret-01")]
    public async Task Every_listed_name_passes(string acrh)
    {
        var reply = await _app.PreflightAsync("/headers/same-length", TestOrigins.App, "POST", acrh);

        Allowed(reply, TestOrigins.App);
    }

    [Theory]
    [InlineData("x-tenant-d")]   // same length, same bucket position, not listed
    [InlineData("x-region-3")]
    [InlineData("x~caret-01")]   // '~' folds like '^' (0x5E | 0x20 == 0x7E) but is another name
    [InlineData("x-tenant-a,x-tenant-z")]
    [InlineData("x-tenant-")]    // shorter
    [InlineData("x-tenant-aa")]  // longer
    public async Task Near_misses_are_refused(string acrh)
    {
        var reply = await _app.PreflightAsync("/headers/same-length", TestOrigins.App, "POST", acrh);

        Refused(reply);
    }
}
