using CorsGen;

namespace Consumer.Surface;

[AllowOrigins("https://app.example.com")]
public static partial class ItemEndpoints
{
    [MapGet("/items")]
    public static string List() => "items";

    [MapPost("/items")]
    public static string Create() => "created";
}

[CorsPolicy]
[AllowOrigins("https://partner.example.com")]
[AllowCredentials]
public static partial class PartnerApi;
