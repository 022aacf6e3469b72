using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorsGen;

/// <summary>
/// What CorsGen's generated request delegates call in trimmed and Native AOT builds, where they bind
/// route handler parameters without reflection (ASP.NET Core's Request Delegate Generator cannot see
/// the Map calls another generator emits). Behaves as minimal APIs do: 400 for a missing or
/// unparsable required value, 415 for a body that is not JSON. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HandlerBinding
{
    private static readonly string[] JsonContentType = ["application/json"];
    private static readonly string[] TextContentType = ["text/plain"];

    /// <summary>The app's minimal-API JSON options (<c>ConfigureHttpJsonOptions</c>), or the web defaults.</summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The serializer options.</returns>
    public static JsonSerializerOptions JsonOptions(IServiceProvider services) =>
        services.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <summary>The JSON contract of <typeparamref name="T"/>, resolved once at start-up.</summary>
    /// <typeparam name="T">A body or result type.</typeparam>
    /// <param name="options">The app's serializer options.</param>
    /// <param name="handler">The handler, for the message.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="InvalidOperationException">The options know no contract for the type (a trimmed app without a <c>JsonSerializerContext</c> for it).</exception>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options, string handler)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        }
        catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
        {
            throw new InvalidOperationException(
                $"CorsGen: route handler {handler} reads or writes {typeof(T)} as JSON, but the app's JSON options have no contract for it. "
                + "In a trimmed or Native AOT app, add it to a JsonSerializerContext ([JsonSerializable(typeof(...))]) and register it with "
                + "builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default)).",
                exception);
        }
    }

    /// <summary>Whether the container can resolve <paramref name="type"/> (minimal APIs then bind the parameter from services, not the body).</summary>
    /// <param name="services">The application's services.</param>
    /// <param name="type">The parameter type.</param>
    /// <returns><see langword="true"/> for a service.</returns>
    public static bool IsService(IServiceProvider services, Type type) =>
        services.GetService<IServiceProviderIsService>()?.IsService(type) == true;

    /// <summary>Adds the handler method and its attributes as endpoint metadata, as minimal APIs do (authorization, names, tags ...).</summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <param name="handler">The handler method.</param>
    public static void AddMetadata(EndpointBuilder builder, MethodInfo handler)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(handler);
        builder.Metadata.Add(handler);
        foreach (var attribute in handler.GetCustomAttributes(inherit: true))
        {
            builder.Metadata.Add(attribute);
        }
    }

    /// <summary>OpenAPI metadata for a JSON body parameter.</summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <param name="type">The body type.</param>
    /// <param name="isOptional">Whether the body may be absent.</param>
    public static void AcceptsJson(EndpointBuilder builder, Type type, bool isOptional) =>
        builder.Metadata.Add(new AcceptsMetadata(JsonContentType, type, isOptional));

    /// <summary>OpenAPI metadata for a 200 response: JSON of <paramref name="type"/>, or text for <see cref="string"/>.</summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <param name="type">The result type.</param>
    public static void Produces(EndpointBuilder builder, Type type) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(200, type, type == typeof(string) ? TextContentType : JsonContentType));

    /// <summary>Lets a result type describe itself (e.g. <c>Ok&lt;T&gt;</c>), as minimal APIs do.</summary>
    /// <typeparam name="TResult">The handler's result type.</typeparam>
    /// <param name="builder">The endpoint being built.</param>
    /// <param name="handler">The handler method.</param>
    public static void PopulateMetadata<TResult>(EndpointBuilder builder, MethodInfo handler)
        where TResult : IEndpointMetadataProvider =>
        TResult.PopulateMetadata(handler, builder);

    /// <summary>A route value as text, or <see langword="null"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="name">The route parameter.</param>
    /// <returns>The value.</returns>
    public static string? RouteValue(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var value) ? value as string ?? value?.ToString() : null;

    /// <summary>A query value (several joined with commas), or <see langword="null"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="name">The query key.</param>
    /// <returns>The value.</returns>
    public static string? QueryValue(HttpContext context, string name) =>
        context.Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>A request header value (several lines joined with commas), or <see langword="null"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="name">The header name.</param>
    /// <returns>The value.</returns>
    public static string? HeaderValue(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var values) && values.Count > 0 ? values.ToString() : null;

    /// <summary>Parses with the invariant culture, as minimal APIs do.</summary>
    /// <typeparam name="T">An <see cref="IParsable{TSelf}"/> type.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when parsed.</returns>
    public static bool TryParse<T>(string text, out T value)
        where T : IParsable<T> =>
        T.TryParse(text, CultureInfo.InvariantCulture, out value!);

    /// <summary>Parses an enum name (case-sensitively, as minimal APIs do) or number.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when parsed.</returns>
    public static bool TryParseEnum<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: false, out value);

    /// <summary>Reads the JSON body; on failure writes 415 (not JSON) or 400 (malformed, or absent when required).</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="typeInfo">The body's JSON contract.</param>
    /// <param name="isOptional">Whether an absent body is allowed.</param>
    /// <returns>Whether the body was read, and its value.</returns>
    public static async ValueTask<(bool Read, T? Value)> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, bool isOptional)
    {
        var request = context.Request;
        if (request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return BadIfRequired<T>(context, isOptional);
        }

        if (!request.HasJsonContentType())
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return (false, default);
        }

        try
        {
            var value = await request.ReadFromJsonAsync(typeInfo, context.RequestAborted).ConfigureAwait(false);
            return value is null ? BadIfRequired<T>(context, isOptional) : (true, value);
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return (false, default);
        }
    }

    /// <summary>
    /// Whether a body read with <c>isOptional: true</c> for a handler with endpoint filters is absent (no
    /// body, or the JSON literal null): for a required body that is a binding failure the filters see.
    /// </summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The value read.</param>
    /// <returns><see langword="true"/> when absent.</returns>
    public static bool IsAbsent<T>(T? value) => value is null;

    /// <summary>Writes a handler's string result as <c>text/plain; charset=utf-8</c>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="text">The result.</param>
    /// <returns>The write.</returns>
    public static Task WriteTextAsync(HttpContext context, string? text)
    {
        if (text is null)
        {
            return Task.CompletedTask;
        }

        context.Response.ContentType ??= "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }

    /// <summary>Executes a handler's <see cref="IResult"/>.</summary>
    /// <param name="context">The request.</param>
    /// <param name="result">The result.</param>
    /// <returns>The execution.</returns>
    /// <exception cref="InvalidOperationException">The handler returned <see langword="null"/>, as minimal APIs report it.</exception>
    public static Task ExecuteAsync(HttpContext context, IResult? result) =>
        (result ?? throw new InvalidOperationException("The IResult returned by the Delegate must not be null.")).ExecuteAsync(context);

    /// <summary>Writes a handler's result as JSON.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="context">The request.</param>
    /// <param name="value">The result.</param>
    /// <param name="typeInfo">Its JSON contract.</param>
    /// <returns>The write.</returns>
    public static Task WriteJsonAsync<T>(HttpContext context, T value, JsonTypeInfo<T> typeInfo) =>
        context.Response.WriteAsJsonAsync(value, typeInfo, contentType: null, context.RequestAborted);

    private static (bool, T?) BadIfRequired<T>(HttpContext context, bool isOptional)
    {
        if (isOptional)
        {
            return (true, default);
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return (false, default);
    }
}
