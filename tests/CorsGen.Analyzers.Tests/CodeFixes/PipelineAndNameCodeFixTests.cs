using CorsGen.CodeFixes;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN037 (move UseCors after UseRouting) and CORSGEN038 (use the registered policy name).</summary>
public sealed class PipelineAndNameCodeFixTests
{
    private static readonly UseCorsBeforeUseRoutingCodeFixProvider MoveUseCors = new();
    private static readonly UnregisteredCorsPolicyNameCodeFixProvider UseRegisteredName = new();

    private static string Startup(string configure) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) =>
                services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));

            public void Configure(IApplicationBuilder app)
            {
        {{configure}}
            }
        }
        """;

    [Fact]
    public async Task CORSGEN037_moves_UseCors_after_UseRouting()
    {
        const string before = """
                    app.UseCors(); // CORS
                    app.UseHttpsRedirection();
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/a", () => "a").RequireCors("spa"));
            """;
        const string after = """
                    app.UseHttpsRedirection();
                    app.UseRouting();
                    app.UseCors(); // CORS
                    app.UseEndpoints(e => e.MapGet("/a", () => "a").RequireCors("spa"));
            """;
        await VerifyFixAsync(MoveUseCors, Startup(before), "CORSGEN037", "Move UseCors() after UseRouting()", Startup(after), equivalenceKey: "CORSGEN037.MoveAfterUseRouting");
    }

    [Fact]
    public async Task CORSGEN037_moves_UseCors_in_a_top_level_program()
    {
        const string before = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseCors();
            app.UseRouting();
            app.MapGet("/a", () => "a").RequireCors("spa");
            app.Run();
            """;
        const string after = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/a", () => "a").RequireCors("spa");
            app.Run();
            """;
        await VerifyFixAsync(MoveUseCors, "using Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\n" + before, "CORSGEN037", "Move UseCors() after UseRouting()", "using Microsoft.AspNetCore.Builder;\nusing Microsoft.Extensions.DependencyInjection;\n" + after);
    }

    [Fact]
    public async Task CORSGEN037_no_fix_for_a_chained_UseCors()
    {
        await VerifyNoFixAsync(MoveUseCors, Startup("""
                    app.UseCors().UseHttpsRedirection();
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/a", () => "a").RequireCors("spa"));
            """), "CORSGEN037");
    }

    private static string Program(string useCors) => $$"""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.DependencyInjection;

        namespace App;

        public static class Setup
        {
            public const string Shared = "AllowFrontEnd";

            public static void Run(WebApplicationBuilder builder)
            {
                builder.Services.AddCors(o => o.AddPolicy("AllowFrontend", p => p.WithOrigins("https://app.example.com")));
                var app = builder.Build();
                {{useCors}}
                app.Run();
            }
        }
        """;

    [Fact]
    public async Task CORSGEN038_replaces_a_misspelt_literal_with_the_registered_name()
    {
        await VerifyFixAsync(
            UseRegisteredName,
            Program("""app.UseCors("AllowFrontEnd");"""),
            "CORSGEN038",
            "Use the registered name \"AllowFrontend\"",
            Program("""app.UseCors("AllowFrontend");"""),
            equivalenceKey: "CORSGEN038.UseRegisteredName");
    }

    [Theory]
    [InlineData("""app.UseCors("SomethingElse");""")] // no registered name is close
    [InlineData("""app.UseCors(Shared);""")] // a constant others may share
    public async Task CORSGEN038_no_fix(string useCors)
    {
        await VerifyNoFixAsync(UseRegisteredName, Program(useCors), "CORSGEN038");
    }
}
