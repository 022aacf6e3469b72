using CorsGen;

// The same API twice, for tests/perf/e2e.sh: `--mode corsgen` maps it with CorsGen, `--mode aspnet`
// with ASP.NET Core's CORS middleware and the equivalent policy. Bound to 127.0.0.1 only.
var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() ?? "corsgen";
var port = int.Parse(args.SkipWhile(a => a != "--port").Skip(1).FirstOrDefault() ?? "5101", System.Globalization.CultureInfo.InvariantCulture);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
if (mode == "aspnet")
{
    builder.Services.AddCors(options => options.AddPolicy("info", policy => policy
        .WithOrigins(PerfEndpoints.Origin)
        .WithMethods("GET", "POST")
        .WithHeaders("Accept", "Accept-Language", "Content-Language", "Content-Type")));
}

var app = builder.Build();
if (mode == "aspnet")
{
    app.UseCors();
    app.MapGet("/info", PerfEndpoints.Get).RequireCors("info");
    app.MapPost("/info", PerfEndpoints.Post).RequireCors("info");
}
else
{
    app.MapPerfEndpoints();
}

Console.WriteLine($"{mode} listening on http://127.0.0.1:{port}");
app.Run();

[AllowOrigins(PerfEndpoints.Origin)]
public static partial class PerfEndpoints
{
    public const string Origin = "http://127.0.0.1:9000";

    [MapGet("/info")]
    public static Task Get(HttpContext context) => context.Response.WriteAsync("{\"name\":\"Michael Caine\"}");

    [MapPost("/info")]
    public static Task Post(HttpContext context) => Task.CompletedTask;
}
