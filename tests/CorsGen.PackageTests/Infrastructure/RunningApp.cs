using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace CorsGen.PackageTests.Infrastructure;

/// <summary>
/// A built consumer app started with <c>dotnet app.dll --urls http://127.0.0.1:0</c>: Kestrel binds a free
/// port of the loopback address, and the address is read from its "Now listening on" log line.
/// </summary>
public sealed partial class RunningApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(1);
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningApp(Process process) => _process = process;

    /// <summary>The address Kestrel listens on, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Everything the app has written so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a published app's own executable (a self-contained, trimmed publish) on a free loopback port.</summary>
    public static Task<RunningApp> StartExecutableAsync(string contentRoot, string executable, IReadOnlyDictionary<string, string>? environment = null) =>
        StartAsync(contentRoot, executable, environment, runDirectly: true);

    public static async Task<RunningApp> StartAsync(string contentRoot, string assemblyPath, IReadOnlyDictionary<string, string>? environment = null, bool runDirectly = false)
    {
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            env[name] = value;
        }

        var start = Dotnet.StartInfo(contentRoot, runDirectly ? ["--urls", "http://127.0.0.1:0"] : [assemblyPath, "--urls", "http://127.0.0.1:0"], env);
        if (runDirectly)
        {
            start.FileName = assemblyPath;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new RunningApp(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (app._output)
            {
                app._output.AppendLine(e.Data);
            }

            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.OutputDataReceived += onLine;
        process.ErrorDataReceived += onLine;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The app exited with code {process.ExitCode} before listening."));
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            app.Address = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            await app.DisposeAsync();
            Assert.Fail($"dotnet {assemblyPath} --urls http://127.0.0.1:0 did not start listening: {ex.Message}\n{app.Output}");
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex ListeningLine();
}
