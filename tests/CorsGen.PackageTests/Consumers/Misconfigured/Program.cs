// ASP.NET Core CORS mistakes, which CorsGen's analyzers find in code that does not use CorsGen's attributes.
// A comment "expect <severity> CORSGENnnn" marks the line each diagnostic points at.

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("any-with-cookies", policy => policy.AllowAnyOrigin().AllowCredentials()); // expect error CORSGEN012
});

var app = builder.Build();
app.UseCors("any-with-cookies"); // expect warning CORSGEN017
app.Run();
