// CorsGen sample: a C# port of the bareASGI "info" CORS demo.
//
// Two servers run in this one process, both on 127.0.0.1 only:
//   - the REST API (InfoEndpoints.cs) on http://127.0.0.1:9010: GET /info, POST /info (JSON), and
//     /info-nocors, the same routes with [DisableCors];
//   - the web server on http://127.0.0.1:9000, whose page calls the API from that other origin.
// Open the page: the GET on load and the preflighted POST of the form work; the POST to
// /info-nocors is refused by the browser (fetch rejects with a TypeError).
//
// Options: --api-port N (default 9010), --web-port N (default 9000), --api-url URL (the API base the
// page calls, by default the API server's own address), --allowed-origin ORIGIN (repeatable: more
// origins the API allows, through the configuration key Cors:AllowedOrigins), --metrics-interval SECONDS
// (CorsGen's corsgen.requests exported by OpenTelemetry to the console at that interval).
// Run with DOTNET_ENVIRONMENT=Development to see why CorsGen refuses a preflight (the "POST /info with
// X-Api-Key" button): the browser's console names the header, and the API line ends with "Refused: ...".
//
// http://127.0.0.1:9000 is compiled into [AllowOrigins(InfoEndpoints.AllowedOrigin)]. With another
// --web-port, also pass --allowed-origin http://127.0.0.1:<that port>, or the browser refuses the API.

using CorsGen.Sample;

var allowedOrigins = new List<string>();
if (!TryParseArguments(args, out var apiPort, out var webPort, out var apiUrl, out var metricsInterval, allowedOrigins))
{
    return 2;
}

var options = new SampleOptions
{
    ApiPort = apiPort,
    WebPort = webPort,
    ApiUrl = apiUrl,
    AllowedOrigins = allowedOrigins,
    MetricsInterval = metricsInterval,
    OnApiRequest = request => Console.WriteLine(ApiRequest.OutputPrefix + request),
};

SampleServers servers;
try
{
    servers = await SampleServers.StartAsync(options);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

await using (servers)
{
    Console.WriteLine($"REST API:  {servers.ApiUrl}  (allows {string.Join(", ", allowedOrigins.Prepend(InfoEndpoints.AllowedOrigin))})");
    Console.WriteLine($"Web page:  {servers.WebUrl}/");
    if (servers.WebUrl != InfoEndpoints.AllowedOrigin && !allowedOrigins.Contains(servers.WebUrl))
    {
        Console.WriteLine($"Note: the page's origin {servers.WebUrl} is not the allowed origin, so the browser will refuse every API call.");
    }

    Console.WriteLine(SampleServers.ReadyLine);
    await servers.WaitForShutdownAsync();
}

return 0;

// Accepts --name value and --name=value; reports anything else on stderr.
static bool TryParseArguments(string[] args, out int apiPort, out int webPort, out string? apiUrl, out TimeSpan? metricsInterval, List<string> allowedOrigins)
{
    apiPort = SampleServers.DefaultApiPort;
    webPort = SampleServers.DefaultWebPort;
    apiUrl = null;
    metricsInterval = null;

    for (var i = 0; i < args.Length; i++)
    {
        var name = args[i];
        string? value;
        var equals = name.IndexOf('=');
        if (equals > 0)
        {
            value = name[(equals + 1)..];
            name = name[..equals];
        }
        else
        {
            value = i + 1 < args.Length ? args[++i] : null;
        }

        switch (name)
        {
            case "--api-port":
                if (!TryParsePort(name, value, out apiPort))
                {
                    return false;
                }

                break;
            case "--web-port":
                if (!TryParsePort(name, value, out webPort))
                {
                    return false;
                }

                break;
            case "--api-url":
                if (!Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    Console.Error.WriteLine($"--api-url needs an absolute URL such as http://127.0.0.1:9010, not \"{value}\".");
                    return false;
                }

                apiUrl = value;
                break;
            case "--allowed-origin":
                if (string.IsNullOrEmpty(value))
                {
                    Console.Error.WriteLine("--allowed-origin needs a serialized origin such as http://127.0.0.1:9001.");
                    return false;
                }

                allowedOrigins.Add(value); // checked by CorsGen at start-up, with the same rules as [AllowOrigins]
                break;
            case "--metrics-interval":
                if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > 3600)
                {
                    Console.Error.WriteLine($"--metrics-interval needs a number of seconds from 1 to 3600, not \"{value}\".");
                    return false;
                }

                metricsInterval = TimeSpan.FromSeconds(seconds);
                break;
            default:
                Console.Error.WriteLine($"Unknown option \"{name}\". Options: --api-port N, --web-port N, --api-url URL, --allowed-origin ORIGIN, --metrics-interval SECONDS.");
                return false;
        }
    }

    return true;
}

static bool TryParsePort(string name, string? text, out int port)
{
    if (int.TryParse(text, out port) && port is >= 0 and <= 65535)
    {
        return true;
    }

    Console.Error.WriteLine($"{name} needs a port number from 0 to 65535, not \"{text}\".");
    return false;
}
