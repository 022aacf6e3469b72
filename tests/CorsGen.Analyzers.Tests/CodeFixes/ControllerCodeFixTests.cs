using CorsGen.CodeFixes;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>The attribute fixes work on controllers as on endpoint classes: they read Diagnostic.Properties, not the class shape.</summary>
public sealed class ControllerCodeFixTests
{
    private static string Source(string origin) => $$"""
        using CorsGen;
        using Microsoft.AspNetCore.Mvc;

        namespace App;

        [Route("api/[controller]")]
        [AllowOrigins({{origin}})]
        public sealed class OrdersController : ControllerBase
        {
            [HttpPost]
            public string Create() => "created";
        }
        """;

    [Fact]
    public async Task Invalid_origin_on_a_controller_is_normalized()
    {
        await VerifyFixAsync(
            new InvalidOriginCodeFixProvider(),
            Source("\"HTTPS://App.Example.com/\""),
            "CORSGEN003",
            "Use 'https://app.example.com'",
            Source("\"https://app.example.com\""),
            equivalenceKey: "CORSGEN003.NormalizeOrigin");
    }
}
