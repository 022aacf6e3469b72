namespace CorsGen.Tests.Endpoints;

/// <summary>
/// Origins the attack suite needs beyond <see cref="TestOrigins"/>: an IPv4 and an IPv6 loopback
/// origin with ports, an IDN host in its punycode (serialized) form, and a host without a port.
/// Mapped only by the attack suite (Security/AttackVectorTests).
/// </summary>
[AllowOrigins(Loopback, LoopbackV6, Idn, PlainLocalhost)]
[AllowHeaders("X-Api-Key")]
public static partial class SecurityEndpoints
{
    public const string Loopback = "http://127.0.0.1:9000";
    public const string LoopbackV6 = "http://[::1]:8080";
    public const string Idn = "https://xn--bcher-kva.example"; // bücher.example
    public const string PlainLocalhost = "http://localhost";

    [MapGet("/security/hosts")]
    public static string Get() => "security-get";

    [MapPost("/security/hosts")]
    public static string Post() => "security-post";
}
