using System.Diagnostics;
using System.Text;

namespace CorsGen.PackageTests.Infrastructure;

/// <summary>The output of one finished <c>dotnet</c> command.</summary>
public sealed record CommandResult(string Command, int ExitCode, string Output)
{
    /// <summary>The last part of the output, for assertion messages.</summary>
    public string Tail => Output.Length <= 12000 ? Output : "...\n" + Output[^12000..];

    /// <summary>A description of the command and its output, for assertion messages.</summary>
    public string Describe() => $"{Command} (exit code {ExitCode}):\n{Tail}";
}

/// <summary>Runs the <c>dotnet</c> CLI as a user would, in a given folder, with the console logger.</summary>
public static class Dotnet
{
    /// <summary>The dotnet executable that runs the tests, else the one on PATH.</summary>
    public static string HostPath { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>
    /// Starts <paramref name="arguments"/> under dotnet in <paramref name="workingDirectory"/>, without the
    /// test host's MSBuild variables (a child build finds its own MSBuild) and with <paramref name="environment"/> added.
    /// </summary>
    public static ProcessStartInfo StartInfo(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(HostPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }
        }

        return start;
    }

    /// <summary>
    /// Runs an MSBuild-based command (<c>build</c>, <c>pack</c>, ...) to completion with the plain console logger
    /// (one diagnostic per line) and no MSBuild nodes left behind.
    /// </summary>
    public static Task<CommandResult> BuildCommandAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, environment, [.. arguments, "-tl:off", "-nodeReuse:false"]);

    /// <summary>Runs a dotnet command to completion and collects its standard output and error.</summary>
    public static async Task<CommandResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = StartInfo(workingDirectory, arguments, environment);
        var command = "dotnet " + string.Join(' ', arguments);

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            lock (output)
            {
                Assert.Fail($"{command} in {workingDirectory} did not finish within {timeout}:\n{output}");
            }
        }

        process.WaitForExit(); // flushes the redirected output
        lock (output)
        {
            return new CommandResult($"{command} in {workingDirectory}", process.ExitCode, output.ToString());
        }
    }
}
