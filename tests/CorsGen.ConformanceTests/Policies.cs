using System.Text;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CorsGen.ConformanceTests;

/// <summary>
/// One CORS policy as written in CorsGen's attributes. A null list is an absent attribute;
/// <c>["*"]</c> is the wildcard.
/// </summary>
public sealed record PolicySpec(
    IReadOnlyList<string> Origins,
    IReadOnlyList<string>? Methods,
    IReadOnlyList<string>? Headers,
    IReadOnlyList<string>? ExposeHeaders,
    bool Credentials,
    int? MaxAge)
{
    public bool AnyOrigin => Origins is ["*"];

    public bool AnyMethod => Methods is ["*"];

    public bool AnyHeader => Headers is ["*"];

    public IEnumerable<string> Patterns => Origins.Where(o => o.Contains("://*.", StringComparison.Ordinal));

    /// <summary>The attribute lines, as the endpoint class carries them.</summary>
    public IEnumerable<string> Attributes()
    {
        yield return $"[AllowOrigins({Literals(Origins)})]";
        if (Methods is not null)
        {
            yield return $"[AllowMethods({Literals(Methods)})]";
        }

        if (Headers is not null)
        {
            yield return $"[AllowHeaders({Literals(Headers)})]";
        }

        if (ExposeHeaders is not null)
        {
            yield return $"[ExposeHeaders({Literals(ExposeHeaders)})]";
        }

        if (Credentials)
        {
            yield return "[AllowCredentials]";
        }

        if (MaxAge is { } seconds)
        {
            yield return $"[MaxAge({seconds})]";
        }
    }

    private static string Literals(IEnumerable<string> values) => string.Join(", ", values.Select(v => "\"" + v + "\""));
}

/// <summary>One route of an endpoint class: a pattern, one method, and the policy in force on it (null: [DisableCors]).</summary>
public sealed record RouteSpec(string Pattern, string Method, string RequestPath, PolicySpec? MethodPolicy, bool Disabled);

/// <summary>
/// A random endpoint class: a class-level policy, two to four routes at its own pattern (one maybe
/// <c>[DisableCors]</c>), and sometimes a second pattern whose one route replaces the class's policy.
/// </summary>
public sealed record EndpointClassSpec(int Id, PolicySpec ClassPolicy, IReadOnlyList<RouteSpec> Routes)
{
    public string Name => $"P{Id}Endpoints";

    public string MapMethodName => $"Map{Name}";

    /// <summary>The policy CorsGen applies to a route: the method's own attributes, else the class's.</summary>
    public PolicySpec? EffectivePolicy(RouteSpec route) => route.Disabled ? null : route.MethodPolicy ?? ClassPolicy;

    /// <summary>
    /// The methods a preflight may ask for at <paramref name="pattern"/> (behaviour.md "Defaults"):
    /// the policy's [AllowMethods], else the methods mapped there by CORS routes with that policy.
    /// </summary>
    public IReadOnlyList<string> AllowedMethods(string pattern, PolicySpec policy) =>
        policy.Methods ?? [.. Routes.Where(r => r.Pattern == pattern && !r.Disabled && EffectivePolicy(r) == policy).Select(r => r.Method).Distinct()];

    public string Source()
    {
        var text = new StringBuilder();
        foreach (var attribute in ClassPolicy.Attributes())
        {
            text.AppendLine(attribute);
        }

        text.AppendLine($"public static partial class {Name}");
        text.AppendLine("{");
        for (var i = 0; i < Routes.Count; i++)
        {
            var route = Routes[i];
            text.AppendLine(route.Method switch
            {
                "GET" or "POST" or "PUT" or "PATCH" or "DELETE" => $"    [Map{route.Method[0]}{route.Method[1..].ToLowerInvariant()}(\"{route.Pattern}\")]",
                _ => $"    [MapMethods(\"{route.Pattern}\", \"{route.Method}\")]",
            });
            if (route.Disabled)
            {
                text.AppendLine("    [DisableCors]");
            }

            foreach (var attribute in route.MethodPolicy?.Attributes() ?? [])
            {
                text.AppendLine("    " + attribute);
            }

            text.AppendLine($"    public static string Route{i}() => \"ok\";");
        }

        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>The same policy for ASP.NET Core's middleware, built as its documentation says.</summary>
    public CorsPolicy AspNetCorePolicy(RouteSpec route)
    {
        var builder = new CorsPolicyBuilder();
        ConfigureAspNetCorePolicy(builder, route);
        return builder.Build();
    }

    public void ConfigureAspNetCorePolicy(CorsPolicyBuilder builder, RouteSpec route)
    {
        var policy = EffectivePolicy(route) ?? throw new InvalidOperationException("a [DisableCors] route has no policy");
        if (policy.AnyOrigin)
        {
            builder.AllowAnyOrigin();
        }
        else
        {
            builder.WithOrigins([.. policy.Origins]);
            if (policy.Patterns.Any())
            {
                builder.SetIsOriginAllowedToAllowWildcardSubdomains();
            }
        }

        var methods = AllowedMethods(route.Pattern, policy);
        if (methods is ["*"])
        {
            builder.AllowAnyMethod();
        }
        else
        {
            builder.WithMethods([.. methods]);
        }

        if (policy.AnyHeader)
        {
            builder.AllowAnyHeader();
        }
        else if (policy.Headers is { } headers)
        {
            builder.WithHeaders([.. headers]);
        }

        if (policy.ExposeHeaders is { } expose)
        {
            builder.WithExposedHeaders([.. expose]);
        }

        if (policy.Credentials)
        {
            builder.AllowCredentials();
        }

        if (policy.MaxAge is { } seconds)
        {
            builder.SetPreflightMaxAge(TimeSpan.FromSeconds(seconds));
        }
    }
}

/// <summary>Draws random endpoint classes from a seeded <see cref="Random"/>.</summary>
public sealed class PolicyGenerator(Random random)
{
    public static readonly string[] ExactOrigins =
    [
        "https://app.example.com", "https://api.example.org", "http://localhost:5173", "http://localhost", "http://127.0.0.1:9000",
        "https://a-b.test", "https://xn--bcher-kva.example", "http://[::1]:8080", "https://shop.example.com:8443", "https://example.com",
        "https://www.example.net", "http://intranet.local:3000",
    ];

    public static readonly string[] SubdomainPatterns =
    [
        "https://*.example.com", "http://*.dev.test:8080", "https://*.example.org", "https://*.a.example.net:8443",
    ];

    public static readonly string[] MappedMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static readonly string[] ExtraMethods = ["PURGE", "REPORT"];

    public static readonly string[] RequestHeaderNames = ["X-Api-Key", "X-Request-Id", "X-Trace", "Authorization", "X-Csrf-Token", "Content-Type", "If-Match"];

    public static readonly string[] ResponseHeaderNames = ["ETag", "X-Total-Count", "X-Request-Id", "Content-Length", "Location"];

    public List<EndpointClassSpec> Classes(int count) => [.. Enumerable.Range(0, count).Select(Class)];

    private EndpointClassSpec Class(int id)
    {
        var policy = Policy();
        var pattern = $"/p{id}";
        var methods = Pick(MappedMethods.Concat(Chance(0.2) ? ExtraMethods : []).ToArray(), 1, 3);
        var routes = methods.Select(m => new RouteSpec(pattern, m, pattern, null, false)).ToList();
        if (Chance(0.2))
        {
            // A [DisableCors] route next to the CORS ones, with a method of its own.
            var other = MappedMethods.Except(methods).ToArray();
            if (other.Length > 0)
            {
                routes.Add(new RouteSpec(pattern, Pick(other), pattern, null, true));
            }
        }

        if (Chance(0.3))
        {
            // A second pattern whose route replaces some of the class's values (method-level attributes replace, never merge).
            var overridePolicy = Override(policy);
            routes.Add(new RouteSpec($"/p{id}/o/{{id:int}}", Pick(MappedMethods), $"/p{id}/o/7", overridePolicy, false));
        }

        return new EndpointClassSpec(id, policy, routes);
    }

    private PolicySpec Policy()
    {
        var origins = Origins();
        var credentials = CanHaveCredentials(origins) && Chance(0.4);
        return new PolicySpec(origins, Methods(), Headers(), Chance(0.4) ? Pick(ResponseHeaderNames, 1, 3) : null, credentials, MaxAge());
    }

    // A method-level attribute replaces the class's value of that attribute; an absent one inherits it,
    // and [AllowCredentials] can only add credentials.
    private PolicySpec Override(PolicySpec policy)
    {
        var origins = Chance(0.5) ? Origins() : policy.Origins;
        if (policy.Credentials && !CanHaveCredentials(origins))
        {
            origins = policy.Origins;
        }

        return policy with
        {
            Origins = origins,
            Credentials = policy.Credentials || (CanHaveCredentials(origins) && Chance(0.3)),
            MaxAge = MaxAge() ?? policy.MaxAge,
            Headers = Headers() ?? policy.Headers,
        };
    }

    // "*" and "null" with credentials are compile-time errors (CORSGEN002, CORSGEN020).
    private static bool CanHaveCredentials(IReadOnlyList<string> origins) => !origins.Contains("*") && !origins.Contains("null");

    private IReadOnlyList<string> Origins()
    {
        var roll = random.NextDouble();
        if (roll < 0.1)
        {
            return ["*"];
        }

        var origins = new List<string>(Pick(ExactOrigins, roll < 0.4 ? 1 : 0, 3));
        if (roll >= 0.4 || origins.Count == 0)
        {
            origins.AddRange(Pick(SubdomainPatterns, 1, 2));
        }

        if (Chance(0.07))
        {
            origins.Add("null");
        }

        return origins;
    }

    private IReadOnlyList<string>? Methods()
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.55 => null,
            < 0.8 => Pick(MappedMethods.Concat(ExtraMethods).ToArray(), 1, 4),
            _ => ["*"],
        };
    }

    private IReadOnlyList<string>? Headers()
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.4 => null,
            < 0.8 => Pick(RequestHeaderNames, 1, 3),
            _ => ["*"],
        };
    }

    private int? MaxAge() => Chance(0.4) ? Pick([0, 5, 60, 600, 7200, 86400]) : null;

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];

    private string[] Pick(string[] values, int min, int max)
    {
        var count = random.Next(min, Math.Min(max, values.Length) + 1);
        return [.. values.OrderBy(_ => random.Next()).Take(count)];
    }
}
