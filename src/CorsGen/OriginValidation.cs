namespace CorsGen;

/// <summary>
/// What an origin validator (<see cref="AllowOriginValidatorAttribute"/>) is shown of a request: the serialized
/// origin and the host it was sent to, nothing else. Both are part of every HTTP cache's key (the host through the
/// URL, the origin through <c>Vary: Origin</c>), so no answer can depend on a header that <c>Vary</c> does not name:
/// the trap that made rs/cors deprecate its request-dependent origin function
/// (<see href="https://github.com/rs/cors/issues/157">rs/cors #157</see>). A cookie, a path or an
/// <c>Authorization</c> header would make a shared cache serve one user's CORS answer to another.
/// </summary>
/// <param name="Origin">The request's <c>Origin</c>, a well-formed serialized origin (<see cref="SerializedOrigin.IsValid"/>), e.g. <c>https://acme.example.com</c>.</param>
/// <param name="Host">The request's <c>Host</c> as received, port included (<c>HttpRequest.Host.Value</c>), e.g. <c>api.example.com:8443</c>; empty when the request has none.</param>
public readonly record struct OriginValidationContext(string Origin, string Host);

/// <summary>
/// The synchronous form of an origin validator (<see cref="AllowOriginValidatorAttribute"/>), for a decision
/// from memory: a tenant list kept up to date elsewhere, a rule over the host name. It is called on the request's
/// thread, so it must not block on I/O; use <see cref="IAsyncOriginValidator"/> for a database or a remote service.
/// </summary>
public interface IOriginValidator
{
    /// <summary>Whether <paramref name="context"/>'s origin may read responses of the request's host.</summary>
    /// <param name="context">The origin and the host.</param>
    /// <returns><see langword="true"/> to allow; an exception refuses the request and is logged.</returns>
    bool IsOriginAllowed(OriginValidationContext context);
}

/// <summary>
/// The asynchronous form of an origin validator (<see cref="AllowOriginValidatorAttribute"/>), for origins that
/// live in a database or another service. A result that is already known (from the validator's own cache)
/// should be returned as a completed <see cref="ValueTask{TResult}"/>: CorsGen then allocates nothing.
/// </summary>
public interface IAsyncOriginValidator
{
    /// <summary>Whether <paramref name="context"/>'s origin may read responses of the request's host.</summary>
    /// <param name="context">The origin and the host.</param>
    /// <param name="cancellationToken">
    /// Canceled when the request is aborted or <see cref="CorsGenOptions.OriginValidatorTimeout"/> passes; CorsGen
    /// refuses the request then, whether or not the validator observes the token.
    /// </param>
    /// <returns><see langword="true"/> to allow; an exception or a cancellation refuses the request and is logged.</returns>
    ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken);
}
