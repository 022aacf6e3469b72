using System.Collections.Concurrent;
using CorsGen.MigrationTests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.MigrationTests.Apps;

/// <summary>
/// App 1, the minimal-API todo app of the ASP.NET Core tutorial: one route group, and a global
/// default policy (<c>WithOrigins(...).AllowAnyHeader().AllowAnyMethod()</c>) applied by <c>UseCors()</c>,
/// so 404s of unmapped paths, routing's 405/415 and preflights to any path carry CORS headers too.
/// </summary>
public static class TodoApp
{
    public static MigrationApp Definition { get; } = new("todo", AspNetCore, CorsGen);

    /// <summary>The original.</summary>
    public static WebApplication AspNetCore(WebApplicationBuilder builder)
    {
        builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy
            .WithOrigins(MigrationOrigins.Page)
            .AllowAnyHeader()
            .AllowAnyMethod()));
        builder.Services.AddTodoStore();
        var app = builder.Build();
        app.UseCors();
        app.MapTodoItems();
        return app;
    }

    /// <summary>The port: the default policy becomes a <c>[CorsPolicy]</c> class, <c>UseCors()</c> the app-wide <c>UseCorsGen(policy)</c>.</summary>
    public static WebApplication CorsGen(WebApplicationBuilder builder)
    {
        builder.Services.AddTodoStore();
        var app = builder.Build();
        app.UseCorsGen(TodoCors.Policy);
        app.MapTodoItems();
        return app;
    }

    private static void AddTodoStore(this IServiceCollection services)
    {
        services.AddSingleton<TodoStore>();
        services.AddSingleton<IAppState>(s => s.GetRequiredService<TodoStore>());
    }

    /// <summary>The routes, the same in both versions: CORS is not written on them.</summary>
    private static RouteGroupBuilder MapTodoItems(this IEndpointRouteBuilder app)
    {
        var todoItems = app.MapGroup("/todoitems");
        todoItems.MapGet("/", (TodoStore store) => store.All());
        todoItems.MapGet("/complete", (TodoStore store) => store.All().Where(t => t.IsComplete));
        todoItems.MapGet("/{id:int}", Results<Ok<Todo>, NotFound> (int id, TodoStore store) =>
            store.Find(id) is { } todo ? TypedResults.Ok(todo) : TypedResults.NotFound());
        todoItems.MapPost("/", (Todo todo, TodoStore store) =>
        {
            var created = store.Add(todo);
            return TypedResults.Created($"/todoitems/{created.Id}", created);
        });
        todoItems.MapPut("/{id:int}", Results<NoContent, NotFound> (int id, Todo todo, TodoStore store) =>
            store.Replace(id, todo) ? TypedResults.NoContent() : TypedResults.NotFound());
        todoItems.MapDelete("/{id:int}", Results<NoContent, NotFound> (int id, TodoStore store) =>
            store.Remove(id) ? TypedResults.NoContent() : TypedResults.NotFound());
        return todoItems;
    }
}

/// <summary>The port's policy: <c>AllowAnyHeader()</c> is <c>[AllowHeaders("*")]</c>, <c>AllowAnyMethod()</c> <c>[AllowMethods("*")]</c>.</summary>
[CorsPolicy]
[AllowOrigins(MigrationOrigins.Page)]
[AllowHeaders("*")]
[AllowMethods("*")]
public static partial class TodoCors;

public sealed record Todo(int Id, string Name, bool IsComplete);

/// <summary>The tutorial's database, in memory.</summary>
public sealed class TodoStore : IAppState
{
    private readonly ConcurrentDictionary<int, Todo> _items = new();
    private int _lastId;

    public TodoStore() => Reset();

    public void Reset()
    {
        _items.Clear();
        _items[1] = new Todo(1, "walk the dog", false);
        _items[2] = new Todo(2, "water the plants", true);
        _lastId = 2;
    }

    public IEnumerable<Todo> All() => _items.Values.OrderBy(t => t.Id);

    public Todo? Find(int id) => _items.GetValueOrDefault(id);

    public Todo Add(Todo todo)
    {
        var created = todo with { Id = Interlocked.Increment(ref _lastId) };
        _items[created.Id] = created;
        return created;
    }

    public bool Replace(int id, Todo todo) => _items.ContainsKey(id) && (_items[id] = todo with { Id = id }) is not null;

    public bool Remove(int id) => _items.TryRemove(id, out _);
}
