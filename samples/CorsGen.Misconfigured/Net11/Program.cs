using CorsGen;
using Microsoft.AspNetCore.Mvc;

var builder = WebApplication.CreateBuilder(args);
// CORSGEN031: on ASP.NET Core 11 this becomes the cross-origin trust list of every CorsGen route.
builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins("https://partner.example").AllowCredentials()));
// No builder.Services.AddCorsGen(): CORSGEN030 below.
var app = builder.Build();
app.MapProfileEndpoints();
app.Run();

[AllowOrigins("https://app.example.com")]
[AllowCredentials]
static partial class ProfileEndpoints
{
    // CORSGEN030: a credentialed form route, and nothing calls AddCorsGen().
    [MapPost("/profile")]
    public static string Update([FromForm] string name) => "updated " + name;
}
