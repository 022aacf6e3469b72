using System.Net;
using System.Net.Http.Json;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>
/// Consumers/Controllers, an MVC controllers app that installs the package: the generator in the package's
/// analyzers folder writes MapCorsGenControllers(), and the running app answers a controller's preflight and
/// its JSON POST, the [ApiController] 400 included, with the CORS headers.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ControllerConsumerTests(PackageFixture package)
{
    private const string AllowedOrigin = "http://127.0.0.1:9000";

    [Fact]
    public async Task Controllers_consumer_builds_without_warnings_and_answers_with_cors_headers()
    {
        var build = await package.BuildConsumerAsync("Controllers", "Controllers");
        Assert.True(build.Result.ExitCode == 0, "The controllers consumer does not build.\n" + build.Result.Describe());
        Assert.Matches(@"(?m)^\s*0 Warning\(s\)", build.Result.Output);

        await using var app = await RunningApp.StartAsync(build.Directory, Path.Combine(build.Directory, "bin", "Release", "net10.0", "Consumer.Controllers.dll"));
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/Orders");
        preflight.Headers.Add("Origin", AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "content-type");
        using (var response = await client.SendAsync(preflight))
        {
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"Preflight: {(int)response.StatusCode}\n{response.Headers}\n{app.Output}");
            Assert.Equal([AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
            Assert.Equal(["true"], response.Headers.GetValues("Access-Control-Allow-Credentials"));
        }

        foreach (var (body, status) in new[] { ((object)new { item = "apple" }, HttpStatusCode.Created), (new { }, HttpStatusCode.BadRequest) })
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/api/Orders") { Content = JsonContent.Create(body) };
            post.Headers.Add("Origin", AllowedOrigin);
            using var response = await client.SendAsync(post);
            Assert.True(response.StatusCode == status, $"POST: {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}\n{app.Output}");
            Assert.Equal([AllowedOrigin], response.Headers.GetValues("Access-Control-Allow-Origin"));
        }
    }
}
