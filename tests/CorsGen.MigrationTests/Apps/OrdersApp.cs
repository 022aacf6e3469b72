using System.Collections.Concurrent;
using CorsGen.MigrationTests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.MigrationTests.Apps;

/// <summary>
/// App 3, an orders API behind a credentialed frontend: its origins come from configuration
/// (<c>Cors:AllowedOrigins</c>), its route group has the named policy, and its errors (unknown order,
/// invalid order, a failing backend) are exceptions turned into JSON answers by an
/// <see cref="IExceptionHandler"/> behind <c>UseExceptionHandler()</c>. A correlation id travels in
/// <c>X-Request-Id</c> both ways.
/// </summary>
public static class OrdersApp
{
    public const string OriginsKey = "Cors:AllowedOrigins";

    public static MigrationApp Definition { get; } = new("orders", AspNetCore, CorsGen)
    {
        Configuration = new Dictionary<string, string?>
        {
            [OriginsKey + ":0"] = MigrationOrigins.Page,
            [OriginsKey + ":1"] = "https://admin.example.com",
        },
    };

    /// <summary>The original.</summary>
    public static WebApplication AspNetCore(WebApplicationBuilder builder)
    {
        var origins = builder.Configuration.GetSection(OriginsKey).Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "DELETE")
            .WithHeaders("Content-Type", "X-Request-Id")
            .WithExposedHeaders("X-Request-Id")
            .AllowCredentials()));
        builder.Services.AddOrderServices();
        var app = builder.Build();
        app.UseRequestId();
        app.UseExceptionHandler();
        app.UseCors();
        app.MapGroup("/orders").RequireCors("Frontend").MapOrders();
        return app;
    }

    /// <summary>The port: the configured origins become <c>[AllowOriginsFromConfiguration]</c>, <c>RequireCors</c> on the group <c>WithCors</c>.</summary>
    public static WebApplication CorsGen(WebApplicationBuilder builder)
    {
        builder.Services.AddOrderServices();
        var app = builder.Build();
        app.UseRequestId();
        app.UseExceptionHandler();
        app.MapGroup("/orders").WithCors(Frontend.Policy).MapOrders();
        return app;
    }

    private static void AddOrderServices(this IServiceCollection services)
    {
        services.AddSingleton<OrderStore>();
        services.AddSingleton<IAppState>(s => s.GetRequiredService<OrderStore>());
        services.AddExceptionHandler<OrderExceptionHandler>();
        services.AddProblemDetails();
    }

    /// <summary>Echoes the caller's <c>X-Request-Id</c>, or names the request; set when the response starts, so error answers keep it.</summary>
    private static void UseRequestId(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var id = context.Request.Headers["X-Request-Id"];
            context.Response.Headers["X-Request-Id"] = id.Count == 1 ? id : "server-assigned";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The routes, the same in both versions.</summary>
    private static void MapOrders(this RouteGroupBuilder orders)
    {
        orders.MapGet("/", (OrderStore store) => store.All());
        orders.MapGet("/{id:int}", (int id, OrderStore store) => store.Get(id));
        orders.MapPost("/", (NewOrder order, OrderStore store) =>
        {
            var created = store.Add(order);
            return TypedResults.Created($"/orders/{created.Id}", created);
        });
        orders.MapDelete("/{id:int}", (int id, OrderStore store) =>
        {
            store.Remove(id);
            return TypedResults.NoContent();
        });
        orders.MapGet("/export", string () => throw new InvalidOperationException("the export backend is down"));
    }
}

/// <summary>
/// The port's policy. <c>Content-Type</c> is always allowed by CorsGen, so only <c>X-Request-Id</c> is listed.
/// </summary>
[CorsPolicy]
[AllowOriginsFromConfiguration(OrdersApp.OriginsKey)]
[AllowMethods("GET", "POST", "DELETE")]
[AllowHeaders("X-Request-Id")]
[ExposeHeaders("X-Request-Id")]
[AllowCredentials]
public static partial class Frontend;

public sealed record Order(int Id, string Item, int Quantity);

public sealed record NewOrder(string Item, int Quantity);

public sealed class OrderNotFoundException(int id) : Exception($"order {id} does not exist");

/// <summary>Domain errors as JSON: an unknown order is 404, an invalid one 400, anything else 500.</summary>
public sealed class OrderExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        httpContext.Response.StatusCode = exception switch
        {
            OrderNotFoundException => StatusCodes.Status404NotFound,
            ArgumentException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        await httpContext.Response.WriteAsJsonAsync(new { error = exception.Message }, cancellationToken);
        return true;
    }
}

public sealed class OrderStore : IAppState
{
    private readonly ConcurrentDictionary<int, Order> _orders = new();
    private int _lastId;

    public OrderStore() => Reset();

    public void Reset()
    {
        _orders.Clear();
        _orders[1] = new Order(1, "espresso beans", 2);
        _lastId = 1;
    }

    public IEnumerable<Order> All() => _orders.Values.OrderBy(o => o.Id);

    public Order Get(int id) => _orders.GetValueOrDefault(id) ?? throw new OrderNotFoundException(id);

    public Order Add(NewOrder order)
    {
        if (order.Quantity <= 0)
        {
            throw new ArgumentException("quantity must be positive");
        }

        var created = new Order(Interlocked.Increment(ref _lastId), order.Item, order.Quantity);
        _orders[created.Id] = created;
        return created;
    }

    public void Remove(int id)
    {
        if (!_orders.TryRemove(id, out _))
        {
            throw new OrderNotFoundException(id);
        }
    }
}
