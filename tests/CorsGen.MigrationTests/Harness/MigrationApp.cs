using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CorsGen.MigrationTests.Harness;

/// <summary>State an app keeps between requests (a store), put back before every case so both versions start equal.</summary>
public interface IAppState
{
    void Reset();
}

/// <summary>
/// An app in its two versions. Each version is the app's <c>Program</c>: it gets a builder (Kestrel on
/// 127.0.0.1, the app's configuration), adds its services, builds the app and sets up its pipeline.
/// </summary>
public sealed record MigrationApp(
    string Name,
    Func<WebApplicationBuilder, WebApplication> AspNetCore,
    Func<WebApplicationBuilder, WebApplication> CorsGen)
{
    /// <summary>The app's configuration (appsettings), the same for both versions.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    public override string ToString() => Name;
}

/// <summary>One version of an app, running on Kestrel on a free 127.0.0.1 port.</summary>
public sealed class RunningApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningApp(string version, WebApplication app, ExchangeRecorder recorder)
    {
        Version = version;
        _app = app;
        Recorder = recorder;
        Url = app.Urls.First().TrimEnd('/');
    }

    public string Version { get; }

    public string Url { get; }

    public ExchangeRecorder Recorder { get; }

    public static async Task<RunningApp> StartAsync(string version, Func<WebApplicationBuilder, WebApplication> program, IReadOnlyDictionary<string, string?> configuration)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var recorder = new ExchangeRecorder();
        builder.Services.AddSingleton<IStartupFilter>(recorder);
        var app = program(builder);
        await app.StartAsync();
        return new RunningApp(version, app, recorder);
    }

    public void Reset()
    {
        foreach (var state in _app.Services.GetServices<IAppState>())
        {
            state.Reset();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
