using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace CorsGen.Tests.Endpoints;

public enum Shade
{
    Light,
    Dark,
}

/// <summary>A service the handlers take from DI.</summary>
public sealed class Greeter
{
    public string Greet(string name) => "hello " + name;
}

/// <summary>
/// Handler shapes whose binding minimal APIs infer. CorsGen.Tests runs them through ASP.NET Core's
/// reflection-based binding, CorsGen.AotTests through the request delegates CorsGen generates: the
/// same assertions hold for both.
/// </summary>
[AllowOrigins(TestOrigins.App)]
public static partial class BindingEndpoints
{
    public sealed record Order(string Item, int Quantity);

    [MapGet("/bind/route/{id:int}/{slug}")]
    public static string Route(int id, string slug) => $"route {id} {slug}";

    [MapGet("/bind/optional-route/{id?}")]
    public static string OptionalRoute(int? id) => id is null ? "no id" : $"id {id}";

    [MapGet("/bind/query")]
    public static string Query(int page, string? filter, Shade shade = Shade.Light, Guid? trace = null) =>
        $"page {page} filter {filter ?? "(none)"} shade {shade} trace {trace?.ToString() ?? "(none)"}";

    [MapGet("/bind/named")]
    public static string Named([FromQuery(Name = "p")] int page, [FromHeader(Name = "X-Tenant")] string tenant) => $"page {page} tenant {tenant}";

    [MapGet("/bind/service")]
    public static string Service([FromServices] Greeter greeter, HttpRequest request) => greeter.Greet(request.Query["name"].ToString());

    [MapGet("/bind/inferred-service")]
    public static string InferredService(Greeter greeter) => greeter.Greet("inferred");

    [MapGet("/bind/context")]
    public static string Context(HttpContext context, ClaimsPrincipal user, CancellationToken aborted) =>
        $"{context.Request.Method} {user.Identity?.IsAuthenticated ?? false} {aborted.CanBeCanceled}";

    [MapPost("/bind/body")]
    public static Order Body(Order order) => order with { Quantity = order.Quantity * 2 };

    [MapPost("/bind/optional-body")]
    public static string OptionalBody([FromBody] Order? order = null) => order is null ? "no body" : order.Item;

    [MapPost("/bind/async")]
    public static async Task<IResult> Async(Order order)
    {
        await Task.Yield();
        return Results.Created("/bind/async/1", order);
    }

    [MapGet("/bind/value-task")]
    public static ValueTask<string> ValueTaskText() => ValueTask.FromResult("value task");

    [MapDelete("/bind/void/{id:int}")]
    public static void Void(int id, HttpResponse response) => response.Headers["X-Deleted"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [MapGet("/bind/typed")]
    public static Microsoft.AspNetCore.Http.HttpResults.Ok<Order> Typed() => TypedResults.Ok(new Order("typed", 1));
}
