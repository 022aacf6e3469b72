using System.ComponentModel.DataAnnotations;
using CorsGen.Tests.Endpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CorsGen.Tests.Controllers;

/// <summary>The order a client posts: [ApiController] answers a missing or bad one with 400 ProblemDetails.</summary>
public sealed record OrderInput([Required] string? Item, [Range(1, 100)] int Quantity);

/// <summary>
/// An [ApiController] with a class-level policy: the app origin, with credentials and a custom request header.
/// Routes: api/Orders (GET, POST), api/Orders/{id:int} (GET; DELETE without CORS), api/Orders/Replace/{id:int}
/// (PUT, the action name without Async), api/Orders/secret ([Authorize]).
/// </summary>
[ApiController]
[Route("api/[controller]")]
[AllowOrigins(TestOrigins.App)]
[AllowCredentials]
[AllowHeaders("X-Request-Id")]
[ExposeHeaders("X-Order-Count")]
public sealed class OrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult List()
    {
        Response.Headers["X-Order-Count"] = "2";
        return Ok(new[] { "apple", "pear" });
    }

    [HttpGet("{id:int}", Name = "GetOrder")]
    [ProducesResponseType<string>(StatusCodes.Status200OK)]
    public ActionResult<string> Get(int id) => "order-" + id;

    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    public IActionResult Create(OrderInput input) => CreatedAtRoute("GetOrder", new { id = 7 }, input.Item + " x" + input.Quantity);

    [HttpPut("[action]/{id:int}")]
    public Task<IActionResult> ReplaceAsync(int id, OrderInput input) => Task.FromResult<IActionResult>(Ok("replaced-" + id + "-" + input.Item));

    [HttpDelete("{id:int}")]
    [DisableCors]
    public IActionResult Delete(int id) => NoContent();

    [HttpGet("secret")]
    [Authorize]
    public string Secret() => "secret-" + User.Identity!.Name;

    [NonAction]
    public string NotAnAction() => "never routed";
}

/// <summary>An area controller with a named policy (the partner origin) and a method-level refinement.</summary>
[Area("Admin")]
[Route("[area]/[controller]")]
[UseCorsPolicy(typeof(PartnerPolicy))]
public sealed class UsersController : Controller
{
    [HttpPost("[action]")]
    [ActionName("Invite")]
    public IActionResult SendInvitation() => Content("invited");

    [AcceptVerbs("PUT", "PATCH", Route = "{name}")]
    [MaxAge(30)]
    public IActionResult Update(string name) => Content("updated-" + name);

    [HttpGet("/admin-health")]
    public IActionResult Health() => Content("healthy");
}

/// <summary>A controller found by its name alone (no ControllerBase), with an action-level policy only.</summary>
[Route("plain")]
public sealed class PlainController
{
    [HttpPost("echo")]
    [AllowOrigins(TestOrigins.Other)]
    [AllowMethods("POST")]
    public string Echo() => "echo";

    [HttpGet("no-cors")]
    public string NoCors() => "no-cors";
}

/// <summary>A conventionally routed controller: CorsGen compiles nothing for it, WithCors on its group applies.</summary>
public sealed class CatalogController : Controller
{
    public IActionResult Index() => Content("catalog-index");

    [HttpPost]
    public IActionResult Add(int? id) => Content("catalog-add-" + id);
}

/// <summary>The conventional route's default controller.</summary>
public sealed class HomeController : Controller
{
    public IActionResult Index() => Content("home");
}

/// <summary>
/// An OPTIONS action at a CORS pattern: plain OPTIONS requests reach it, and with [PreflightContinue] an allowed
/// preflight is handed on to it after CorsGen has written the CORS headers.
/// </summary>
[Route("files/{name}")]
[AllowOrigins(TestOrigins.App)]
[PreflightContinue]
public sealed class FilesController : ControllerBase
{
    [HttpPut]
    public IActionResult Upload(string name) => Content("uploaded-" + name);

    [HttpOptions]
    public IActionResult Options(string name) => Content("options-" + name);
}
