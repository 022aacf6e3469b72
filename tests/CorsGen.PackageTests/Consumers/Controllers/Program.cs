// A user's controllers app: it installs the CorsGen package and maps its controllers with the generated
// MapCorsGenControllers() instead of MapControllers(). The tests start it with --urls http://127.0.0.1:0.

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
var app = builder.Build();
app.MapCorsGenControllers();
app.Run();
