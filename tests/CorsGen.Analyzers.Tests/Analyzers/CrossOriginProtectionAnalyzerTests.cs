using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>CORSGEN030 and CORSGEN031: CorsGen next to ASP.NET Core 11's automatic cross-origin protection.</summary>
public sealed class CrossOriginProtectionAnalyzerTests
{
    private const string App = """
        var builder = WebApplication.CreateBuilder(args);
        {0}
        var app = builder.Build();
        app.Run();

        """;

    private static string Program(string services, string endpoints) => string.Format(App, services) + endpoints;

    // ---------------------------------------------------------------- CORSGEN030

    [Theory]
    [InlineData("[Microsoft.AspNetCore.Mvc.FromForm] string [|name|]")]
    [InlineData("IFormFile [|upload|]")]
    [InlineData("IFormFileCollection [|uploads|]")]
    [InlineData("IFormCollection [|form|]")]
    public async Task CORSGEN030_a_credentialed_form_route_without_AddCorsGen(string parameter)
    {
        await VerifyNet11Async(Program("", $$"""
            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            static partial class FormEndpoints
            {
                [CorsGen.MapPost("/form")]
                public static string Post(int id, {{parameter}}) => "ok";
            }
            """), "CORSGEN030");
    }

    [Fact]
    public async Task CORSGEN030_credentials_from_the_method_or_a_policy_class_count()
    {
        await VerifyNet11Async(Program("", """
            [CorsGen.CorsPolicy]
            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            static partial class Trusted;

            [CorsGen.AllowOrigins("https://app.example.com")]
            static partial class FormEndpoints
            {
                [CorsGen.MapPost("/method")]
                [CorsGen.AllowCredentials]
                public static string Method(IFormFile [|upload|]) => "ok";

                [CorsGen.MapPost("/policy")]
                [CorsGen.UseCorsPolicy(typeof(Trusted))]
                public static string Policy(IFormCollection [|form|]) => "ok";
            }
            """), "CORSGEN030");
    }

    [Theory]
    [InlineData("builder.Services.AddCorsGen();")]
    [InlineData("builder.Services.AddCorsGen(o => o.TrustCorsGenPoliciesForCsrfProtection = true);")]
    [InlineData("Microsoft.Extensions.DependencyInjection.CorsGenServiceCollectionExtensions.AddCorsGen(builder.Services);")]
    public async Task CORSGEN030_not_reported_when_the_app_calls_AddCorsGen(string services)
    {
        await VerifyNet11Async(Program(services, """
            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            static partial class FormEndpoints
            {
                [CorsGen.MapPost("/form")]
                public static string Post(IFormFile upload) => "ok";
            }
            """));
    }

    [Fact]
    public async Task CORSGEN030_not_reported_for_routes_without_credentials_forms_or_CorsGen()
    {
        // Without credentials ASP.NET Core refuses the same posts for its own policies: AddCorsGen() would change nothing.
        await VerifyNet11Async(Program("", """
            [CorsGen.AllowOrigins("https://app.example.com")]
            static partial class FormEndpoints
            {
                [CorsGen.MapPost("/plain")]
                public static string Plain(IFormFile upload) => "ok";
            }

            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            static partial class JsonEndpoints
            {
                [CorsGen.MapPost("/json")]
                public static string Json(Order order, [Microsoft.AspNetCore.Mvc.FromQuery] string name) => "ok";
            }

            static class NotCorsGen
            {
                [CorsGen.AllowCredentials]
                public static string Handler(IFormFile upload) => "ok";
            }

            record Order(string Item);
            """));
    }

    [Fact]
    public async Task CORSGEN030_not_reported_on_ASP_NET_Core_10()
    {
        await VerifyAsync(Program("", """
            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            static partial class FormEndpoints
            {
                [CorsGen.MapPost("/form")]
                public static string Post(IFormFile upload) => "ok";
            }
            """));
    }

    [Fact]
    public async Task CORSGEN030_not_reported_in_a_library_of_endpoint_classes()
    {
        // The app that maps them calls AddCorsGen(); the library cannot.
        await VerifyNet11Async("""
            [CorsGen.AllowOrigins("https://app.example.com")]
            [CorsGen.AllowCredentials]
            public static partial class FormEndpoints
            {
                [CorsGen.MapPost("/form")]
                public static string Post(IFormFile upload) => "ok";
            }
            """);
    }

    // ---------------------------------------------------------------- CORSGEN031

    private const string CorsGenEndpoints = """
        [CorsGen.AllowOrigins("https://app.example.com")]
        static partial class FormEndpoints
        {
            [CorsGen.MapPost("/form")]
            public static string Post(int id) => "ok";
        }
        """;

    [Theory]
    [InlineData("""builder.Services.AddCors(o => [|o.AddDefaultPolicy(p => p.WithOrigins("https://partner.example").AllowCredentials())|]);""")]
    [InlineData("""builder.Services.AddCors(o => { [|o.AddDefaultPolicy(p => { p.WithOrigins("https://partner.example"); p.AllowCredentials(); })|]; });""")]
    public async Task CORSGEN031_a_credentialed_default_policy_next_to_CorsGen_routes(string services)
    {
        await VerifyNet11Async(Program(services, CorsGenEndpoints), "CORSGEN031");
    }

    [Theory]
    [InlineData("""builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://partner.example")));""")]
    [InlineData("""builder.Services.AddCors(o => o.AddPolicy("partner", p => p.WithOrigins("https://partner.example").AllowCredentials()));""")]
    public async Task CORSGEN031_not_reported_for_a_default_policy_without_credentials_or_a_named_policy(string services)
    {
        // Without credentials the protection trusts nothing from it; a named policy applies only where RequireCors attaches it.
        await VerifyNet11Async(Program(services, CorsGenEndpoints));
    }

    [Fact]
    public async Task CORSGEN031_not_reported_without_CorsGen_routes_or_on_ASP_NET_Core_10()
    {
        const string Services = """builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://partner.example").AllowCredentials()));""";
        await VerifyNet11Async("""
            var builder = WebApplication.CreateBuilder(args);
            """ + Services + """

            var app = builder.Build();
            app.Run();
            """);
        await VerifyAsync(Program(Services, CorsGenEndpoints));
    }
}
