namespace CorsGen.Analyzers.Tests.Corpus;

// Hand-written CORS headers: '*' with credentials (CORSGEN041), the request's origin reflected with credentials (CORSGEN016).
internal static partial class RealWorldCorpus
{
    private static readonly CorpusCase[] HandWritten =
    [
        new(
            "webapplication1-constant-origin",
            "abusalah99/WebApplication1 WebApplication1/Middlewares/CorsMiddleware.cs",
            "Correct: one constant origin with credentials.",
            """
            namespace WebApplication1;

            public class CorsMiddleware : IMiddleware
            {
                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    context.Response.Headers.Add("Access-Control-Allow-Origin", "http://localhost:3000");
                    context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
                    context.Response.Headers.Add("Access-Control-Allow-Headers", "Origin, X-Requested-With, Content-Type, Accept, Authorization");
                    context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                    await next(context);
                }
            }
            """),
        new(
            "diskokebab-options-wildcard-credentials",
            "WizardLizard8998/First-API--DiskoKebabAPI- OptionsMiddleware.cs",
            "'*' with credentials, as one-element arrays: browsers reject every credentialed response (CORSGEN041).",
            """
            public class OptionsMiddleware

            {
                private readonly RequestDelegate _next;

                public OptionsMiddleware(RequestDelegate next)
                {
                    _next = next;
                }

                public Task Invoke(HttpContext context)
                {
                    return BeginInvoke(context);
                }

                private Task BeginInvoke(HttpContext context)
                {
                    {|CORSGEN041:context.Response.Headers.Add("Access-Control-Allow-Origin", new[] { "*" })|};
                    context.Response.Headers.Add("Access-Control-Allow-Headers", new[] { "*" });
                    context.Response.Headers.Add("Access-Control-Allow-Methods", new[] { "*" });
                    context.Response.Headers.Add("Access-Control-Allow-Credentials", new[] { "true" });

                    if (context.Request.Method == "OPTIONS")
                    {
                        context.Response.StatusCode = 200;
                        return context.Response.WriteAsync("OK");
                    }

                    return _next.Invoke(context);
                }
            }
            """),
        new(
            "bus-emissions-wildcard-without-credentials",
            "chriswtodd/BusEmissionsVis platform/Server/Middleware/AccessControlAllowOriginHeaderMiddleware.cs",
            "Correct: '*' without credentials, in development only.",
            """
            public class AccessControlAllowOriginHeaderMiddleware : IMiddleware
            {
                private readonly IWebHostEnvironment _env;

                public AccessControlAllowOriginHeaderMiddleware(IWebHostEnvironment env)
                {
                    _env = env;
                }

                public async Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    if (_env.IsDevelopment())
                    {
                        context.Response.Headers.Append("Access-Control-Allow-Headers", "*");
                        context.Response.Headers.Append("Access-Control-Allow-Origin", "*");
                        context.Response.Headers.Append("Access-Control-Allow-Methods", "*");
                    }

                    await next(context);
                }
            }
            """),
        new(
            "webhook-on-starting-wildcard",
            "thienqb123456/test_git_webhook CustomResponseHeaderMiddleware.cs",
            "Correct: '*' without credentials.",
            """
            namespace ngaoda
            {
                public class CustomResponseHeaderMiddleware
                {

                    private readonly RequestDelegate _next;

                    public CustomResponseHeaderMiddleware(RequestDelegate next)
                    {
                        _next = next;
                    }

                    public async Task InvokeAsync(HttpContext context)
                    {
                        context.Response.OnStarting(() =>
                        {
                            context.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                            return Task.CompletedTask;
                        });

                        await _next(context);
                    }

                }
            }
            """),
        new(
            "ilib-on-starting-wildcard-credentials",
            "search \"context.Response.Headers.Add(\\\"Access-Control-Allow-Origin\\\", \\\"*\\\") Access-Control-Allow-Credentials true middleware C#\" (iLib src/main/rest ResponseHeadersMiddleware)",
            "'*' with credentials in an OnStarting callback (CORSGEN041).",
            """
            namespace iLib.src.main.rest
            {
                public class ResponseHeadersMiddleware(RequestDelegate next)
                {
                    private readonly RequestDelegate _next = next;

                    public async Task Invoke(HttpContext context)
                    {
                        context.Response.OnStarting(() =>
                        {
                            {|CORSGEN041:context.Response.Headers.Append("Access-Control-Allow-Origin", "*")|};
                            context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                            context.Response.Headers.Append("Access-Control-Allow-Methods", "GET, POST, DELETE, PUT");
                            return Task.CompletedTask;
                        });

                        await _next(context);
                    }
                }
            }
            """),
        new(
            "frend-cors-middleware-wildcard-credentials",
            "search \"context.Response.Headers.Add(\\\"Access-Control-Allow-Origin\\\", \\\"*\\\") Access-Control-Allow-Credentials true middleware C#\" (Frend.API Helpers/CorsMiddleware)",
            "'*' with credentials (CORSGEN041); the remaining headers are stubbed.",
            """
            namespace Frend.API.Helpers
            {
                /// <summary>
                /// Cors Middleware
                /// </summary>
                public class CorsMiddleware
                {
                    private readonly RequestDelegate _next;

                    public CorsMiddleware(RequestDelegate next)
                    {
                        _next = next;
                    }

                    public Task Invoke(HttpContext httpContext)
                    {
                        {|CORSGEN041:httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*")|};
                        httpContext.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                        return _next(httpContext);
                    }
                }
            }
            """),
        new(
            "dlcs-always-cors",
            "search \"context.Response.Headers.Add(\\\"Access-Control-Allow-Origin\\\", \\\"*\\\") ...\" (DLCS.Web Middleware/AlwaysCorsMiddleware)",
            "Correct: '*' without credentials.",
            """
            namespace DLCS.Web.Middleware
            {
                /// <summary>
                /// Middleware that adds "Access-Control-Allow-Origin:*" header.
                /// </summary>
                public class AlwaysCorsMiddleware
                {
                    private readonly RequestDelegate next;

                    public AlwaysCorsMiddleware(RequestDelegate next)
                    {
                        this.next = next;
                    }

                    public async Task InvokeAsync(HttpContext httpContext)
                    {
                        httpContext.Response.Headers.Add("Access-Control-Allow-Origin", "*");
                        await next(httpContext);
                    }
                }
            }
            """),
        new(
            "taskapi-options-reflect-credentials",
            "stored file 31275312567 (task API Program.cs; find_string \"Allow-Origin\\\", context.Request.Headers[\\\"Origin\\\"]\")",
            "Every preflight's origin reflected with credentials (CORSGEN016).",
            """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();

                    app.Use(async (context, next) =>
                    {
                        if (context.Request.Method == "OPTIONS")
                        {
                            context.Response.StatusCode = 200;
                            {|CORSGEN016:context.Response.Headers.Add("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|};
                            context.Response.Headers.Add("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
                            context.Response.Headers.Add("Access-Control-Allow-Headers", "Authorization, Content-Type");
                            context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                            await context.Response.CompleteAsync();
                            return;
                        }
                        await next();
                    });

                    app.Run();
                }
            }
            """),
        new(
            "presence-check-is-not-trust",
            "stored file 52590206381 (API Program.cs with email options; find_string \"Allow-Origin\\\", context.Request.Headers[\\\"Origin\\\"]\")",
            "ContainsKey(\"Origin\") checks presence, not trust: every origin reflected with credentials (CORSGEN016).",
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            // Middleware manual para responder OPTIONS con headers de CORS
            app.Use(async (context, next) =>
            {
                if (context.Request.Method == "OPTIONS")
                {
                    context.Response.StatusCode = 200;
                    if (context.Request.Headers.ContainsKey("Origin"))
                        {|CORSGEN016:context.Response.Headers.Add("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|};
                    context.Response.Headers.Add("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS");
                    context.Response.Headers.Add("Access-Control-Allow-Headers", "Content-Type, Authorization");
                    context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                    await context.Response.CompleteAsync();
                    return;
                }
                await next();
            });

            app.Run();
            """),
        new(
            "exception-handler-reflect-credentials",
            "stored file 6590715656 (exception middleware; find_string \"Allow-Origin\\\", context.Request.Headers[\\\"Origin\\\"]\")",
            "The error handler reflects any origin with credentials (CORSGEN016).",
            """
            public static class ExceptionResponses
            {
                public static Task Write(HttpContext context, Exception error, bool isDev)
                {
                    context.Response.ContentType = "application/json;charset=utf-8";
                    {|CORSGEN016:context.Response.Headers.Append("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|};
                    context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");

                    var msg = (isDev ? error.Message : "服务器错误,请稍后再试...");
                    return context.Response.WriteAsync(msg);
                }
            }
            """),
    ];
}
