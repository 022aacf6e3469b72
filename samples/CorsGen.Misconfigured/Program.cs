// Every ASP.NET Core CORS mistake CorsGen's analyzers know, one each. Do not copy any of this.
// CORSGEN017 (a global UseCors() policy next to CorsGen endpoints) is in GlobalPolicy/, because a
// UseCors() call in this project would also answer CORSGEN015 below.

using CorsGen.Misconfigured;

var builder = WebApplication.CreateBuilder(args);
// CORSGEN043 on each of these: none can become a CorsGen policy as it stands (errors first; no UseCors() runs).
builder.Services.AddCors(options =>
{
    // CORSGEN012: AllowAnyOrigin() with AllowCredentials(); ASP.NET Core throws when the policy is built.
    options.AddPolicy("any-with-cookies", policy => policy.AllowAnyOrigin().AllowCredentials());

    // CORSGEN013: an always-true predicate with credentials reflects every origin.
    options.AddPolicy("reflect-everything", policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials());

    // CORSGEN014: a trailing slash; a browser's Origin never has one, so this never matches.
    options.AddPolicy("trailing-slash", policy => policy.WithOrigins("https://app.example.com/"));

    // CORSGEN035: a prefix test with credentials: https://localhost.evil.example passes it.
    options.AddPolicy("prefix", policy => policy.SetIsOriginAllowed(origin => origin.StartsWith("https://localhost")).AllowCredentials());

    // CORSGEN036: every site anyone publishes on vercel.app, with credentials.
    options.AddPolicy("previews", policy => policy.WithOrigins("https://*.vercel.app").SetIsOriginAllowedToAllowWildcardSubdomains().AllowCredentials());

    // CORSGEN040: credentials, and no origin at all: every cross-origin request is refused.
    options.AddPolicy("no-origin", policy => policy.AllowAnyHeader().AllowCredentials());
});

var app = builder.Build();

// CORSGEN015: CORS metadata, and nothing in this project calls app.UseCors(): every request is a 500.
app.MapGet("/legacy", () => "legacy").RequireCors("trailing-slash");

// CORSGEN016: the request's Origin copied into Access-Control-Allow-Origin with credentials.
app.Use(async (context, next) =>
{
    var origin = context.Request.Headers.Origin;
    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
    await next(context);
});

// CORSGEN041: '*' with credentials, which browsers reject.
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = "*";
    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
    await next(context);
});

// CORSGEN001: a hand-mapped POST to a handler with CorsGen attributes: no preflight route.
app.MapPost("/orders", OrderHandlers.Create);

app.Run();
