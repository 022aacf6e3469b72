using System.ComponentModel.DataAnnotations;
using CorsGen;
using Microsoft.AspNetCore.Mvc;

namespace Consumer.Controllers;

public sealed record OrderInput([Required] string? Item);

[ApiController]
[Route("api/[controller]")]
[AllowOrigins("http://127.0.0.1:9000")]
[AllowCredentials]
public sealed class OrdersController : ControllerBase
{
    [HttpPost]
    public IActionResult Create(OrderInput input) => Created("/api/Orders/1", input);
}
