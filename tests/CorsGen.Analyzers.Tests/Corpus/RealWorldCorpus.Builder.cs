namespace CorsGen.Analyzers.Tests.Corpus;

// AllowAnyOrigin and always-true predicates with credentials, builder order, entries that never match, policies without origins.
internal static partial class RealWorldCorpus
{
    private static readonly CorpusCase[] AnyOriginAndBuilderOrder =
    [
        new(
            "stackoverflow-signalr-allow-all-predicate",
            "shendongnian/code code10/1880934-56172132-0.cs",
            "An always-true predicate with credentials: every site reads authenticated responses (CORSGEN013).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("CorsPolicy",
                            builder => builder
                                .AllowAnyMethod()
                                .AllowCredentials()
                                .{|CORSGEN013:SetIsOriginAllowed((host) => true)|}
                                .AllowAnyHeader());
                    });
                }
            }
            """),
        new(
            "stackoverflow-any-origin-with-credentials",
            "shendongnian/code code8/1518218-55212804-0.cs",
            "AllowAnyOrigin() with AllowCredentials(): ASP.NET Core throws when it builds the policy (CORSGEN012).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("SomePolicy",
                            builder => builder.AllowAnyOrigin()
                                .AllowAnyMethod()
                                .AllowAnyHeader()
                                .{|CORSGEN012:AllowCredentials()|});
                    });
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseCors("SomePolicy");
                }
            }
            """),
        new(
            "odin-allow-all-with-credentials",
            "search \"AllowAnyOrigin AllowCredentials AddCors AddPolicy UseCors Program.cs\" (Odin.Hosting Extensions/CorsPolicies.cs)",
            "An always-true predicate with credentials (CORSGEN013).",
            """
            namespace Odin.Hosting.Extensions;

            public static class CorsPolicies
            {
                public const string AllowAllOriginsWithCredentialsPolicy = "AllowAllOriginsWithCredentials";

                public static IServiceCollection AddCorsPolicies(this IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy(AllowAllOriginsWithCredentialsPolicy, builder =>
                            builder.{|CORSGEN013:SetIsOriginAllowed(_ => true)|}
                                .AllowCredentials()
                                .AllowAnyMethod()
                                .AllowAnyHeader());
                    });

                    return services;
                }
            }
            """),
        new(
            "angular-project-any-origin",
            "Siddartha-New/Angular-Project project1.client/program.cs",
            "Correct: any origin without credentials, applied by name.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
              options.AddPolicy("AllowAllOrigins",
                  policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());
            });
            var app = builder.Build();
            app.UseCors("AllowAllOrigins");
            app.MapControllers();
            app.Run();
            """),
        new(
            "yomikaze-public-and-schemeless-origins",
            "stored file 28283207909 (Yomikaze.Application Helpers/Security/CorsExtensions.cs; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "\"Public\" reflects every origin with credentials (CORSGEN013); \"Yomikaze\" lists origins without a scheme, which never match (CORSGEN014 twice).",
            """
            namespace Yomikaze.Application.Helpers.Security;

            public static class CorsExtensions
            {
                public static IServiceCollection AddPublicCors(this IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Public", cors =>
                        {
                            cors.AllowAnyHeader()
                                .AllowAnyMethod()
                                .AllowCredentials()
                                .{|CORSGEN013:SetIsOriginAllowed(_ => true)|};
                        });
                        options.AddPolicy("Yomikaze", cors =>
                        {
                            cors.WithOrigins({|CORSGEN014:"yomikaze.org"|}, {|CORSGEN014:"*.yomikaze.org"|})
                                .SetIsOriginAllowedToAllowWildcardSubdomains();
                        });
                    });
                    return services;
                }
            }
            """),
        new(
            "wildcard-subdomains-over-nothing",
            "stored file 40065573119 (Startup.cs with UnitOfWork; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "The wildcard-subdomain option over an empty WithOrigins(): the policy allows no origin (CORSGEN040).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.{|CORSGEN040:AddDefaultPolicy(builder =>
                        {
                            builder
                            .AllowAnyMethod()
                            .AllowAnyHeader()
                            .AllowCredentials()
                            .SetIsOriginAllowedToAllowWildcardSubdomains()
                            .WithOrigins()
                            .Build();
                        })|};
                    });
                    services.AddControllers();
                }
            }
            """),
        new(
            "any-origin-then-configured-list",
            "stored file 44681894024 (Startup.cs with urls; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct (issue 17's first false positive): the later WithOrigins appends to [\"*\"], so the policy is not any-origin; Build() does not throw, unlisted origins are refused.",
            """
            public class Startup
            {
                public IConfiguration Configuration { get; } = new ConfigurationBuilder().Build();

                public void ConfigureServices(IServiceCollection services)
                {
                    var urls = Configuration.GetSection("Cors:Urls").Get<List<string>>() ?? new List<string>();
                    services.AddCors(options =>
                    {
                        options.AddPolicy("CorsPolicy",
                                          builder =>
                                          {
                                              builder.AllowAnyOrigin(); // TEST
                                              builder.AllowAnyHeader();
                                              builder.AllowAnyMethod();
                                              builder.AllowCredentials();
                                              builder.WithOrigins(urls.ToArray())
                                                  .SetIsOriginAllowedToAllowWildcardSubdomains()
                                                  .AllowAnyHeader()
                                                  .AllowAnyMethod();
                                              //builder.WithExposedHeaders("WWW-Authenticate"); ;
                                          });
                    });
                }
            }
            """),
        new(
            "ccfinal-default-policy-name",
            "stored file 11893515629 (CCFinal Program.cs; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct: any origin without credentials; DefaultPolicyName makes \"final\" the default; the hand-written '*' has no credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            builder.Services.AddCors(option => {
                option.DefaultPolicyName = "final";
                option.AddPolicy("final", policy => {
                    policy.AllowAnyOrigin()
                        .AllowAnyMethod()
                        .AllowAnyHeader()
                        .SetIsOriginAllowed(host => true)
            //            .SetIsOriginAllowedToAllowWildcardSubdomains()
                        .SetPreflightMaxAge(TimeSpan.FromSeconds(90));
                });
            });

            var app = builder.Build();

            app.UseCors("final");

            app.Use((context, next) => {
                if (string.IsNullOrWhiteSpace(context.Response.Headers.AccessControlAllowOrigin)) {
                    context.Response.Headers.AccessControlAllowOrigin = "*";
                    context.Response.Headers.AccessControlAllowMethods = "*";
                    context.Response.Headers.AccessControlAllowHeaders = "*";
                }

                return next.Invoke();
            });

            app.UseAuthentication();
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """),
        new(
            "fahlen-own-wildcard-subdomains",
            "stored file 71410109 (fahlen.dev API Startup.cs; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct: a wildcard over the site's own domain, with credentials.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    // Cors policy
                    services.AddCors(options => {
                        options.AddPolicy("CorsPolicy",
                        builder => {
                                builder.WithOrigins("https://*.fahlen.dev")
                                        .SetIsOriginAllowedToAllowWildcardSubdomains()
                                        .AllowAnyHeader()
                                        .AllowAnyMethod()
                                        .AllowCredentials();

                            }
                        );
                    });

                }
            }
            """),
        new(
            "loopback-http-wildcard-option",
            "stored file 21489667439 (Startup.cs with ApplicationOptions; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct look-alike: plain-HTTP loopback origins with credentials (development front ends).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("CorsPolicy", policyBuilder => policyBuilder
                                .WithOrigins("http://localhost:4200", "http://localhost:8080", "http://localhost:9000")
                                .SetIsOriginAllowedToAllowWildcardSubdomains()
                                .AllowAnyMethod()
                                .AllowAnyHeader()
                                .AllowCredentials());
                    });
                }
            }
            """),
        new(
            "sample-db-frontend-https-localhost",
            "stored file 35187063179 (SampleDb API Program.cs; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct: one HTTPS loopback origin with credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("FrontEnd",
                    builder =>
                    {
                        builder.WithOrigins("https://localhost:5173")
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .SetIsOriginAllowedToAllowWildcardSubdomains()
                        .AllowCredentials()
                        .SetPreflightMaxAge(TimeSpan.FromSeconds(10000))
                        .WithExposedHeaders("Access-Control-Allow-Origin");
                    }
                    );
            });

            var app = builder.Build();

            app.UseHttpsRedirection();

            app.UseRouting();
            app.UseCors("FrontEnd");
            app.Run();
            """),
        new(
            "configured-origins-inline-policy",
            "stored file 49286837984 (API Program.cs with MigrateDatabase; find_string \"SetIsOriginAllowedToAllowWildcardSubdomains()\")",
            "Correct: origins from configuration (not known at compile time), credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();

            app.UseCors(b => b
                .AllowCredentials()
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithOrigins(builder.Configuration.GetSection("CORS:Origins").Get<string[]>()!)
                .SetIsOriginAllowedToAllowWildcardSubdomains()
                .WithExposedHeaders("Content-Disposition", "Content-Length")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(15)));

            app.UseHttpsRedirection();

            app.MapControllers();

            app.Run();
            """),
        new(
            "fusionpay-configured-origins",
            "stored file 47481372274 (FusionPayProxy Program.cs; find_string \".RequireCors(\\\"\")",
            "Correct: configured origins with credentials, applied globally and per endpoint by their registered name.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();

            var allowedOrigins = builder.Configuration.GetSection("AllowedOrigins").Get<string[]>()
                ?? new[]
                {
                    "https://fusionpay-shopify-api.onrender.com",
                    "https://afrokingvap.com",
                    "https://checkout.shopify.com",
                    "http://localhost:3000",
                    "http://localhost:5000",
                    "http://localhost:8080"
                };

            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowConfiguredOrigins",
                    policy => policy
                        .WithOrigins(allowedOrigins)
                        .AllowAnyMethod()
                        .AllowAnyHeader()
                        .AllowCredentials());
            });

            var app = builder.Build();

            app.UseCors("AllowConfiguredOrigins");

            app.UseAuthorization();
            app.MapControllers();

            app.MapMethods("/api/test-cors", new[] { "OPTIONS" }, () =>
            {
                return Results.Ok(new { message = "CORS preflight successful", timestamp = DateTime.UtcNow });
            })
            .RequireCors("AllowConfiguredOrigins");

            app.MapPost("/api/test-cors", (HttpContext context) =>
            {
                var origin = context.Request.Headers["Origin"].ToString();
                return Results.Json(new { message = "CORS POST request successful", origin = origin, timestamp = DateTime.UtcNow });
            })
            .RequireCors("AllowConfiguredOrigins");

            app.Run();
            """),
        new(
            "notification-null-then-reflect-all",
            "stored file 59239828070 (NotificationService Program.cs; find_string \"UseCors(\\\"AllowAll\\\");\\napp.UseRouting();\")",
            "In order: the later SetIsOriginAllowed replaces the list lookup, so the \"null\" entry is dead and the always-true predicate reflects every origin with credentials (CORSGEN013, not CORSGEN020).",
            """
            using Microsoft.AspNetCore.SignalR;

            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddSignalR();
            builder.Services.AddSingleton<IUserIdProvider, QueryStringUserIdProvider>();

            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AllowAll",
                    builder =>
                    {
                        builder.WithOrigins("null")
                               .AllowAnyHeader()
                               .AllowAnyMethod()
                               .{|CORSGEN013:SetIsOriginAllowed((host) => true)|}
                               .AllowCredentials();
                    });
            });

            var app = builder.Build();

            app.UseCors("AllowAll");
            app.UseRouting();

            app.MapGet("/api/logs", () => "logs");

            app.Run();

            public class QueryStringUserIdProvider : IUserIdProvider
            {
                public string? GetUserId(HubConnectionContext connection)
                {
                    return connection.GetHttpContext()?.Request.Query["userId"];
                }
            }
            """),
        new(
            "datingapp-enablecors-base-controller",
            "snield2012/DatingApp API/Startup.cs and API/Controllers/BaseApiController.cs (one case, two files)",
            "Correct: [EnableCors(\"AllowOrigin\")] names the registered policy, and UseCors runs after UseRouting.",
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            namespace API
            {
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddControllers();
                        // services.AddCors();

                        services.AddCors(c =>
                         {
                             c.AddPolicy("AllowOrigin", options => options.AllowAnyHeader().AllowAnyMethod().WithOrigins("https://localhost:4200"));
                         });
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        app.UseHttpsRedirection();

                        app.UseRouting();
                        app.UseCors(options => options.AllowAnyHeader().AllowAnyMethod().WithOrigins("https://localhost:4200"));
                        // app.UseCors(x => x.AllowAnyHeader().AllowAnyMethod().WithOrigins("https://localhost:4200"));
                        app.UseAuthentication();
                        app.UseAuthorization();

                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapControllers();
                        });
                    }
                }
            }

            namespace API.Controllers
            {

                [ApiController]
                [Route("api/[controller]")]
                [EnableCors("AllowOrigin")]
                public class BaseApiController : ControllerBase
                {

                }
            }
            """),
    ];
}
