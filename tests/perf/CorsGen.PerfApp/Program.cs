// The same API three times, for tests/perf/e2e.sh: `--mode corsgen` maps it with CorsGen, `--mode aspnet`
// with ASP.NET Core's CORS middleware and the equivalent policy, `--mode floor` with no CORS at all (the
// same GET and POST routes, and an OPTIONS route that answers 204 with no headers, as CorsGen maps one
// per pattern). Bound to 127.0.0.1 only. Built with -p:PerfMode=corsgen or aspnet, the binary holds one
// of the first two (tests/perf/aot.sh compares Native AOT builds).
#if PERF_ASPNET_ONLY
const string mode = "aspnet";
#elif PERF_CORSGEN_ONLY
const string mode = "corsgen";
#else
var mode = args.SkipWhile(a => a != "--mode").Skip(1).FirstOrDefault() ?? "corsgen";
#endif
var port = int.Parse(args.SkipWhile(a => a != "--port").Skip(1).FirstOrDefault() ?? "5101", System.Globalization.CultureInfo.InvariantCulture);

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
#if !PERF_CORSGEN_ONLY
if (mode == "aspnet")
{
    builder.Services.AddCors(options => options.AddPolicy("info", policy => policy
        .WithOrigins(Api.Origin)
        .WithMethods("GET", "POST")
        .WithHeaders("Accept", "Accept-Language", "Content-Language", "Content-Type")));
}
#endif

var app = builder.Build();
#if !PERF_CORSGEN_ONLY
if (mode == "aspnet")
{
    app.UseCors();
    app.MapGet("/info", (HttpContext context) => Api.Get(context)).RequireCors("info");
    app.MapPost("/info", (HttpContext context) => Api.Post(context)).RequireCors("info");
}
#endif
#if !PERF_CORSGEN_ONLY && !PERF_ASPNET_ONLY
if (mode == "floor")
{
    app.MapGet("/info", (HttpContext context) => Api.Get(context));
    app.MapPost("/info", (HttpContext context) => Api.Post(context));
    app.MapMethods("/info", ["OPTIONS"], (HttpContext context) =>
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    });
}
#endif
#if !PERF_ASPNET_ONLY
if (mode == "corsgen")
{
    app.MapPerfEndpoints();
}
#endif

Console.WriteLine($"{mode} listening on http://127.0.0.1:{port}");
app.Run();

/// <summary>The API's responses, shared by both modes.</summary>
public static class Api
{
    public const string Origin = "http://127.0.0.1:9000";

    public static Task Get(HttpContext context) => context.Response.WriteAsync("{\"name\":\"Michael Caine\"}");

    public static Task Post(HttpContext context) => Task.CompletedTask;
}
