using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CorsGen.BrowserTests.Controllers;

/// <summary>Where the controllers page is served (127.0.0.1 only), compiled into the controller's attributes.</summary>
public static class ControllerPageOrigins
{
    public const int PagePort = 47392;

    public const string Page = "http://127.0.0.1:47392";

    /// <summary>The same page server under another host name: an origin nothing allows.</summary>
    public const string ForeignPage = "http://localhost:47392";
}

/// <summary>What the page posts; [ApiController] answers a bad one with 400 ProblemDetails.</summary>
public sealed record CartItem([Required] string? Item, [Range(1, 10)] int Quantity);

/// <summary>A credentialed JSON API as a controller: a session cookie, and a JSON POST that reads it.</summary>
[ApiController]
[Route("api/[controller]")]
[AllowOrigins(ControllerPageOrigins.Page)]
[AllowCredentials]
public sealed class CartController : ControllerBase
{
    public const string Cookie = "cart-session";

    [HttpGet("[action]")]
    public IActionResult Login()
    {
        Response.Cookies.Append(Cookie, "alice", new CookieOptions { SameSite = SameSiteMode.Lax, HttpOnly = true });
        return Ok("logged-in");
    }

    [HttpPost]
    public IActionResult Add(CartItem item) =>
        Created("/api/Cart/1", new { item.Item, item.Quantity, Owner = Request.Cookies[Cookie] ?? "anonymous" });
}
