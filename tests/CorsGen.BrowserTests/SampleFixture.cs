using CorsGen.Sample;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample's two servers on their default ports, in this process, and one Chromium. Shared by the
/// whole "Browser" collection, so the ports are bound once and the tests run one after another.
/// </summary>
public sealed class SampleFixture : IAsyncLifetime
{
    private readonly object _gate = new();
    private readonly List<ApiRequest> _apiRequests = [];
    private SampleServers? _servers;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The page's origin and address.</summary>
    public string WebUrl => Servers.WebUrl;

    /// <summary>The API's base address.</summary>
    public string ApiUrl => Servers.ApiUrl;

    private SampleServers Servers => _servers ?? throw new InvalidOperationException("The sample servers are not running.");

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return; // every test is skipped: start nothing
        }

        // The page's origin must be the one compiled into [AllowOrigins], so the default ports are required.
        try
        {
            _servers = await SampleServers.StartAsync(new SampleOptions
            {
                ApiPort = SampleServers.DefaultApiPort,
                WebPort = SampleServers.DefaultWebPort,
                OnApiRequest = Record,
            });
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"The browser tests need 127.0.0.1:{SampleServers.DefaultWebPort} and 127.0.0.1:{SampleServers.DefaultApiPort} free, "
                + $"because the allowed origin {InfoEndpoints.AllowedOrigin} is compiled into InfoEndpoints. {ex.Message}",
                ex);
        }

        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync(_playwright, _browser);
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    /// <summary>A page in a new browser context: its own cookies and its own preflight cache.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException("Chromium is not running.");
        var context = await browser.NewContextAsync();
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>How many API requests have been seen so far; pass it to <see cref="ApiRequestsSince"/>.</summary>
    public int ApiRequestMark()
    {
        lock (_gate)
        {
            return _apiRequests.Count;
        }
    }

    /// <summary>The API requests seen since <paramref name="mark"/>, in the order their responses started.</summary>
    public IReadOnlyList<ApiRequest> ApiRequestsSince(int mark)
    {
        lock (_gate)
        {
            return _apiRequests[mark..];
        }
    }

    private void Record(ApiRequest request)
    {
        lock (_gate)
        {
            _apiRequests.Add(request);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SampleFixture>
{
    public const string Name = "Browser";
}
