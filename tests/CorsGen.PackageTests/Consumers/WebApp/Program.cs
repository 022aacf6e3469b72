// A user's app: it installs the CorsGen package and calls the generated MapInfoEndpoints().
// The tests start it with --urls http://127.0.0.1:0 and read the bound port from the log.

using Consumer.WebApp;

var app = WebApplication.CreateBuilder(args).Build();
app.MapInfoEndpoints();
app.Run();
