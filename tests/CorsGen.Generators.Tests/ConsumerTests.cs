namespace CorsGen.Generators.Tests;

/// <summary>User code calls what the generator emits: the compilation must be clean only after generation.</summary>
public sealed class ConsumerTests
{
    [Fact]
    public void Generated_Map_methods_are_callable_and_return_a_group()
    {
        var endpoints = """
            using CorsGen;

            namespace App
            {
                [AllowOrigins("http://127.0.0.1:9000")]
                public static partial class InfoEndpoints
                {
                    [MapGet("/info")]
                    public static string Get() => "info";
                }

                public static partial class Api
                {
                    [AllowOrigins("https://app.example.com")]
                    internal static partial class V1
                    {
                        [MapGet("/v1")]
                        public static string Get() => "v1";
                    }
                }
            }

            [AllowOrigins("https://app.example.com")]
            public static partial class GlobalEndpoints
            {
                [MapGet("/global")]
                public static string Get() => "global";
            }
            """;
        var program = """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Routing;

            namespace App;

            public static class Program
            {
                public static void Configure(WebApplication app)
                {
                    RouteGroupBuilder info = app.MapInfoEndpoints();
                    info.RequireAuthorization();
                    app.MapGroup("/api").MapV1();
                    app.MapGlobalEndpoints();
                }
            }
            """;
        var input = GeneratorRunner.CreateCompilation(endpoints, program);
        Assert.Contains(input.GetDiagnostics(), d => d.Id == "CS1061"); // MapInfoEndpoints does not exist yet

        var run = GeneratorRunner.Run(input);

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        GeneratorRunner.AssertNoProblems("CorsGen's diagnostics", run.Diagnostics);
        GeneratorRunner.AssertNoProblems("The compilation after generation", run.Output.GetDiagnostics());
    }
}
