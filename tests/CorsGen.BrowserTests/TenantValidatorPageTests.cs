using System.Text.RegularExpressions;
using CorsGen.TenantSample;
using Microsoft.AspNetCore.Builder;
using static Microsoft.Playwright.Assertions;

namespace CorsGen.BrowserTests;

/// <summary>
/// The tenant sample in Chromium: the API's origins are the tenants' origins in a real SQLite file, asked through
/// an asynchronous scoped origin validator. A page on a stored tenant origin reads the API and posts JSON (a
/// preflighted request); a page on another origin is refused; removing the tenant refuses its page at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TenantValidatorPageTests(SampleFixture fixture) : IAsyncLifetime
{
    private static readonly Regex Settled = new("^(ok|error)$");
    private readonly TenantDatabase _database = new(Path.Combine(Path.GetTempPath(), $"corsgen-tenant-page-{Guid.NewGuid():N}.db"));
    private WebApplication? _api;
    private WebApplication? _tenantPage;
    private WebApplication? _strangerPage;

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return;
        }

        _api = await TenantServers.StartApiAsync(_database);
        var apiUrl = TenantServers.Address(_api);
        _tenantPage = await TenantServers.StartPageAsync(apiUrl);
        _strangerPage = await TenantServers.StartPageAsync(apiUrl);
        _database.AddTenant("acme", TenantServers.Address(_tenantPage));
    }

    public async Task DisposeAsync()
    {
        foreach (var app in new[] { _api, _tenantPage, _strangerPage })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }

        File.Delete(_database.Path);
    }

    [ChromiumFact]
    public async Task A_page_on_a_tenant_origin_stored_in_SQLite_reads_the_api_and_posts_json()
    {
        var status = await OpenAsync(_tenantPage!);

        Assert.Equal("ok", await status.GetAttributeAsync("data-result"));
        await Expect(status).ToHaveTextAsync("acme hello");
    }

    [ChromiumFact]
    public async Task A_page_on_an_origin_no_tenant_has_is_refused()
    {
        var status = await OpenAsync(_strangerPage!);

        Assert.Equal("error", await status.GetAttributeAsync("data-result"));
        await Expect(status).ToContainTextAsync("TypeError");
    }

    [ChromiumFact]
    public async Task Removing_the_tenant_refuses_its_page_from_the_next_request()
    {
        _database.RemoveTenant(TenantServers.Address(_tenantPage!));

        var status = await OpenAsync(_tenantPage!);

        Assert.Equal("error", await status.GetAttributeAsync("data-result"));
    }

    private async Task<Microsoft.Playwright.ILocator> OpenAsync(WebApplication pageServer)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(TenantServers.Address(pageServer) + "/");
        var status = page.Locator("#status");
        await Expect(status).ToHaveAttributeAsync("data-result", Settled, new() { Timeout = 15_000 });
        return status;
    }
}
