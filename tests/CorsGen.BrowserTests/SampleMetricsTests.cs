using System.Diagnostics;
using System.Text.RegularExpressions;
using CorsGen.Sample;

namespace CorsGen.BrowserTests;

/// <summary>
/// The sample run as a user runs it (<c>dotnet CorsGen.Sample.dll</c>), in Development with
/// <c>--metrics-interval 1</c>: a preflight asking for a header the API does not allow is printed with
/// CorsGen's reason, and OpenTelemetry's console exporter prints the refusal in <c>corsgen.requests</c>.
/// </summary>
public sealed class SampleMetricsTests
{
    [Fact]
    public async Task The_sample_prints_the_refusal_reason_and_exports_corsgen_requests()
    {
        var output = new System.Text.StringBuilder();
        var apiUrl = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var exported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CorsGen.Sample.dll"), "--api-port", "0", "--web-port", "0", "--metrics-interval", "1"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["DOTNET_ENVIRONMENT"] = "Development" },
            },
        };
        process.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (line.Data is { } text && Regex.Match(text, @"^REST API:\s+(http://127\.0\.0\.1:\d+)") is { Success: true } match)
            {
                apiUrl.TrySetResult(match.Groups[1].Value);
            }

            if (line.Data?.Contains("corsgen.refusal.reason: headers", StringComparison.Ordinal) == true)
            {
                exported.TrySetResult();
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var api = await apiUrl.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var client = new HttpClient();
            using var preflight = new HttpRequestMessage(HttpMethod.Options, api + "/info");
            preflight.Headers.Add("Origin", InfoEndpoints.AllowedOrigin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key");
            using var response = await client.SendAsync(preflight);

            await exported.Task.WaitAsync(TimeSpan.FromSeconds(30));
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            Assert.Contains(ApiRequest.OutputPrefix + "OPTIONS /info  Origin: http://127.0.0.1:9000  Access-Control-Request-Method: POST  Refused: header \"x-api-key\" is not allowed by policy InfoEndpoints  -> 204", text);
            Assert.Contains("Metric Name: corsgen.requests", text);
            Assert.Matches(@"corsgen\.policy: InfoEndpoints corsgen\.refusal\.reason: headers corsgen\.request\.kind: preflight corsgen\.result: refused http\.route: /info", text);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
