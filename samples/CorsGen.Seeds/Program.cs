// CorsGen seeds sample: the scenarios of the seed articles rewritten with CorsGen, one file per article
// (Seed001PerRouteCors.cs ... Seed004WhitelistMaxAge.cs), all served by one application on
// 127.0.0.1 only. No UseCors() and no CORS middleware: the routes, their OPTIONS preflight routes and
// the CORS headers are generated at compile time.
//
//   dotnet run --project samples/CorsGen.Seeds -c Release -- --port 3000
//
// Then, for example:
//   curl -i -X OPTIONS http://127.0.0.1:3000/api/items \
//        -H 'Origin: https://a.com' -H 'Access-Control-Request-Method: POST'
//
// Other arguments go to ASP.NET Core's configuration, so an entry of seed 004's origin list in
// appsettings.json can be replaced with --Cors:AllowedOrigins:0=https://www.example.com (a plain
// --Cors:AllowedOrigins="..." string is ignored while appsettings.json holds the array).

using System.Net;
using CorsGen.Seeds;

if (!TryReadPort(args, out var port, out var rest))
{
    return 2;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = rest,
    // appsettings.json is copied next to the binary, so it is found from any working directory.
    ContentRootPath = AppContext.BaseDirectory,
});
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

var app = builder.Build();

app.MapPerRouteCorsEndpoints();       // seed 001: attribute routes, CORS on some of them
app.MapProductsHandMapped();          // seed 001: a hand-mapped route with the same whitelist
app.MapHelloWorldEndpoints();         // seed 002: credentials for one explicit origin
app.MapWildcardPreflightEndpoints();  // seed 003: "*" origin and headers, no credentials
app.MapWhitelistMaxAgeEndpoints();    // seed 004: whitelist from code and configuration, Max-Age

app.Run();
return 0;

// --port N or --port=N (default 3000, the port of the Express seeds); everything else is passed on.
static bool TryReadPort(string[] args, out int port, out string[] rest)
{
    port = 3000;
    var others = new List<string>();
    for (var i = 0; i < args.Length; i++)
    {
        string? value;
        if (args[i] == "--port")
        {
            value = i + 1 < args.Length ? args[++i] : null;
        }
        else if (args[i].StartsWith("--port=", StringComparison.Ordinal))
        {
            value = args[i]["--port=".Length..];
        }
        else
        {
            others.Add(args[i]);
            continue;
        }

        if (!int.TryParse(value, out port) || port is < 1 or > 65535)
        {
            Console.Error.WriteLine($"--port needs a port number from 1 to 65535, not \"{value}\".");
            rest = [];
            return false;
        }
    }

    rest = [.. others];
    return true;
}
