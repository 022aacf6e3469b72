using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CorsGen.BrowserTests;

/// <summary>The page server of a Chromium suite: the origin its scripts run on, compiled into its CORS attributes, so its port is fixed.</summary>
internal static class PageServer
{
    /// <summary>
    /// Serves <paramref name="html"/> at <c>/</c> (and what <paramref name="map"/> adds) on 127.0.0.1:<paramref name="port"/>,
    /// reached as both the allowed origin (127.0.0.1) and the foreign one (localhost).
    /// </summary>
    /// <exception cref="InvalidOperationException">The port is taken; the message names the suite and the port.</exception>
    public static async Task<WebApplication> StartAsync(int port, string html, string suite, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var page = builder.Build();
        page.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        map?.Invoke(page);
        try
        {
            await page.StartAsync();
            return page;
        }
        catch (IOException ex)
        {
            await page.DisposeAsync();
            throw new InvalidOperationException($"{suite} needs 127.0.0.1:{port} free: its page origin http://127.0.0.1:{port} is compiled into its CORS attributes. {ex.Message}", ex);
        }
    }
}
