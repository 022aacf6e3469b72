namespace CorsGen.Analyzers.Tests.Corpus;

// WithOrigins("null") with credentials (CORSGEN020), plain-HTTP origins next to HTTPS ones (CORSGEN021), entries that never match (CORSGEN014).
internal static partial class RealWorldCorpus
{
    private static readonly CorpusCase[] NullAndHttp =
    [
        new(
            "msngr-inline-null-origin",
            "stored file 23050278025 (msngrAPI Startup.cs; find_string \"WithOrigins(\\\"null\\\"\")",
            "The opaque origin \"null\" trusted with credentials: any site can read authenticated responses from a sandboxed iframe (CORSGEN020).",
            """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseDefaultFiles();
                    app.UseStaticFiles();
                    app.UseCors(builder => builder
                            .WithOrigins({|CORSGEN020:"null"|})
                            .AllowAnyHeader()
                            .AllowAnyMethod()
                            .AllowCredentials()
                    );
                    app.UseHttpsRedirection();
                }
            }
            """),
        new(
            "doctor-availability-null-and-localhost",
            "stored file 65747924621 (Program.cs with DoctorAvailabilityManager; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" with credentials (CORSGEN020); http://localhost is loopback and fine.",
            """
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    builder.Services.AddSignalR();

                    // CORS
                    builder.Services.AddCors(options =>
                    {
                        options.AddPolicy("AllowAll", policy =>
                        {
                            policy.WithOrigins({|CORSGEN020:"null"|}, "http://localhost")
                                  .AllowAnyMethod()
                                  .AllowAnyHeader()
                                  .AllowCredentials();
                        });
                    });

                    var app = builder.Build();
                    app.Run();
                }
            }
            """),
        new(
            "rabbitmq-cors-null",
            "stored file 8353581778 (SignalR/RabbitMQ Program.cs; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" with credentials (CORSGEN020).",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddSignalR();

            builder.Services.AddCors(options =>
            {
                options.AddPolicy("cors",
                    builder =>
                    {
                        builder.WithOrigins({|CORSGEN020:"null"|})
                            .AllowAnyHeader()
                            .AllowAnyMethod()
                            .AllowCredentials();
                    });
            });

            var app = builder.Build();
            app.UseCors("cors");
            app.Run();
            """),
        new(
            "signalr-startup-null-before-routing",
            "stored file 31874773031 (SignalR Startup.cs; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" with credentials (CORSGEN020); the inline UseCors policy before UseRouting works, as no endpoint carries CORS metadata.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors();
                    services.AddControllers();
                    services.AddSignalR();
                    services.AddLogging();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {

                    app.UseCors(i =>
                  {
                      i.WithOrigins({|CORSGEN020:"null"|})
                      .AllowAnyMethod()
                      .AllowAnyHeader()
                      .AllowCredentials();

                  });

                    app.UseRouting();

                    app.UseEndpoints(r =>
                    {
                        r.MapControllers();
                    });
                }
            }
            """),
        new(
            "chat-default-policy-null-last",
            "stored file 40854313330 (chat Program.cs with NotificationService; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" added last, with credentials set before it: still trusted with credentials (CORSGEN020).",
            """
            var builder = WebApplication.CreateBuilder(args);
            var services = builder.Services;

            //Configure CORS
            services.AddCors(options =>
            {
                options.AddDefaultPolicy(builder =>
                {
                    builder.AllowAnyMethod()
                        .AllowAnyHeader()
                        .AllowCredentials()
                        .WithOrigins({|CORSGEN020:"null"|});
                });
            });

            services.AddControllersWithViews();

            var app = builder.Build();

            app.UseHttpsRedirection();

            app.UseRouting();
            app.UseCors();

            app.UseAuthentication();
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """),
        new(
            "simple-chat-null-html-file",
            "stored file 14250782860 (SignalR chat Program.cs; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" (an HTML file opened from disk) with credentials (CORSGEN020).",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("AllowAnyOrigin", p => p
                    .WithOrigins({|CORSGEN020:"null"|}) // Origin of an html file opened in a browser
                    .AllowAnyHeader()
                    .AllowCredentials());
            });
            builder.Services.AddSignalR();

            var app = builder.Build();
            app.UseCors("AllowAnyOrigin");
            app.Run();
            """),
        new(
            "null-origin-without-credentials",
            "stored file 48202497833 (Program.cs with a late AddCors; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" without credentials: weak, but outside CORSGEN020 (no credentials); the template's name variable is registered and applied.",
            """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseAuthorization();

            app.MapControllers();

            app.Run();

            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";


            builder.Services.AddCors(options =>
            {
                options.AddPolicy(name: MyAllowSpecificOrigins,
                                  policy =>
                                  {
                                      policy.WithOrigins("null"); // add the allowed origins
                                  });
            });

            builder.Services.AddControllers();

            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.UseRouting();

            app.UseCors(MyAllowSpecificOrigins);
            """),
        new(
            "wiredbrain-inline-null",
            "stored file 12047261832 (WiredBrain Program.cs; find_string \"WithOrigins(\\\"null\\\"\")",
            "\"null\" with credentials in the inline UseCors policy (CORSGEN020).",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddCors();
            builder.Services.AddSignalR();

            builder.Services.AddControllers();

            builder.Services.AddMvc();

            var app = builder.Build();

            app.UseCors(builder => builder
                .WithOrigins({|CORSGEN020:"null"|})
                .AllowAnyHeader()
                .AllowAnyMethod()
                .AllowCredentials());

            app.UseAuthorization();

            app.MapControllers();

            app.UseStaticFiles();

            app.Run();
            """),
        new(
            "sundorbon-origin-list",
            "stored file 67128678726 (BookingSundorbonBackend Program.cs; find_string \"WithOrigins(\\\"http://www.\")",
            "With credentials next to HTTPS origins: three plain-HTTP non-loopback origins (CORSGEN021); twenty entries with a path or trailing slash never match (CORSGEN014). Loopback http and exact https entries are fine.",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddControllers();
            builder.Services.AddSignalR();

            builder.Services.AddCors(
                options =>
                {
                    options.AddPolicy(name: "sundorbonBookingCors",
                        policy => policy.WithOrigins(
                        {|CORSGEN021:"http://www.sundarbancargoservicesltd.uk"|},
                        "https://sundarbancargoservicesltd.uk",
                        "https://www.sundarbancargoservicesltd.uk",
                        "https://www.sundarbancargoservicesltd.uk",
                        {|CORSGEN014:"http://www.sundarbancargoservicesltd.uk/"|},
                        {|CORSGEN014:"https://www.sundarbancargoservicesltd.uk/"|},
                        {|CORSGEN014:"http://www.sundarbancargoservicesltd.uk/api"|},
                        {|CORSGEN014:"http://www.sundarbancargoservicesltd.uk/api/"|},
                        {|CORSGEN014:"https://www.sundarbancargoservicesltd.uk/api/"|},
                        "http://localhost:3000",
                        {|CORSGEN014:"http://www.sundarbancargo.com/"|},
                        {|CORSGEN014:"https://www.sundarbancargo.com/"|},
                        "http://localhost:3000",
                        "http://localhost:3001",
                        {|CORSGEN021:"http://202.126.122.82:33"|},
                        {|CORSGEN014:"http://202.126.122.82:33/"|},
                        {|CORSGEN014:"http://202.126.122.82:33/api"|},
                        "https://202.126.122.82:33",
                        {|CORSGEN014:"https://202.126.122.82:33/"|},
                        {|CORSGEN014:"https://202.126.122.82:33/api"|},
                        {|CORSGEN014:"http://202.126.122.82:33/api/"|},
                        {|CORSGEN014:"https://202.126.122.82:33/api/"|},
                        {|CORSGEN021:"http://sundarbancargo.com"|},
                        {|CORSGEN014:"http://sundarbancargo.com/api"|},
                        "https://sundarbancargo.com",
                        {|CORSGEN014:"https://sundarbancargo.com/api"|},
                        {|CORSGEN014:"https://sundarbancargo.com/"|},
                        {|CORSGEN014:"https://sundarbancargo.com/api"|},
                        "https://sundarbancargo.com:500",
                        {|CORSGEN014:"https://sundarbancargo.com:500/api"|},
                        {|CORSGEN014:"https://www.sundarbancargo.com/"|},
                        {|CORSGEN014:"https://sundarbancargo.com:500/api/"|})
                        .AllowAnyHeader()
                        .AllowAnyMethod()
                        .AllowCredentials()
                        );
                }
                );

            var app = builder.Build();

            app.UseCors("sundorbonBookingCors");
            app.UseHttpsRedirection();
            app.UseAuthentication();
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """),
        new(
            "apirequest-methods-as-origins",
            "stored file 12466782950 (Startup.cs with JWT and response caching; find_string \"WithOrigins(\\\"http://www.\")",
            "WithOrigins(\"GET\", \"POST\") where WithMethods was meant: neither is an origin (CORSGEN014 twice).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {

                    services.AddCors(options =>
                            options.AddPolicy("PermitirApiRequest",
                            builder => builder.WithOrigins("http://www.apirequest.io").WithOrigins({|CORSGEN014:"GET"|},{|CORSGEN014:"POST"|}).AllowAnyHeader()
                            ));

                    services.AddResponseCaching();
                }
            }
            """),
        new(
            "comma-joined-origins",
            "stored file 91835961 (maahyarazad.ir Startup.cs; find_string \"WithOrigins(\\\"http://www.\")",
            "Two origins in one comma-joined string: the entry never matches (CORSGEN014).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy(name: "DefaultOrigins", builder =>
                        {
                            builder.WithOrigins({|CORSGEN014:"http://www.maahyarazad.ir, http://localhost:5001"|});
                        });
                    });
                }
            }
            """),
        new(
            "ecom-www-localhost",
            "stored file 18034719755 (Ecom.Api Program.cs; find_string \"WithOrigins(\\\"http://www.\")",
            "A plain-HTTP origin with credentials but no HTTPS origin beside it: outside CORSGEN021 (which asks for the https:// form next to HTTPS ones).",
            """
            var builder = WebApplication.CreateBuilder(args);

            // CORS configuration
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("CorsPolicy", policy =>
                {
                    policy.AllowAnyMethod()
                          .AllowAnyHeader()
                          .AllowCredentials()
                          .WithOrigins("http://www.localhost:4200");
                });
            });

            var app = builder.Build();
            app.UseCors("CorsPolicy");
            app.Run();
            """),
        new(
            "nullinside-https-and-loopback-http",
            "search \"app.UseCors(); app.UseRouting(); ... RequireCors\" (nullinside API Program.cs)",
            "Correct look-alike: HTTPS origins and plain-HTTP loopback origins with credentials.",
            """
            const string CORS_KEY = "_customAllowedSpecificOrigins";

            var builder = WebApplication.CreateBuilder(args);

            // Add services to the container.
            builder.Services.AddCors(options =>
            {
                options.AddPolicy(CORS_KEY,
                    policyBuilder =>
                    {
                        policyBuilder.WithOrigins("https://www.nullinside.com", "https://nullinside.com", "http://localhost:4200",
                                "http://127.0.0.1:4200")
                            .AllowAnyHeader()
                            .AllowAnyMethod()
                            .AllowCredentials();
                    });
            });

            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseCors(CORS_KEY);
            app.MapControllers();
            app.Run();
            """),
        new(
            "azurestaticapps-exact-origin",
            "stored file 5456997646 (WebApi posts Program.cs; find_string \"AddPolicy(\\\"CorsPolicy\\\"\")",
            "Correct: an exact origin under azurestaticapps.net (the app's own deployment) and a loopback origin, no credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("CORSPolicy", builder =>
                {
                    builder.AllowAnyMethod().AllowAnyHeader().WithOrigins("http://localhost:3000", "https://appname.azurestaticapps.net");
                });
            });

            var app = builder.Build();

            app.UseHttpsRedirection();

            app.UseCors("CORSPolicy");

            app.MapGet("/posts", () => "posts");

            app.Run();
            """),
    ];
}
