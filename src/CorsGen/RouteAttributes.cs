namespace CorsGen;

/// <summary>
/// Base of the CorsGen route attributes. The generator reads these at compile time and maps the
/// method with the framework's own <c>Map*</c> method, so binding, DI, results and filters work as
/// in hand-written minimal-API code.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public abstract class CorsGenRouteAttribute : Attribute
{
    /// <summary>Creates the attribute for one ASP.NET Core route template.</summary>
    /// <param name="pattern">An ASP.NET Core route template such as <c>"/info/{id:int}"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is <see langword="null"/>.</exception>
    protected CorsGenRouteAttribute(string pattern)
    {
        Pattern = pattern ?? throw new ArgumentNullException(nameof(pattern));
    }

    /// <summary>The route template, as written.</summary>
    public string Pattern { get; }
}

/// <summary>Maps the static method as a <c>GET</c> endpoint at <see cref="CorsGenRouteAttribute.Pattern"/>.</summary>
/// <param name="pattern">An ASP.NET Core route template.</param>
public sealed class MapGetAttribute(string pattern) : CorsGenRouteAttribute(pattern);

/// <summary>Maps the static method as a <c>POST</c> endpoint at <see cref="CorsGenRouteAttribute.Pattern"/>.</summary>
/// <param name="pattern">An ASP.NET Core route template.</param>
public sealed class MapPostAttribute(string pattern) : CorsGenRouteAttribute(pattern);

/// <summary>Maps the static method as a <c>PUT</c> endpoint at <see cref="CorsGenRouteAttribute.Pattern"/>.</summary>
/// <param name="pattern">An ASP.NET Core route template.</param>
public sealed class MapPutAttribute(string pattern) : CorsGenRouteAttribute(pattern);

/// <summary>Maps the static method as a <c>PATCH</c> endpoint at <see cref="CorsGenRouteAttribute.Pattern"/>.</summary>
/// <param name="pattern">An ASP.NET Core route template.</param>
public sealed class MapPatchAttribute(string pattern) : CorsGenRouteAttribute(pattern);

/// <summary>Maps the static method as a <c>DELETE</c> endpoint at <see cref="CorsGenRouteAttribute.Pattern"/>.</summary>
/// <param name="pattern">An ASP.NET Core route template.</param>
public sealed class MapDeleteAttribute(string pattern) : CorsGenRouteAttribute(pattern);

/// <summary>
/// Maps the static method for the given HTTP methods at <see cref="CorsGenRouteAttribute.Pattern"/>.
/// When the methods include <c>OPTIONS</c>, CorsGen answers CORS preflights itself and hands every
/// other <c>OPTIONS</c> request to this method.
/// </summary>
public sealed class MapMethodsAttribute : CorsGenRouteAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">An ASP.NET Core route template.</param>
    /// <param name="methods">HTTP method tokens, as sent on the wire (case-sensitive), e.g. <c>"GET"</c>, <c>"PATCH"</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> or <paramref name="methods"/> is <see langword="null"/>.</exception>
    public MapMethodsAttribute(string pattern, params string[] methods)
        : base(pattern)
    {
        Methods = methods ?? throw new ArgumentNullException(nameof(methods));
    }

    /// <summary>The HTTP methods, as written.</summary>
    public IReadOnlyList<string> Methods { get; }
}
