namespace CorsGen.Generators.Model;

/// <summary>Where a handler parameter's value comes from, decided at compile time as minimal APIs infer it.</summary>
internal enum ParameterSource
{
    HttpContext,
    HttpRequest,
    HttpResponse,
    CancellationToken,
    User,
    Route,
    Query,
    Header,
    Service,
    Body,
}

/// <summary>How a handler's return value is written.</summary>
internal enum ResultKind
{
    None,
    Text,
    Result,
    Json,
}

/// <summary>One handler parameter. <see cref="Type"/> is fully qualified; <see cref="ValueType"/> is the type parsed (without <c>?</c>).</summary>
internal sealed record HandlerParameterSpec(
    string Name,
    string Type,
    ParameterSource Source,
    string Key,
    string? ValueType,
    bool IsEnum,
    bool IsOptional,
    string? DefaultValue,
    bool Inferred);

/// <summary>
/// A route handler whose binding CorsGen can generate without reflection (for trimmed and Native AOT
/// apps, where ASP.NET Core's Request Delegate Generator cannot see CorsGen's own Map calls).
/// </summary>
internal sealed record HandlerSpec(
    EquatableArray<HandlerParameterSpec> Parameters,
    ResultKind Result,
    string? ResultType,
    bool IsAwaitable,
    bool ResultProvidesMetadata,
    EquatableArray<string> ParameterTypes);
