namespace CorsGen.Tests.Endpoints;

/// <summary>Credentialed requests from two origins.</summary>
[AllowOrigins(TestOrigins.App, TestOrigins.Other)]
[AllowCredentials]
[AllowHeaders("Authorization", "X-Csrf-Token")]
[ExposeHeaders("X-Csrf-Token")]
public static partial class CredentialsEndpoints
{
    [MapGet("/credentials")]
    public static string Get() => "credentials-get";

    [MapPost("/credentials")]
    public static string Post() => "credentials-post";
}
