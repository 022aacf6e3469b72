// A user's app: it installs the CorsGen package and calls the generated MapInfoEndpoints().
// The tests start it with --urls http://127.0.0.1:0 and read the bound port from the log.

using Consumer.WebApp;

var builder = WebApplication.CreateBuilder(args);
// JSON without reflection, as trimmed and Native AOT apps need it (harmless otherwise).
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));
var app = builder.Build();
app.MapInfoEndpoints();
app.Run();
