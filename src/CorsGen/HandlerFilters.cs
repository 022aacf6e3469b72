using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsGen;

/// <summary>
/// The endpoint filter pipeline of a route whose request delegate CorsGen generates (trimmed and
/// Native AOT builds), built as ASP.NET Core's RequestDelegateFactory builds it: from the endpoint's
/// <see cref="EndpointBuilder.FilterFactories"/> (group filters included), around an innermost call that
/// skips the handler once the status is 400 or more, with the handler's own <see cref="MethodInfo"/> and
/// its bound arguments in the invocation context. So a filter sees a parameter-binding failure as a
/// 400 it may replace (ASP.NET Core 8 to 11; dotnet/aspnetcore #64539 kept that behaviour). Used by
/// generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class HandlerFilters
{
    private readonly MethodInfo _handler;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly EndpointFilterDelegate _invoke;

    /// <summary>Creates the holder of one route's pipeline.</summary>
    /// <param name="handler">The route handler method (what filter factories see as <see cref="EndpointFilterFactoryContext.MethodInfo"/>).</param>
    /// <param name="jsonOptions">The app's minimal-API JSON options, for results the filters return.</param>
    /// <param name="invoke">The innermost call: the handler with the invocation's arguments.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public HandlerFilters(MethodInfo handler, JsonSerializerOptions jsonOptions, EndpointFilterDelegate invoke)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(jsonOptions);
        ArgumentNullException.ThrowIfNull(invoke);
        _handler = handler;
        _jsonOptions = jsonOptions;
        _invoke = invoke;
    }

    /// <summary>The pipeline, or <see langword="null"/> when the endpoint has no filters (or only pass-through factories): the request delegate then binds and calls the handler directly.</summary>
    public EndpointFilterDelegate? Pipeline { get; private set; }

    /// <summary>
    /// An endpoint convention: builds the pipeline from the filter factories that group and endpoint
    /// conventions added, then clears them, so routing does not wrap the request delegate a second time
    /// (with an invocation context holding only the <see cref="HttpContext"/>).
    /// </summary>
    /// <param name="builder">The endpoint being built.</param>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public void Build(EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var factories = builder.FilterFactories;
        if (factories.Count == 0)
        {
            Pipeline = null;
            return;
        }

        var context = new EndpointFilterFactoryContext { MethodInfo = _handler, ApplicationServices = builder.ApplicationServices };
        var pipeline = _invoke;
        for (var i = factories.Count - 1; i >= 0; i--)
        {
            pipeline = factories[i](context, pipeline);
        }

        factories.Clear();

        // As RequestDelegateFactory: factories that all hand back "next" leave the endpoint unfiltered.
        Pipeline = ReferenceEquals(pipeline, _invoke) ? null : pipeline;
    }

    /// <summary>
    /// Runs the pipeline and writes what it returns as RequestDelegateFactory does: an <see cref="IResult"/>
    /// is executed, a string written as text, anything else (<see langword="null"/> included) as JSON.
    /// </summary>
    /// <param name="invocation">The request and the handler's bound arguments.</param>
    /// <returns>The request's completion.</returns>
    /// <exception cref="InvalidOperationException">The endpoint has no pipeline (<see cref="Pipeline"/> is <see langword="null"/>).</exception>
    public async Task InvokeAsync(EndpointFilterInvocationContext invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var pipeline = Pipeline ?? throw new InvalidOperationException("CorsGen: the endpoint has no filter pipeline.");
        var result = await pipeline(invocation).ConfigureAwait(false);
        var context = invocation.HttpContext;
        switch (result)
        {
            case IResult executable:
                await executable.ExecuteAsync(context).ConfigureAwait(false);
                break;
            case string text:
                await HandlerBinding.WriteTextAsync(context, text).ConfigureAwait(false);
                break;
            case null:
                // RequestDelegateFactory writes a null result as the JSON literal; no contract is needed for it.
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("null", context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                // The runtime type's contract, as RequestDelegateFactory serializes filter results through object.
                await context.Response.WriteAsJsonAsync(result, _jsonOptions.GetTypeInfo(result.GetType()), contentType: null, context.RequestAborted).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>The innermost step's answer once binding failed or a filter set an error status: the handler is not called.</summary>
    /// <param name="invocation">The invocation.</param>
    /// <returns>Whether to skip the handler.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="invocation"/> is <see langword="null"/>.</exception>
    public static bool SkipsHandler(EndpointFilterInvocationContext invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return invocation.HttpContext.Response.StatusCode >= StatusCodes.Status400BadRequest;
    }
}
