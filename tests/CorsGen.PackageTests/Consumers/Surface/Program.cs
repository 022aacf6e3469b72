using Consumer.Surface;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapItemEndpoints();
app.MapGroup("/partners").WithCors(PartnerApi.Policy).MapGet("/orders", () => "orders");

app.Run();
