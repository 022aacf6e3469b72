namespace CorsGen.Tests.Endpoints;

/// <summary>Origins used by the endpoint classes under test and by the tests themselves.</summary>
public static class TestOrigins
{
    public const string App = "https://app.example.com";
    public const string Other = "https://other.example.net";
    public const string LocalDev = "http://localhost:5173";
    public const string Evil = "https://evil.net";

    public const string SubdomainPattern = "https://*.example.com";
    public const string PortSubdomainPattern = "http://*.dev.test:8080";
}
