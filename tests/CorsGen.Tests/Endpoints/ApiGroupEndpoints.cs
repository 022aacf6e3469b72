namespace CorsGen.Tests.Endpoints;

/// <summary>Mapped under app.MapGroup("/api").</summary>
[AllowOrigins(TestOrigins.App)]
[AllowHeaders("X-Api-Key")]
public static partial class ApiGroupEndpoints
{
    [MapGet("/items")]
    public static string List() => "items";

    [MapGet("/items/{id:int}")]
    public static string Get(int id) => $"item-{id}";

    [MapPost("/items")]
    public static Item Create(Item item) => item with { Name = item.Name + "-created" };

    public sealed record Item(int Id, string Name);
}
