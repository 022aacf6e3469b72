using static CorsGen.Analyzers.Tests.Analyzers.AnalyzerHarness;

namespace CorsGen.Analyzers.Tests.Analyzers;

/// <summary>
/// The rules that check endpoint classes check MVC controllers too, through the same parser: origins,
/// credentials with "*", two policies on one pattern; and CORSGEN048 for CORS actions CorsGen cannot compile.
/// </summary>
public sealed class ControllerAnalyzerTests
{
    private const string Header = """
        using CorsGen;
        using Microsoft.AspNetCore.Mvc;

        namespace App;


        """;

    private static Task<AnalyzerRun> Verify(string body, string? defaultId = null) => VerifyAsync(Header + body, defaultId);

    [Fact]
    public async Task Well_formed_controllers_are_quiet()
    {
        await Verify("""
            [ApiController]
            [Route("api/[controller]")]
            [AllowOrigins("https://app.example.com")]
            [AllowCredentials]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string List() => "orders";

                [HttpPost("{id:int}")]
                [AllowMethods("POST")]
                public string Create(int id) => "created";

                [HttpDelete("{id:int}")]
                [DisableCors]
                public void Delete(int id) { }

                [NonAction]
                public string Helper() => "";

                public override string ToString() => "OrdersController";
            }

            // A conventional controller without CorsGen attributes: nothing to compile, nothing to report.
            public sealed class HomeController : Controller
            {
                public string Index() => "home";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN002_wildcard_origin_with_credentials_on_a_controller()
    {
        await Verify("""
            [Route("api/[controller]")]
            [{|CORSGEN002:AllowOrigins("*")|}]
            [AllowCredentials]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string List() => "orders";
            }
            """);
    }

    [Fact]
    public async Task CORSGEN003_invalid_origin_on_an_action()
    {
        var run = await Verify("""
            [Route("api/[controller]")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpPost]
                [AllowOrigins({|CORSGEN003:"https://app.example.com/"|})]
                public string Create() => "created";
            }
            """);

        Assert.Contains("https://app.example.com/", Assert.Single(run.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CORSGEN011_DisableCors_contradiction_on_an_action()
    {
        await Verify("""
            [Route("api/[controller]")]
            [AllowOrigins("https://app.example.com")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpDelete]
                [DisableCors]
                {|CORSGEN011:[MaxAge(60)]|}
                public void Delete() { }
            }
            """.Replace("{|CORSGEN011:[MaxAge(60)]|}", "[{|CORSGEN011:MaxAge(60)|}]"));
    }

    [Fact]
    public async Task CORSGEN010_two_controllers_with_different_policies_at_one_pattern()
    {
        var run = await Verify("""
            [Route("api/items")]
            [AllowOrigins("https://a.example.com")]
            public sealed class [|ReadController|] : ControllerBase
            {
                [HttpGet("{id}")]
                public string Get(int id) => "a";
            }

            [Route("api/[controller]")]
            [AllowOrigins("https://b.example.com")]
            public sealed class ItemsController : ControllerBase
            {
                [HttpPut("{key:int}")]
                public string Put(int key) => "b";
            }
            """, "CORSGEN010");

        Assert.Contains("'ItemsController' and by 'ReadController'", Assert.Single(run.Diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CORSGEN010_a_controller_and_an_endpoint_class_at_one_pattern()
    {
        await Verify("""
            [AllowOrigins("https://a.example.com")]
            public static partial class ItemEndpoints
            {
                [MapGet("/api/items")]
                public static string List() => "a";
            }

            [Route("api/[controller]")]
            [AllowOrigins("https://b.example.com")]
            public sealed class [|ItemsController|] : ControllerBase
            {
                [HttpPost]
                public string Create() => "b";
            }
            """, "CORSGEN010");
    }

    [Fact]
    public async Task CORSGEN024_allowed_method_not_mapped_by_the_action()
    {
        await Verify("""
            [Route("api/[controller]")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                [AllowOrigins("https://app.example.com")]
                [{|CORSGEN024:AllowMethods("GET", "PATCH")|}]
                public string List() => "orders";
            }
            """);
    }

    [Theory]
    [InlineData("a conventional action", "", "public string Index() => \"x\";", "it has no attribute route")]
    [InlineData("a [Route] without a method", "[Route(\"api/[controller]\")]", "[Route(\"x\")] public string Any() => \"x\";", "it takes every HTTP method")]
    [InlineData("an unknown token", "[Route(\"api/[controller]\")]", "[HttpGet(\"[version]/x\")] public string Versioned() => \"x\";", "the token '[version]'")]
    [InlineData("an unclosed token", "[Route(\"api/[controller\")]", "[HttpGet] public string Broken() => \"x\";", "the token '[controller'")]
    public async Task CORSGEN048_CORS_action_CorsGen_cannot_compile(string because, string classAttributes, string action, string reason)
    {
        _ = because;
        var name = action[(action.IndexOf("string ", StringComparison.Ordinal) + 7)..action.IndexOf('(', action.IndexOf("string ", StringComparison.Ordinal))];
        var run = await Verify($$"""
            {{classAttributes}}
            [AllowOrigins("https://app.example.com")]
            public sealed class OrdersController : Controller
            {
                {{action.Replace("string " + name + "(", "string [|" + name + "|](")}}
            }
            """, "CORSGEN048");

        var message = Assert.Single(run.Diagnostics).GetMessage();
        Assert.StartsWith($"Controller action 'OrdersController.{name}' has CORS attributes, but CorsGen cannot compile them: ", message, StringComparison.Ordinal);
        Assert.Contains(reason, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no CORS attributes", "", "public string Index() => \"x\";")]
    [InlineData("DisableCors", "[AllowOrigins(\"https://app.example.com\")]", "[DisableCors] public string Index() => \"x\";")]
    [InlineData("not an action", "[AllowOrigins(\"https://app.example.com\")]", "[NonAction] public string Index() => \"x\";")]
    [InlineData("a static method", "[AllowOrigins(\"https://app.example.com\")]", "public static string Index() => \"x\";")]
    public async Task CORSGEN048_not_reported(string because, string classAttributes, string action)
    {
        _ = because;
        await Verify($$"""
            {{classAttributes}}
            public sealed class HomeController : Controller
            {
                {{action}}
            }
            """);
    }

    [Fact]
    public async Task CORSGEN009_CORS_attributes_on_a_class_that_is_no_controller_still_have_no_effect()
    {
        // An abstract base is no controller (MVC's rule), and CorsGen's attributes are not inherited.
        await Verify("""
            [{|CORSGEN009:AllowOrigins("https://app.example.com")|}]
            public abstract class ApiControllerBase : ControllerBase
            {
            }
            """);
    }

    [Fact]
    public async Task CORSGEN025_private_predicate_of_a_controller()
    {
        await Verify("""
            [Route("api/[controller]")]
            [{|CORSGEN025:AllowOriginPredicate(nameof(IsTenant))|}]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string List() => "orders";

                private static bool IsTenant(string origin) => origin.EndsWith(".example.com", StringComparison.Ordinal);
            }
            """);
    }
}
