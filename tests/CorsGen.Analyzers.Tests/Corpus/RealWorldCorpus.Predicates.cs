namespace CorsGen.Analyzers.Tests.Corpus;

// Origin predicates: substring tests (CORSGEN035), shared-hosting suffixes (CORSGEN036), the safe look-alikes.
internal static partial class RealWorldCorpus
{
    private static readonly CorpusCase[] Predicates =
    [
        new(
            "intellishelf-localhost-prefix",
            "stored file 7836549167 (Intellishelf.Api Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Prefix tests with credentials: http://localhost.evil.example passes both (CORSGEN035 twice), even if only in Development.",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddControllers();
            builder.Services.AddProblemDetails();
            builder.Services.AddHealthChecks();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("LocalhostPolicy", policy =>
                {
                    policy
                        .SetIsOriginAllowed(origin => origin.{|CORSGEN035:StartsWith("http://localhost")|} || origin.{|CORSGEN035:StartsWith("https://localhost")|})
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .AllowCredentials();
                });
            });

            var app = builder.Build();

            if (app.Environment.IsDevelopment())
            {
                app.UseCors("LocalhostPolicy");
            }

            app.UsePathBase(new PathString("/api"));
            app.UseExceptionHandler();
            app.UseAuthentication();
            app.UseStatusCodePages();
            app.UseAuthorization();
            app.MapControllers();
            app.MapHealthChecks("/health");
            app.Run();
            """),
        new(
            "vohnisca-gateway-localhost-prefix",
            "stored file 15477118922 (vohnisca_api_gateway Core/Extensions/Cors/CorsPolicies.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "A library's policy: the same two prefix tests with credentials (CORSGEN035 twice); no UseCors in this project, so no name rule.",
            """
            namespace vohnisca_api_gateway.Core.Extensions.Cors;

            public static class CorsPolicies
            {
                public static IServiceCollection AddCorsPolicy(this IServiceCollection services)
                {
                    services.AddCors(opt =>
                    {
                        opt.AddPolicy("CorsPolicy", policy =>
                        {
                            policy.SetIsOriginAllowed(origin => origin.{|CORSGEN035:StartsWith("http://localhost")|} || origin.{|CORSGEN035:StartsWith("https://localhost")|})
                                .AllowAnyHeader()
                                .AllowAnyMethod()
                                .AllowCredentials();
                        });
                    });

                    return services;
                }
            }
            """),
        new(
            "logjammer-extension-prefix-without-credentials",
            "stored file 61960528755 (LogJammer Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Correct: the prefix policy has no credentials, and the credentialed one lists a loopback origin.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("DevCors", policy =>
                    policy.WithOrigins("http://localhost:5173")
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .AllowCredentials());
                options.AddPolicy("ExtensionCors", policy =>
                    policy.SetIsOriginAllowed(origin => origin.StartsWith("chrome-extension://"))
                        .AllowAnyHeader()
                        .AllowAnyMethod());
            });

            var app = builder.Build();
            app.Run();
            """),
        new(
            "rhythians-prefix-without-credentials",
            "stored file 61434025516 (rhythians companion app Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Loose prefix tests, but no credentials: nothing to report.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.UseUrls("http://127.0.0.1:45872");
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(origin => origin.StartsWith("https://rhythians.vercel.app", StringComparison.OrdinalIgnoreCase) || origin.StartsWith("https://rhythians.com", StringComparison.OrdinalIgnoreCase)).AllowAnyHeader().AllowAnyMethod()));
            var app = builder.Build();
            app.UseCors();

            app.MapGet("/status", () => "ok");
            app.Run();
            """),
        new(
            "solidpos-branches-without-credentials",
            "stored file 59697774862 (SolidPos API Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Correct: configured origins or a development-only prefix, no credentials; the path with neither is deliberate (no CORS in production without configuration).",
            """
            var builder = WebApplication.CreateBuilder(args);
            var allowedOrigins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("SolidPosCors", policy =>
                {
                    if (allowedOrigins.Length > 0)
                    {
                        policy.WithOrigins(allowedOrigins)
                            .AllowAnyHeader()
                            .AllowAnyMethod();
                    }
                    else if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing"))
                    {
                        policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase) || origin.StartsWith("https://localhost", StringComparison.OrdinalIgnoreCase))
                            .AllowAnyHeader()
                            .AllowAnyMethod();
                    }
                });
            });

            var app = builder.Build();
            app.UseCors("SolidPosCors");
            app.Run();
            """),
        new(
            "aicontentflow-prefix-without-credentials",
            "stored file 54740625979 (AiContentFlow API Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "A prefix test without credentials: nothing to report.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowFrontend", policy =>
                {
                    policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost"))
                          .AllowAnyHeader()
                          .AllowAnyMethod();
                });
            });

            var app = builder.Build();
            app.UseCors("AllowFrontend");
            app.MapControllers();
            app.Run();
            """),
        new(
            "frontend-loopback-port-prefix",
            "stored file 68446261041 (JWT API Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Correct look-alike: \"http://localhost:\" and \"http://127.0.0.1:\" leave only a port to follow, so only loopback origins pass, with credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();

            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Frontend", policy =>
                {
                    policy
                        .SetIsOriginAllowed(origin => origin.StartsWith("http://localhost:") || origin.StartsWith("http://127.0.0.1:"))
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .AllowCredentials();
                });
            });

            var app = builder.Build();

            app.UseCors("Frontend");
            app.UseAuthentication();
            app.UseAuthorization();

            app.MapControllers();
            app.Run();
            """),
        new(
            "restricted-policy-loopback-ports",
            "stored file 51968103574 (DR API Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Correct: an any-origin policy without credentials and a loopback-port predicate.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll", policy =>
                {
                    policy.AllowAnyOrigin()
                          .AllowAnyMethod()
                          .AllowAnyHeader();
                });
                options.AddPolicy("RestrictedPolicy", policy =>
                {
                    policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost:") || origin.StartsWith("https://localhost:"))
                          .WithMethods("POST", "PUT", "DELETE")
                          .AllowAnyHeader();
                });
            });

            var app = builder.Build();
            app.Run();
            """),
        new(
            "nwo-localhost-and-vercel-previews",
            "stored file 71067300397 (NWO game server Program.cs; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "With credentials: a localhost prefix (CORSGEN035) and every site on vercel.app (CORSGEN036); the configured list is exact.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p
                .SetIsOriginAllowed(origin => origin.{|CORSGEN035:StartsWith("http://localhost")|} || origin.{|CORSGEN036:EndsWith(".vercel.app")|}
                    || (Environment.GetEnvironmentVariable("NWO_ORIGINS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Contains(origin))
                .AllowAnyHeader().AllowAnyMethod().AllowCredentials()));

            var app = builder.Build();
            app.UseCors();
            app.Run();
            """),
        new(
            "template-origins-loopback-port",
            "stored file 31212840648 (API Program.cs with DotEnv; find_string \"SetIsOriginAllowed(origin => origin.StartsWith\")",
            "Correct look-alike: a loopback-port prefix with credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddEnvironmentVariables();

            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
            builder.Services.AddCors(options =>
            {
                options.AddPolicy(MyAllowSpecificOrigins,
                    policy =>
                    {
                        policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost:"))
                            .AllowAnyHeader()
                            .AllowAnyMethod()
                            .AllowCredentials();
                    });
            });

            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseCors(MyAllowSpecificOrigins);
            app.MapControllers();
            app.Run();
            """),
        new(
            "mnist-loopback-host",
            "search \"SetIsOriginAllowed origin StartsWith localhost AllowCredentials AddPolicy\" (MNIST.WebApi Services/Configuration/CorsPolicies/AllowAllLocal.cs)",
            "Correct: an exact host comparison, no credentials.",
            """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            namespace MNIST.WebApi.Services.Configuration.CorsPolicies
            {
                public class AllowAllLocal
                {
                    public static readonly string Name = nameof(AllowAllLocal);

                    public static readonly Action<CorsPolicyBuilder> Action = (builder) =>
                    {
                        builder.SetIsOriginAllowed(origin =>
                        {
                            return new Uri(origin).Host == "localhost";
                        })
                            .AllowAnyMethod()
                            .AllowAnyHeader();
                    };
                }
            }
            """),
        new(
            "expense-tracker-vercel-without-credentials",
            "stored file 63362718836 (expense tracker API Program.cs; find_string \"EndsWith(\\\".vercel.app\\\")\")",
            "Loose Vercel preview check, but no credentials: nothing to report.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHttpContextAccessor();

            // CORS
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Frontend", policy =>
                {
                    policy
                        .SetIsOriginAllowed(origin =>
                            origin == "http://localhost:5173" ||
                            origin.StartsWith("https://expense-tracker-") && origin.EndsWith(".vercel.app"))
                        .AllowAnyHeader()
                        .AllowAnyMethod();
                });
            });

            var app = builder.Build();
            app.UseCors("Frontend");
            app.Run();
            """),
    ];
}
