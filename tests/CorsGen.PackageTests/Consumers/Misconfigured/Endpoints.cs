// CorsGen attribute mistakes. A comment "expect <severity> CORSGENnnn" marks the line each diagnostic points at.

using CorsGen;

namespace Consumer.Misconfigured;

[AllowOrigins("*"), AllowCredentials] // expect error CORSGEN002
public static partial class WildcardWithCredentials
{
    [MapGet("/wildcard-credentials")]
    public static string Get() => "";
}

[AllowOrigins("https://app.example.com/")] // expect error CORSGEN003
public static partial class TrailingSlashOrigin
{
    [MapGet("/trailing-slash")]
    public static string Get() => "";
}

[AllowOrigins("null")] // expect warning CORSGEN004
public static partial class NullOrigin
{
    [MapGet("/null-origin")]
    public static string Get() => "";
}

[AllowOrigins("https://app.example.com")]
public class NotStaticPartial // expect error CORSGEN009
{
    [MapGet("/not-static-partial")]
    public static string Get() => "";
}
