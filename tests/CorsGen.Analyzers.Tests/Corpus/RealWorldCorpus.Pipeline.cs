namespace CorsGen.Analyzers.Tests.Corpus;

// UseCors and UseRouting order (CORSGEN037), policy names (CORSGEN038/039), policies without origins (CORSGEN040).
internal static partial class RealWorldCorpus
{
    private static readonly CorpusCase[] Pipeline =
    [
        new(
            "cerberus-global-policy-before-routing",
            "lthiagovs/cerberus Cerberus/Cerberus.Presentation.Trojan/Malicious/FileTransferAPI/Controllers/Startup.cs",
            "Correct look-alike: UseCors(\"AllowAll\") before UseRouting applies its policy to every request, and no endpoint carries CORS metadata.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();

                    services.AddCors(options =>
                    {
                        options.AddPolicy("AllowAll", builder =>
                            builder.AllowAnyOrigin()
                                   .AllowAnyMethod()
                                   .AllowAnyHeader());
                    });
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseCors("AllowAll");

                    app.UseRouting();

                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                    });
                }
            }
            """),
        new(
            "investment-portfolio-after-routing",
            "mattsel/Investment-Portfolio Server/Startup.cs",
            "Correct look-alike: UseCors after UseRouting.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("AllowAllOrigins", builder =>
                        {
                            builder.AllowAnyOrigin()
                                   .AllowAnyMethod()
                                   .AllowAnyHeader();
                        });
                    });

                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseCors("AllowAllOrigins");
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                    });
                }
            }
            """),
        new(
            "gps-login-field-policy-name",
            "Jithin-Prakash/GPS-Login-V2 Backend/Backend/Startup.cs",
            "Correct: the policy name is a readonly field, registered and applied after UseRouting.",
            """
            public class Startup
            {
                public Startup(IConfiguration configuration)
                {
                    Configuration = configuration;
                }
                public IConfiguration Configuration { get; }
                private readonly string _policyName = "CorsPolicy";
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(opt =>
                    {
                        opt.AddPolicy(name: _policyName, builder =>
                        {
                            builder.AllowAnyOrigin()
                                .AllowAnyHeader()
                                .AllowAnyMethod();
                        });
                    });
                    services.AddControllers();
                }
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    app.UseHttpsRedirection();
                    app.UseRouting();
                    app.UseCors(_policyName);
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                    });
                }
            }
            """),
        new(
            "tdee-default-policy",
            "SamDavey16/TDEE-Helper WeightTracker/Startup.cs",
            "Correct: a default policy applied by UseCors() after UseRouting.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(options =>
                    {
                        options.AddDefaultPolicy(builder =>
                            builder.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader());
                    });
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                    });
                }
            }
            """),
        new(
            "omnicatz-policy-never-registered",
            "Zerq/OmniCatzCB Program.cs",
            "AddCors() registers no policy, yet UseCors names \"_myAllowSpecificOrigins\": no CORS headers at all (CORSGEN038).",
            """
            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseCors({|CORSGEN038:MyAllowSpecificOrigins|});
            app.UseStaticFiles();
            app.MapDefaultControllerRoute();
            app.MapStaticAssets();
            app.MapControllers();

            app.Run();
            """),
        new(
            "grpc-web-wasm-require-cors",
            "stored file 54796156429 (gRPC-Web Program.cs; find_string \".RequireCors(\\\"\")",
            "Correct: UseCors after UseRouting, the endpoint names the registered policy; loopback origins with credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Wasm", p => p
                    .WithOrigins("http://localhost:5000", "https://localhost:5001")
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials());
            });

            var app = builder.Build();

            app.UseRouting();
            app.UseCors();

            // gRPC-Web service mapping stubbed: app.MapGrpcService<WeatherService>().EnableGrpcWeb()
            app.MapPost("/weather.WeatherForecasts/GetWeather", () => "grpc").RequireCors("Wasm");
            app.MapGet("/", () => "gRPC service");

            app.Run();
            """),
        new(
            "employeeapp-default-and-named",
            "stored file 38258620969 (EmployeeApp.Api Startup.cs; find_string \".RequireCors(\\\"\")",
            "Correct: a default policy for UseCors() and a named one for the controllers, after UseRouting.",
            """
            namespace EmployeeApp.Api
            {
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddControllers();

                        services.AddCors(options =>
                        {
                            options.AddDefaultPolicy( //while this would be used everywhere else
                                 builder => builder.WithOrigins("http://localhost:4200"));
                            options.AddPolicy("myPolicy", builder => builder.WithOrigins("http://localhost:4200")); //can target something like just controllers
                            });
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        app.UseHttpsRedirection();
                        app.UseStaticFiles();

                        app.UseRouting();

                        app.UseCors();
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapControllers().RequireCors("myPolicy");
                        });
                    }
                }
            }
            """),
        new(
            "college-api-enablecors-without-explicit-routing",
            "stored file 26575563214 (CollegeAPI Program.cs; find_string \"MapControllers().RequireCors(\")",
            "Correct: no explicit UseRouting (WebApplication routes first), names registered, configured origins for the default policy.",
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddCors(opts =>
            {
                opts.AddDefaultPolicy(cfg =>
                {
                    cfg.WithOrigins(builder.Configuration["AllowedOrigins"]!);
                    cfg.AllowAnyHeader();
                    cfg.AllowAnyMethod();
                });
                opts.AddPolicy(name: "AnyOrigin",
                    cfg =>
                    {
                        cfg.AllowAnyOrigin();
                        cfg.AllowAnyHeader();
                        cfg.AllowAnyMethod();
                    });
            });

            builder.Services.AddControllers();

            var app = builder.Build();

            if (app.Configuration.GetValue<bool>("UseDeveloperExceptionPage"))
                app.UseDeveloperExceptionPage();
            else
                app.UseExceptionHandler("/error");

            app.UseCors();
            app.UseHttpsRedirection();
            app.UseAuthorization();

            app.MapGet("/error", [EnableCors("AnyOrigin")][ResponseCache(NoStore = true)]
            () => Results.Problem());

            app.MapControllers().RequireCors("AnyOrigin");

            app.Run();
            """),
        new(
            "wxq-policy-without-origins",
            "stored file 14063247019 (WXQ WebApi Startup.cs; find_string \"MapControllers().RequireCors(\")",
            "The named policy sets methods, headers and credentials but no origin: every cross-origin request is refused (CORSGEN040).",
            """
            namespace WebApi
            {
                public class Startup
                {
                    readonly string MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        app.UseStaticFiles();

                        app.UseStatusCodePages();//把错误码返回前台，比如是404

                        app.UseRouting();
                        app.UseCors(MyAllowSpecificOrigins);
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapControllers().RequireCors(MyAllowSpecificOrigins);
                            endpoints.MapControllerRoute(
                            name: "default",
                            pattern: "{controller=Home}/{action=Index}/{id?}");
                        });
                    }

                    public void ConfigureServices(IServiceCollection services)
                    {
                        //添加cors 服务 配置跨域处理
                        services.AddCors(options =>
                        {
                            options.{|CORSGEN040:AddPolicy(MyAllowSpecificOrigins,
                                builder => builder

                                .AllowAnyMethod()
                                .AllowAnyHeader()
                                .AllowCredentials())|};

                        });
                        services.AddControllers();
                    }
                }
            }
            """),
        new(
            "pikcha-cors-services-commented-out",
            "stored file 36982252549 (PikchaWebApp Startup.cs; find_string \"MapControllers().RequireCors(\")",
            "Outside the documented rules: AddCors is commented out, so the names \"MyPolicy\" and \"DefaultPolicy\" cannot be checked against this project's registrations (the app fails at start-up for the missing CORS services instead).",
            """
            namespace PikchaWebApp
            {
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddControllersWithViews();
                        services.AddRazorPages();

                        /*services.AddCors(o => o.AddPolicy("MyPolicy", builder =>
                        {
                            builder.AllowAnyOrigin()
                                .AllowAnyMethod()
                                .AllowAnyHeader();
                        })); */
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        app.UseHttpsRedirection();
                        app.UseStaticFiles();

                        app.UseRouting();

                        app.UseAuthentication();
                        app.UseAuthorization();
                        app.UseCors("MyPolicy");
                        app.UseEndpoints(endpoints =>
                        {
                            endpoints.MapControllerRoute(
                                name: "default",
                                pattern: "{controller}/{action=Index}/{id?}");
                            endpoints.MapRazorPages();

                            endpoints.MapControllers().RequireCors("DefaultPolicy");
                        });
                    }
                }
            }
            """),
        new(
            "messageapp-default-reflect-all",
            "stored file 32330186053 (MessageApp Program.cs; find_string \"app.UseCors();\\napp.UseRouting();\")",
            "The default policy reflects every origin with credentials (CORSGEN013); UseCors() before UseRouting serves the default policy to every request and no endpoint has CORS metadata, so no CORSGEN037.",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddControllersWithViews();
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.AllowAnyHeader().AllowAnyMethod().AllowCredentials().{|CORSGEN013:SetIsOriginAllowed(x => true)|}));

            builder.Services.AddSignalR(e => {
                e.MaximumReceiveMessageSize = 102400000;
            });

            var app = builder.Build();

            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.UseCors();
            app.UseRouting();

            app.UseAuthentication();
            app.UseAuthorization();

            app.Run();
            """),
        new(
            "gestion-default-policy-before-routing",
            "stored file 3038343568 (sistema_gestion_solicitudes Program.cs; find_string \"app.UseCors();\\napp.UseRouting();\")",
            "Correct look-alike: UseCors() with a default policy before UseRouting, no CORS endpoint metadata.",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddCors(options =>
            {

                options.AddDefaultPolicy(
                    policy =>
                    {
                        policy.AllowAnyOrigin()
                            .AllowAnyHeader()
                            .AllowAnyMethod();
                    });
            });

            builder.Services.AddControllers();

            var app = builder.Build();

            app.UseHttpsRedirection();
            app.UseCors();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();

            app.UseEndpoints(endpoints => {
                _ = endpoints.MapControllerRoute(
                name: "default",
                pattern: "{controller=Home}/{action=Index}");
            });

            app.Run();
            """),
        new(
            "blazor-hub-disable-cors-metadata",
            "stored file 45253115575 (MTG card app Program.cs; find_string \"app.UseCors(); // \")",
            "Correct: ASP.NET Core's [DisableCors] metadata with UseCors() and no explicit UseRouting.",
            """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddRazorPages();
            builder.Services.AddServerSideBlazor();

            await using var app = builder.Build();

            app.UseHttpsRedirection();
            app.UseStaticFiles();

            app.UseCors(); // using cors just to disable for blazor
            app.UseAuthentication();
            app.UseAuthorization();

            app.MapRazorPages();
            app.MapBlazorHub().WithMetadata(new DisableCorsAttribute());
            app.MapFallbackToPage("/_Host");

            await app.RunAsync();
            """),
        new(
            "betgame-signalr-reflect-all",
            "stored file 35528501536 (BetGame Server Startup.cs; find_string \"AddPolicy(\\\"CorsPolicy\\\"\")",
            "Every origin reflected with credentials (CORSGEN013); the global UseCors(\"CorsPolicy\") before UseRouting works (no endpoint metadata).",
            """
            namespace Server
            {
                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddCors(options => options.AddPolicy("CorsPolicy", builder =>
                        {
                            builder
                                .AllowAnyHeader()
                                .AllowAnyMethod()
                                .{|CORSGEN013:SetIsOriginAllowed((host) => true)|}
                                .AllowCredentials();
                        }));

                        services.AddSignalR(options =>
                        {
                            options.EnableDetailedErrors = true;
                        });
                    }

                    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                    {
                        if (env.IsDevelopment())
                        {
                            app.UseDeveloperExceptionPage();
                        }

                        app.UseCors("CorsPolicy");

                        app.UseRouting();

                        app.UseEndpoints(option => {
                            option.MapGet("/", () => "bets");
                        });
                    }
                }
            }
            """),
        new(
            "calendar-service-any-origin-credentials",
            "stored file 45713179861 (CalendarService Startup.cs; find_string \"AddPolicy(\\\"CorsPolicy\\\"\")",
            "AllowAnyOrigin() with AllowCredentials() (CORSGEN012).",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("CorsPolicy",
                            builder => builder.AllowAnyOrigin()
                            .AllowAnyMethod()
                            .AllowAnyHeader()
                            .{|CORSGEN012:AllowCredentials()|});
                    });
                }
            }
            """),
        new(
            "default-cors-credentials-then-any-origin",
            "stored file 26719265617 (Startup.cs with AddMemoryCache; find_string \"WithOrigins(\\\"http://www.\")",
            "AllowCredentials() then AllowAnyOrigin(): still any origin with credentials (CORSGEN012); the commented-out list is not code.",
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddMemoryCache();//等同于WebCache

                    //跨域设置
                    services.AddCors(options =>
                    {
                        options.AddPolicy("defaultCors",builder =>
                        {
                            builder.AllowAnyHeader()
                            .AllowAnyMethod()
                            .{|CORSGEN012:AllowCredentials()|}
                            .AllowAnyOrigin();

                            /*
                            builder.WithOrigins("http://www.baidu.com","http://www.163.com")
                            .AllowAnyHeader()
                            .AllowAnyHeader();
                            */
                        });
                    });
                }
            }
            """),
        new(
            "application-form-local-name-before-routing",
            "stored file 37340503051 (ApplicationForm Program.cs; find_string \"UseCors(MyAllowSpecificOrigins);\\napp.UseRouting()\")",
            "Correct look-alike: a named policy applied globally before UseRouting, with no endpoint metadata; the template's local name is registered.",
            """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddRazorPages();
            var myAllowSpecificOrigins = "_myAllowSpecificOrigins";

            builder.Services.AddControllers();

            builder.Services.AddCors(options =>
            options.AddPolicy(name: myAllowSpecificOrigins, builder =>
            builder.WithOrigins("http://localhost:4200").AllowAnyMethod().AllowAnyHeader()
            )
            );

            var app = builder.Build();

            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.UseCors(myAllowSpecificOrigins);
            app.UseRouting();

            app.UseAuthorization();

            app.MapRazorPages();

            app.Run();
            """),
        new(
            "english-assistant-empty-list-then-any",
            "Myslitel666/EnglishAssistantPro EnglishAssistantBack-end/Program.cs",
            "Correct: WithOrigins() adds nothing and AllowAnyOrigin() resets the list to *, without credentials.",
            """
            var builder = WebApplication.CreateBuilder(args);

            // Add services to the container.
            builder.Services.AddControllers();

            //CORS
            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

            builder.Services.AddCors(options =>
            {
                options.AddPolicy(MyAllowSpecificOrigins, policy =>
                {
                    policy.WithOrigins().AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod();
                });
            });

            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthorization();
            app.UseCors(MyAllowSpecificOrigins); //Use CORS
            app.MapControllers();
            app.Run();
            """),
        new(
            "stratego-nullable-local-name",
            "SaffronG/StrategoGameServer Program.cs",
            "Correct: the name is a local written once from a constant, registered and applied after UseRouting.",
            """
            string? MyAllowSpecificOrigins = "_myAllowSpecificOrigins";

            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddCors(options => { options.AddPolicy(name: MyAllowSpecificOrigins, policy => { policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader(); }); });

            builder.Services.AddControllers();

            var app = builder.Build();

            app.UseHttpsRedirection();
            app.UseStaticFiles();
            app.UseRouting();
            app.UseCors(MyAllowSpecificOrigins);
            app.UseAuthorization();

            app.MapControllers();

            app.Run();
            """),
    ];
}
