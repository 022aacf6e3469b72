using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using CorsGen.EndpointKinds;
using CorsGen.MigrationTests.Harness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;

namespace CorsGen.MigrationTests.Apps
{
    /// <summary>
    /// App 5, an MVC controllers API with a SignalR hub: an <c>[ApiController]</c> with
    /// <c>[EnableCors("Storefront")]</c> on the class and <c>[DisableCors]</c> on its DELETE action, a
    /// controller with <c>[EnableCors]</c> on one action only, and the chat app's hub with its policy. The
    /// port puts CorsGen's attributes on the same controllers (<c>[UseCorsPolicy(typeof(Storefront))]</c>,
    /// CorsGen's <c>[DisableCors]</c>), maps them with the generated <c>MapCorsGenControllers()</c> instead of
    /// <c>MapControllers()</c>, and maps the hub in <c>WithCors</c>: attributes on the controllers and one
    /// call per other endpoint kind.
    /// </summary>
    public static class CatalogApp
    {
        public static MigrationApp Definition { get; } = new("catalog", AspNetCore, CorsGen);

        /// <summary>The original.</summary>
        public static WebApplication AspNetCore(WebApplicationBuilder builder)
        {
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Storefront", policy => policy
                    .WithOrigins(MigrationOrigins.Page)
                    .WithMethods("GET", "POST", "PUT")
                    .WithHeaders("Content-Type", "X-Api-Version")
                    .WithExposedHeaders("X-Total-Count")
                    .AllowCredentials());
                options.AddChatClientsPolicy();
            });
            builder.AddCatalog(typeof(Catalog.Original.ProductsController), typeof(Catalog.Original.StatusController));
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.MapHub<ChatHub>(EndpointKindAssets.HubPath).RequireCors("ChatClients");
            return app;
        }

        /// <summary>The port: the named policy becomes a <c>[CorsPolicy]</c> class, <c>UseCors()</c> goes, <c>MapControllers()</c> is the generated call.</summary>
        public static WebApplication CorsGen(WebApplicationBuilder builder)
        {
            builder.AddCatalog(typeof(Catalog.Port.ProductsController), typeof(Catalog.Port.StatusController));
            var app = builder.Build();
            app.MapCorsGenControllers();
            app.WithCors(ChatClients.Policy).MapHub<ChatHub>(EndpointKindAssets.HubPath);
            return app;
        }

        // Both versions' controllers are compiled into this assembly: each version's MVC sees only its own.
        private static void AddCatalog(this WebApplicationBuilder builder, params Type[] controllers)
        {
            // ProblemDetails without the per-request traceId, so the two versions' 400 and 404 bodies compare.
            builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context => context.ProblemDetails.Extensions.Remove("traceId"));
            builder.Services.AddControllers().ConfigureApplicationPartManager(parts =>
            {
                parts.ApplicationParts.Clear();
                parts.ApplicationParts.Add(new ControllerTypesPart(controllers));
            });
            builder.Services.AddSignalR();
            builder.Services.AddSingleton<ProductStore>();
            builder.Services.AddSingleton<IAppState>(s => s.GetRequiredService<ProductStore>());
        }

        private sealed class ControllerTypesPart(Type[] types) : ApplicationPart, IApplicationPartTypeProvider
        {
            public override string Name => "catalog controllers";

            public IEnumerable<TypeInfo> Types => types.Select(t => t.GetTypeInfo());
        }
    }

    /// <summary>
    /// The port's policy. <c>Content-Type</c> is always allowed by CorsGen, so only <c>X-Api-Version</c> is listed.
    /// </summary>
    [CorsPolicy]
    [AllowOrigins(MigrationOrigins.Page)]
    [AllowMethods("GET", "POST", "PUT")]
    [AllowHeaders("X-Api-Version")]
    [ExposeHeaders("X-Total-Count")]
    [AllowCredentials]
    public static partial class Storefront;

    public sealed record Product(int Id, string Name, decimal Price);

    /// <summary>What a client posts: <c>[ApiController]</c> answers a missing name or a bad price with 400 ProblemDetails.</summary>
    public sealed record ProductInput([Required] string? Name, [Range(0.01, 10_000)] decimal Price);

    public sealed class ProductStore : IAppState
    {
        private readonly ConcurrentDictionary<int, Product> _products = new();
        private int _lastId;

        public ProductStore() => Reset();

        public void Reset()
        {
            _products.Clear();
            _products[1] = new Product(1, "kettle", 39.5m);
            _lastId = 1;
        }

        public IReadOnlyList<Product> All() => _products.Values.OrderBy(p => p.Id).ToList();

        public Product? Find(int id) => _products.GetValueOrDefault(id);

        public Product Add(ProductInput input)
        {
            var product = new Product(Interlocked.Increment(ref _lastId), input.Name!, input.Price);
            _products[product.Id] = product;
            return product;
        }

        public bool Replace(int id, ProductInput input) => _products.ContainsKey(id) && (_products[id] = new Product(id, input.Name!, input.Price)) is not null;

        public bool Remove(int id) => _products.TryRemove(id, out _);
    }

    /// <summary>The actions' bodies, the same in both versions: CORS is only in the attributes.</summary>
    internal static class CatalogActions
    {
        public static IActionResult List(ControllerBase controller, ProductStore store)
        {
            var all = store.All();
            controller.Response.Headers["X-Total-Count"] = all.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return controller.Ok(all);
        }

        public static IActionResult Get(ControllerBase controller, ProductStore store, int id) =>
            store.Find(id) is { } product ? controller.Ok(product) : controller.NotFound();

        public static IActionResult Create(ControllerBase controller, ProductStore store, ProductInput input)
        {
            var product = store.Add(input);
            return controller.Created($"/api/Products/{product.Id}", product);
        }

        public static IActionResult Replace(ControllerBase controller, ProductStore store, int id, ProductInput input) =>
            store.Replace(id, input) ? controller.NoContent() : controller.NotFound();

        public static IActionResult Delete(ControllerBase controller, ProductStore store, int id) =>
            store.Remove(id) ? controller.NoContent() : controller.NotFound();
    }
}

namespace CorsGen.MigrationTests.Apps.Catalog.Original
{
    using Microsoft.AspNetCore.Cors;

    [ApiController]
    [Route("api/[controller]")]
    [EnableCors("Storefront")]
    public sealed class ProductsController(ProductStore store) : ControllerBase
    {
        [HttpGet]
        public IActionResult List() => CatalogActions.List(this, store);

        [HttpGet("{id:int}")]
        public IActionResult Get(int id) => CatalogActions.Get(this, store, id);

        [HttpPost]
        public IActionResult Create(ProductInput input) => CatalogActions.Create(this, store, input);

        [HttpPut("{id:int}")]
        public IActionResult Replace(int id, ProductInput input) => CatalogActions.Replace(this, store, id, input);

        [HttpDelete("{id:int}")]
        [DisableCors]
        public IActionResult Delete(int id) => CatalogActions.Delete(this, store, id);
    }

    [ApiController]
    [Route("api/[controller]")]
    public sealed class StatusController : ControllerBase
    {
        [HttpGet("public")]
        [EnableCors("Storefront")]
        public string Public() => "open";

        [HttpGet("internal")]
        public string Internal() => "internal";
    }
}

namespace CorsGen.MigrationTests.Apps.Catalog.Port
{
    using DisableCorsAttribute = global::CorsGen.DisableCorsAttribute;

    [ApiController]
    [Route("api/[controller]")]
    [UseCorsPolicy(typeof(Storefront))]
    public sealed class ProductsController(ProductStore store) : ControllerBase
    {
        [HttpGet]
        public IActionResult List() => CatalogActions.List(this, store);

        [HttpGet("{id:int}")]
        public IActionResult Get(int id) => CatalogActions.Get(this, store, id);

        [HttpPost]
        public IActionResult Create(ProductInput input) => CatalogActions.Create(this, store, input);

        [HttpPut("{id:int}")]
        public IActionResult Replace(int id, ProductInput input) => CatalogActions.Replace(this, store, id, input);

        [HttpDelete("{id:int}")]
        [DisableCors]
        public IActionResult Delete(int id) => CatalogActions.Delete(this, store, id);
    }

    [ApiController]
    [Route("api/[controller]")]
    public sealed class StatusController : ControllerBase
    {
        [HttpGet("public")]
        [UseCorsPolicy(typeof(Storefront))]
        public string Public() => "open";

        [HttpGet("internal")]
        public string Internal() => "internal";
    }
}
