namespace CorsGen.Generators.Tests;

/// <summary>
/// The generated text of representative endpoint classes, approved by reading it against
/// docs/behaviour.md. Every input must compile cleanly before and after generation.
/// </summary>
public sealed class SnapshotTests
{
    private const string Usings = """
        using CorsGen;
        using Microsoft.AspNetCore.Http;

        """;

    [Fact]
    public void SingleOrigin_GetPostAndDisabledRoute()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Sample;

            public sealed record Info(string? Name);

            [AllowOrigins("http://127.0.0.1:9000")]
            public static partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static Info GetInfo() => new("Michael Caine");

                [MapPost("/info")]
                public static IResult SetInfo(Info info) => TypedResults.Ok(info);

                [MapGet("/info-nocors")]
                [DisableCors]
                public static Info GetInfoNoCors() => new("Michael Caine");
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void MultipleOrigins_SubdomainPattern_Credentials_Headers_MaxAge()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Shop.Api;

            [AllowOrigins("https://app.example.com", "http://localhost:5173", "https://*.example.org", "https://*.staging.example.net:8443")]
            [AllowCredentials]
            [AllowHeaders("X-Api-Key", "Authorization")]
            [ExposeHeaders("ETag", "X-Total-Count")]
            [MaxAge(600)]
            public static partial class OrderEndpoints
            {
                [MapGet("/orders")]
                public static IResult List() => TypedResults.Ok();

                [MapPut("/orders/{id:int}")]
                public static IResult Replace(int id) => TypedResults.NoContent();

                [MapPatch("/orders/{id:int}")]
                public static IResult Update(int id) => TypedResults.NoContent();

                [MapDelete("/orders/{id:int}")]
                public static IResult Remove(int id) => TypedResults.NoContent();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void AnyOrigin()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Public;

            [AllowOrigins("*")]
            [ExposeHeaders("X-Request-Id")]
            public static partial class StatusEndpoints
            {
                [MapGet("/status")]
                public static string Status() => "ok";

                [MapPost("/status/ping")]
                public static IResult Ping() => TypedResults.NoContent();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void MethodLevelAttributesReplaceClassValues()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Overrides;

            [AllowOrigins("https://app.example.com")]
            [AllowHeaders("X-Class-Header")]
            [MaxAge(60)]
            public static partial class AccountEndpoints
            {
                [MapGet("/account")]
                public static string Get() => "class policy";

                [MapPost("/account/admin")]
                [AllowOrigins("https://admin.example.com")]
                [AllowCredentials]
                [MaxAge(5)]
                public static IResult Admin() => TypedResults.NoContent();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void AnyMethodAndAnyHeader()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Wildcards;

            [AllowOrigins("https://app.example.com")]
            [AllowMethods("*")]
            [AllowHeaders("*")]
            public static partial class ItemEndpoints
            {
                [MapGet("/items")]
                public static string List() => "[]";

                [MapMethods("/items", "PURGE", "PATCH")]
                public static IResult Purge() => TypedResults.NoContent();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void GlobalNamespaceClass()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            [AllowOrigins("https://app.example.com")]
            public static partial class GlobalEndpoints
            {
                [MapGet("/global")]
                public static string Get() => "global";
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void NestedClass()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Nesting;

            public static partial class Api
            {
                [AllowOrigins("https://app.example.com")]
                public static partial class V1
                {
                    [MapGet("/v1/things")]
                    public static string Things() => "things";
                }
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void UserOptionsHandlerIsWrapped()
    {
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Options;

            [AllowOrigins("https://app.example.com")]
            public static partial class ResourceEndpoints
            {
                [MapGet("/x")]
                public static string Get() => "x";

                [MapMethods("/x", "OPTIONS")]
                public static IResult Options(HttpContext context)
                {
                    context.Response.Headers.Allow = "GET, OPTIONS";
                    return TypedResults.NoContent();
                }
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void MethodLevelOriginsAtOnePattern()
    {
        // GET and PUT share /doc but not their origins: a preflight is answered by the policy of the
        // route that maps the requested method.
        var run = GeneratorRunner.RunClean(Usings + """
            namespace Docs;

            [AllowOrigins("https://reader.example.com")]
            public static partial class DocEndpoints
            {
                [MapGet("/doc")]
                public static string Read() => "doc";

                [MapPut("/doc")]
                [AllowOrigins("https://editor.example.com")]
                public static IResult Write() => TypedResults.NoContent();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void TwoClassesSharingOnePattern()
    {
        // Same CORS attributes in both classes (different ones are CORSGEN010). Both classes' routes
        // count for the default methods; two OPTIONS routes of equal order at one path would be an
        // AmbiguousMatchException, so the second class's preflight route gets a later order (docs/behaviour.md).
        var run = GeneratorRunner.RunClean(
            Usings + """
                namespace Shared;

                [AllowOrigins("https://app.example.com")]
                public static partial class ReadEndpoints
                {
                    [MapGet("/shared/{id}")]
                    public static string Read(string id) => id;
                }
                """,
            Usings + """
                namespace Shared;

                [AllowOrigins("https://app.example.com")]
                public static partial class WriteEndpoints
                {
                    [MapPost("/shared/{key}")]
                    public static IResult Write(string key) => TypedResults.NoContent();
                }
                """);

        // Each class maps its own preflight route; the second sorts after the first in route order,
        // so mapped under one prefix routing never sees two equal OPTIONS candidates.
        var orders = run.Sources
            .Select(s => (s.HintName, Order: s.SourceText.Lines.Select(l => l.ToString()).Any(l => l.Contains(").Order = 1);", StringComparison.Ordinal))))
            .ToList();
        Assert.Equal([("Shared.ReadEndpoints.CorsGen.g.cs", false), ("Shared.WriteEndpoints.CorsGen.g.cs", true)], orders);
        SnapshotHarness.Verify(run);
    }

    private const string MvcUsings = """
        using CorsGen;
        using Microsoft.AspNetCore.Mvc;

        """;

    [Fact]
    public void Controllers_TokensAreaAndDisabledAction()
    {
        var run = GeneratorRunner.RunClean(MvcUsings + """
            namespace Shop.Controllers;

            public sealed record OrderInput(string Item, int Quantity);

            [ApiController]
            [Route("api/[controller]")]
            [AllowOrigins("https://app.example.com")]
            [AllowCredentials]
            [AllowHeaders("X-Request-Id")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string[] List() => ["apple"];

                [HttpPost]
                public IActionResult Create(OrderInput input) => Ok(input);

                [HttpPut("[action]/{id:int}")]
                public System.Threading.Tasks.Task<IActionResult> ReplaceAsync(int id, OrderInput input) => System.Threading.Tasks.Task.FromResult<IActionResult>(Ok());

                [HttpDelete("[action]/{id:int}")]
                [DisableCors]
                public IActionResult Replace(int id) => NoContent();
            }

            [Area("Admin")]
            [Route("[area]/[controller]")]
            public sealed class UsersController : Controller
            {
                [HttpPost("[action]")]
                [AllowOrigins("https://admin.example.com")]
                [MaxAge(60)]
                public IActionResult Invite() => Ok();

                [HttpGet("[action]")]
                public IActionResult List() => Ok();
            }
            """);

        SnapshotHarness.Verify(run);
    }

    [Fact]
    public void Controllers_OptionsActionAndPreflightContinue()
    {
        var run = GeneratorRunner.RunClean(MvcUsings + """
            namespace Files;

            [Route("files/{name}")]
            [AllowOrigins("https://app.example.com")]
            [PreflightContinue]
            public sealed class FilesController : ControllerBase
            {
                [HttpPut]
                public IActionResult Upload(string name) => NoContent();

                [HttpOptions]
                public IActionResult Options(string name) => Ok("options " + name);
            }
            """);

        SnapshotHarness.Verify(run);
    }
}
