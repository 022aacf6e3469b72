using CorsGen;
using Microsoft.AspNetCore.Http;

namespace CorsGen.Benchmarks;

// One endpoint class per benchmark scenario. Handlers are RequestDelegates that do nothing, so the
// actual-request figures measure CorsGen's part and not minimal-API parameter binding.

[AllowOrigins(Origins.App)]
[AllowHeaders(Headers.H1, Headers.H2, Headers.H3)]
public static partial class SingleOriginEndpoints
{
    [MapGet("/single")] public static Task Get(HttpContext context) => Task.CompletedTask;
    [MapPost("/single")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins(
    "https://o1.example.net", "https://o2.example.net", "https://o3.example.net", "https://o4.example.net",
    "https://o5.example.net", "https://o6.example.net", "https://o7.example.net", "https://o8.example.net",
    "https://o9.example.net", Origins.App)]
public static partial class TenOriginsEndpoints
{
    [MapPost("/ten")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins(
    "https://p00.example.net", "https://p01.example.net", "https://p02.example.net", "https://p03.example.net", "https://p04.example.net",
    "https://p05.example.net", "https://p06.example.net", "https://p07.example.net", "https://p08.example.net", "https://p09.example.net",
    "https://p10.example.net", "https://p11.example.net", "https://p12.example.net", "https://p13.example.net", "https://p14.example.net",
    "https://p15.example.net", "https://p16.example.net", "https://p17.example.net", "https://p18.example.net", "https://p19.example.net",
    "https://p20.example.net", "https://p21.example.net", "https://p22.example.net", "https://p23.example.net", "https://p24.example.net",
    "https://p25.example.net", "https://p26.example.net", "https://p27.example.net", "https://p28.example.net", "https://p29.example.net",
    "https://p30.example.net", "https://p31.example.net", "https://p32.example.net", "https://p33.example.net", "https://p34.example.net",
    "https://p35.example.net", "https://p36.example.net", "https://p37.example.net", "https://p38.example.net", "https://p39.example.net",
    "https://p40.example.net", "https://p41.example.net", "https://p42.example.net", "https://p43.example.net", "https://p44.example.net",
    "https://p45.example.net", "https://p46.example.net", "https://p47.example.net", "https://p48.example.net", "https://p49.example.net",
    "https://p50.example.net", "https://p51.example.net", "https://p52.example.net", "https://p53.example.net", "https://p54.example.net",
    "https://p55.example.net", "https://p56.example.net", "https://p57.example.net", "https://p58.example.net", "https://p59.example.net",
    "https://p60.example.net", "https://p61.example.net", "https://p62.example.net", "https://p63.example.net", "https://p64.example.net",
    "https://p65.example.net", "https://p66.example.net", "https://p67.example.net", "https://p68.example.net", "https://p69.example.net",
    "https://p70.example.net", "https://p71.example.net", "https://p72.example.net", "https://p73.example.net", "https://p74.example.net",
    "https://p75.example.net", "https://p76.example.net", "https://p77.example.net", "https://p78.example.net", "https://p79.example.net",
    "https://p80.example.net", "https://p81.example.net", "https://p82.example.net", "https://p83.example.net", "https://p84.example.net",
    "https://p85.example.net", "https://p86.example.net", "https://p87.example.net", "https://p88.example.net", "https://p89.example.net",
    "https://p90.example.net", "https://p91.example.net", "https://p92.example.net", "https://p93.example.net", "https://p94.example.net",
    "https://p95.example.net", "https://p96.example.net", "https://p97.example.net", "https://p98.example.net", Origins.App)]
public static partial class HundredOriginsEndpoints
{
    [MapPost("/hundred")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins("https://*.example.com")]
public static partial class SubdomainEndpoints
{
    [MapPost("/subdomain")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins("*")]
public static partial class AnyOriginEndpoints
{
    [MapPost("/any")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins(Origins.App)]
[AllowHeaders(
    Headers.H1, Headers.H2, Headers.H3, "x-h04", "x-h05", "x-h06", "x-h07", "x-h08", "x-h09", "x-h10",
    "x-h11", "x-h12", "x-h13", "x-h14", "x-h15", "x-h16", "x-h17", "x-h18", "x-h19", "x-h20")]
public static partial class ListedHeadersEndpoints
{
    [MapPost("/headers")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

[AllowOrigins(Origins.App)]
[AllowHeaders("*")]
public static partial class AnyHeadersEndpoints
{
    [MapPost("/headers-any")] public static Task Post(HttpContext context) => Task.CompletedTask;
}

public static class Origins
{
    public const string App = "https://app.example.com";
    public const string Evil = "https://app.example.com.evil.net";
}

public static class Headers
{
    public const string H1 = "x-h01";
    public const string H2 = "x-h02";
    public const string H3 = "x-h03";
}
