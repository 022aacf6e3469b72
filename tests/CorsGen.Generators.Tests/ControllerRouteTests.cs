using Microsoft.CodeAnalysis;

namespace CorsGen.Generators.Tests;

/// <summary>
/// The routes CorsGen reads from a controller are the ones MVC maps: its rules for controllers, actions and
/// selectors, template combination and token replacement (each case as ASP.NET Core's routing docs describe it).
/// </summary>
public sealed class ControllerRouteTests
{
    private static List<string> Routes(string controllerBody, string classAttributes = "[Route(\"api/[controller]\")]", string name = "OrdersController", string baseType = "ControllerBase", string extra = "")
    {
        var compilation = GeneratorRunner.CreateCompilation($$"""
            using CorsGen;
            using Microsoft.AspNetCore.Mvc;

            namespace App;

            {{extra}}
            {{classAttributes}}
            [AllowOrigins("https://app.example.com")]
            public class {{name}} : {{baseType}}
            {
            {{controllerBody}}
            }
            """);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var type = compilation.GetTypeByMetadataName("App." + name)!;
        Assert.True(CorsGenerator.Parser.IsController(type), $"{name} should be a controller");
        return CorsGenerator.Parser.ParseController(type, CancellationToken.None).Routes
            .Select(r => $"{string.Join(",", r.HttpMethods)} {r.Pattern} {r.MethodName}")
            .ToList();
    }

    [Theory]
    [InlineData("[HttpGet] public void List() { }", "GET api/Orders List")]
    [InlineData("[HttpGet(\"{id:int}\")] public void Get(int id) { }", "GET api/Orders/{id:int} Get")]
    [InlineData("[HttpGet(\"\")] public void Empty() { }", "GET api/Orders Empty")]
    [InlineData("[HttpGet(\"/health\")] public void Health() { }", "GET health Health")]
    [InlineData("[HttpGet(\"~/ping/\")] public void Ping() { }", "GET ping Ping")]
    [InlineData("[HttpPost(\"[action]\")] public void Submit() { }", "POST api/Orders/Submit Submit")]
    [InlineData("[HttpPost(\"[action]\")] public System.Threading.Tasks.Task SubmitAsync() => System.Threading.Tasks.Task.CompletedTask;", "POST api/Orders/Submit SubmitAsync")]
    [InlineData("[HttpPost(\"[action]\"), ActionName(\"Send\")] public System.Threading.Tasks.Task SubmitAsync() => System.Threading.Tasks.Task.CompletedTask;", "POST api/Orders/Send SubmitAsync")]
    [InlineData("[HttpGet(\"[[literal]]/[ACTION]\")] public void Tokens() { }", "GET api/Orders/[literal]/Tokens Tokens")]
    [InlineData("[AcceptVerbs(\"get\", \"Post\", Route = \"v\")] public void Verbs() { }", "GET,POST api/Orders/v Verbs")]
    [InlineData("[AcceptVerbs(\"PUT\")] public void Put() { }", "PUT api/Orders Put")]
    public void One_route(string action, string expected)
    {
        Assert.Equal([expected], Routes(action));
    }

    [Fact]
    public void Route_groups_the_templateless_method_attributes_into_one_selector()
    {
        // [HttpGet] [HttpPost] [Route("x")]: one selector, x for GET and POST.
        Assert.Equal(["GET,POST api/Orders/x Both"], Routes("[HttpGet, HttpPost, Route(\"x\")] public void Both() { }"));
    }

    [Fact]
    public void Method_attributes_with_templates_are_selectors_of_their_own()
    {
        Assert.Equal(
            ["GET api/Orders/a Two", "POST api/Orders/b Two"],
            Routes("[HttpGet(\"a\"), HttpPost(\"b\")] public void Two() { }"));
    }

    [Fact]
    public void A_templateless_method_attribute_beside_a_templated_one_takes_the_controller_route()
    {
        Assert.Equal(
            ["POST api/Orders/b Mixed", "GET api/Orders Mixed"],
            Routes("[HttpGet, HttpPost(\"b\")] public void Mixed() { }"));
    }

    [Fact]
    public void Every_controller_route_combines_with_every_action_route()
    {
        Assert.Equal(
            ["GET v1/Orders/{id} Get", "GET v2/Orders/{id} Get", "GET absolute Abs"],
            Routes("[HttpGet(\"{id}\")] public void Get(int id) { } [HttpGet(\"/absolute\")] public void Abs() { }", "[Route(\"v1/[controller]\"), Route(\"v2/[controller]\")]"));
    }

    [Fact]
    public void Area_token_and_inherited_class_route()
    {
        Assert.Equal(
            ["POST Admin/Users/Invite Invite"],
            Routes(
                "[HttpPost(\"[action]\")] public void Invite() { }",
                classAttributes: "[Area(\"Admin\")]",
                name: "UsersController",
                baseType: "AdminBase",
                extra: "[Route(\"[area]/[controller]\")] public abstract class AdminBase : Controller { }"));
    }

    [Fact]
    public void Inherited_actions_count_and_overridden_ones_once()
    {
        Assert.Equal(
            ["GET api/Orders/own Own", "GET api/Orders/virtual Virtual", "GET api/Orders/base Base"],
            Routes(
                "[HttpGet(\"own\")] public void Own() { } [HttpGet(\"virtual\")] public override void Virtual() { }",
                baseType: "OrdersBase",
                extra: "public abstract class OrdersBase : ControllerBase { [HttpGet(\"base\")] public void Base() { } [HttpGet(\"old\")] public virtual void Virtual() { } }"));
    }

    [Fact]
    public void What_MVC_does_not_take_for_an_action_gives_no_route()
    {
        Assert.Empty(Routes("""
            [HttpGet("a"), NonAction] public void NotAnAction() { }
            [HttpGet("b")] public static void Static() { }
            [HttpGet("c")] protected void Protected() { }
            [HttpGet("d")] public void Generic<T>() { }
            public string Name { [HttpGet("e")] get; set; } = "";
            public override string ToString() => "";
            """));
    }

    [Fact]
    public void Controller_name_keeps_a_name_without_the_suffix()
    {
        Assert.Equal(["GET Things Get"], Routes("[HttpGet] public void Get() { }", "[Route(\"[controller]\")]", name: "Things"));
    }

    [Theory]
    [InlineData("public sealed class OrdersController : ControllerBase { }", true)]
    [InlineData("public sealed class Orders : ControllerBase { }", true)] // [Controller] on ControllerBase
    [InlineData("public sealed class OrdersController { }", true)] // the name alone
    [InlineData("public sealed class Orderscontroller { }", true)] // compared ignoring case
    [InlineData("public sealed class Orders { }", false)]
    [InlineData("public abstract class OrdersController : ControllerBase { }", false)]
    [InlineData("internal sealed class OrdersController : ControllerBase { }", false)]
    [InlineData("public sealed class OrdersController<T> : ControllerBase { }", false)]
    [InlineData("[NonController] public sealed class OrdersController : ControllerBase { }", false)]
    [InlineData("[Controller] public sealed class Orders { }", true)]
    public void What_is_a_controller(string declaration, bool expected)
    {
        var compilation = GeneratorRunner.CreateCompilation("using Microsoft.AspNetCore.Mvc; namespace App; " + declaration);
        var type = compilation.GetSymbolsWithName(n => n.StartsWith("Orders", StringComparison.OrdinalIgnoreCase), SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();

        Assert.Equal(expected, CorsGenerator.Parser.IsController(type));
    }

    [Theory]
    [InlineData("api", "orders", "api/orders")]
    [InlineData("api/", "orders", "api/orders")]
    [InlineData("/api/", "orders/", "api/orders")]
    [InlineData("api", "/orders", "orders")]
    [InlineData("api", "~/orders", "orders")]
    [InlineData("api", null, "api")]
    [InlineData(null, "orders", "orders")]
    [InlineData("", "orders", "orders")]
    [InlineData("api", "", "api")]
    [InlineData(null, "~/", "")]
    [InlineData(null, null, null)]
    public void CombineTemplates_as_MVC(string? prefix, string? template, string? expected)
    {
        Assert.Equal(expected, CorsGenerator.Parser.CombineTemplates(prefix, template));
    }

    [Theory]
    [InlineData("api/[controller]/[action]", "api/Orders/List", null)]
    [InlineData("[[x]]/[Controller]", "[x]/Orders", null)]
    [InlineData("api/[unknown]", null, "[unknown]")]
    [InlineData("api/[controller", null, "[controller")]
    [InlineData("api/x]", null, "]")]
    [InlineData("api/[]", null, "[]")]
    public void ReplaceTokens_as_MVC(string template, string? expected, string? badToken)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["controller"] = "Orders", ["action"] = "List" };

        Assert.Equal(expected, CorsGenerator.Parser.ReplaceTokens(template, values, out var bad));
        Assert.Equal(badToken, bad);
    }
}
