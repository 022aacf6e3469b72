using System.Diagnostics;
using CorsGen.Sample;
using Microsoft.Playwright;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample's two servers on their default ports and one Chromium. Shared by the whole "Browser"
/// collection, so the ports are bound once and the tests run one after another. The servers run in
/// this process, or, with <see cref="ExecutableVariable"/> set, as that published binary (CI runs the
/// Native AOT publish this way), whose console output gives the API requests.
/// </summary>
public sealed class SampleFixture : IAsyncLifetime
{
    /// <summary>A published sample executable to test instead of the in-process servers.</summary>
    public const string ExecutableVariable = "CORSGEN_SAMPLE_EXECUTABLE";

    private const string SyncPath = "/sample-fixture-sync";

    private readonly object _gate = new();
    private readonly List<ApiRequest> _apiRequests = [];
    private SampleServers? _servers;
    private Process? _process;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The page's origin and address.</summary>
    public string WebUrl => _process is null ? Servers.WebUrl : $"http://127.0.0.1:{SampleServers.DefaultWebPort}";

    /// <summary>The API's base address.</summary>
    public string ApiUrl => _process is null ? Servers.ApiUrl : $"http://127.0.0.1:{SampleServers.DefaultApiPort}";

    private SampleServers Servers => _servers ?? throw new InvalidOperationException("The sample servers are not running.");

    public async Task InitializeAsync()
    {
        if (!Browser.ShouldStart())
        {
            return; // every test is skipped: start nothing
        }

        // The page's origin must be the one compiled into [AllowOrigins], so the default ports are required.
        if (Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable)
        {
            await StartExecutableAsync(executable);
        }
        else
        {
            await StartInProcessAsync();
        }

        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    private async Task StartInProcessAsync()
    {
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
    }

    private async Task StartExecutableAsync(string executable)
    {
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{ExecutableVariable}={executable}, which does not exist (dotnet publish samples/CorsGen.Sample -c Release -r linux-x64 -p:PublishAot=true).");
        }

        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        _process = new Process
        {
            StartInfo = new ProcessStartInfo(executable, ["--api-port", SampleServers.DefaultApiPort.ToString(), "--web-port", SampleServers.DefaultWebPort.ToString()])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
            EnableRaisingEvents = true,
        };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == SampleServers.ReadyLine)
            {
                ready.TrySetResult();
            }
            else if (line.Data?.StartsWith(ApiRequest.OutputPrefix, StringComparison.Ordinal) == true
                && ApiRequest.Parse(line.Data[ApiRequest.OutputPrefix.Length..]) is { } request)
            {
                Record(request);
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{executable} exited with {_process.ExitCode}: {errors}"));
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync(_playwright, _browser);
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }

        if (_process is not null)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    /// <summary>A page in a new browser context: its own cookies and its own preflight cache.</summary>
    public Task<IPage> NewPageAsync() => Browser.NewPageAsync(_browser);

    /// <summary>How many API requests have been seen so far; pass it to <see cref="ApiRequestsSinceAsync"/>.</summary>
    public int ApiRequestMark()
    {
        lock (_gate)
        {
            return _apiRequests.Count;
        }
    }

    /// <summary>The API requests seen since <paramref name="mark"/>, in the order their responses started.</summary>
    public async Task<IReadOnlyList<ApiRequest>> ApiRequestsSinceAsync(int mark)
    {
        if (_process is not null)
        {
            // The binary reports requests on its output, read asynchronously: one more request of our own, once
            // its line has arrived, shows that every earlier line has.
            var syncs = SyncCount();
            using var client = new HttpClient();
            using var _ = await client.GetAsync(ApiUrl + SyncPath);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (SyncCount() == syncs && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }

        lock (_gate)
        {
            return _apiRequests[mark..].Where(r => r.Path != SyncPath).ToList();
        }
    }

    /// <summary>The name the API holds, read from the API itself (the servers may run in another process).</summary>
    public async Task<string?> ServerNameAsync()
    {
        using var client = new HttpClient();
        var info = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Info>(client, ApiUrl + "/info");
        return info?.Name;
    }

    private int SyncCount()
    {
        lock (_gate)
        {
            return _apiRequests.Count(r => r.Path == SyncPath);
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
