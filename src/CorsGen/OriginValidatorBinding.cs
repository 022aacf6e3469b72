using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.ObjectPool;

namespace CorsGen;

/// <summary>An origin validator's answer; every answer but <see cref="Allowed"/> refuses.</summary>
internal enum OriginVerdict
{
    Allowed,
    Refused,
    Failed,
    TimedOut,
    Canceled,
}

/// <summary>
/// One policy's origin validator (<see cref="AllowOriginValidatorAttribute"/>) in one application: where it comes
/// from (resolved once when registered as a singleton, else from each request's services), its timeout, its
/// optional cache. Exceptions, timeouts and cancellations become refusing verdicts, logged; none escapes. A call
/// that completes synchronously allocates nothing here (the timeout's token source is pooled).
/// </summary>
internal sealed class OriginValidatorBinding
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;
    private static readonly Action<object?> CancelSource = static source => ((CancellationTokenSource)source!).Cancel();

    private readonly Type _type;
    private readonly object? _singleton;
    private readonly bool _isAsync;
    private readonly TimeSpan _timeout;
    private readonly string _policyName;
    private readonly ILogger _logger;
    private readonly MemoryCache? _cache;
    private readonly MemoryCacheEntryOptions? _entryOptions;
    private readonly ObjectPool<CancellationTokenSource>? _timeoutSources;

    private OriginValidatorBinding(Type type, object? singleton, CorsGenOptions options, string policyName, ILogger logger)
    {
        _type = type;
        _singleton = singleton;
        _isAsync = typeof(IAsyncOriginValidator).IsAssignableFrom(type);
        _timeout = options.OriginValidatorTimeout;
        _policyName = policyName;
        _logger = logger;
        if (_isAsync)
        {
            _timeoutSources = new DefaultObjectPool<CancellationTokenSource>(new TimeoutSourcePolicy(), Environment.ProcessorCount * 4);
        }

        if (options.OriginValidatorCache is { } cache)
        {
            _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = cache.MaxEntries });
            _entryOptions = new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = cache.TimeToLive };
        }
    }

    /// <summary>Binds <paramref name="type"/> for one policy of the application whose services are <paramref name="services"/>.</summary>
    /// <exception cref="InvalidOperationException">The type is no validator, is not registered, or an option is out of range; the message names it.</exception>
    public static OriginValidatorBinding Create(Type type, IServiceProvider services, CorsGenOptions options, string policyName, ILogger logger)
    {
        var isAsync = typeof(IAsyncOriginValidator).IsAssignableFrom(type);
        if (!isAsync && !typeof(IOriginValidator).IsAssignableFrom(type))
        {
            throw new InvalidOperationException($"The origin validator {type} of {policyName} implements neither IOriginValidator nor IAsyncOriginValidator.");
        }

        if (options.OriginValidatorTimeout <= TimeSpan.Zero && options.OriginValidatorTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new InvalidOperationException($"CorsGenOptions.OriginValidatorTimeout is {options.OriginValidatorTimeout}; it must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (options.OriginValidatorCache is { } cache && (cache.MaxEntries <= 0 || cache.TimeToLive <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"CorsGenOptions.OriginValidatorCache has MaxEntries {cache.MaxEntries} and TimeToLive {cache.TimeToLive}; both must be positive.");
        }

        if (services.GetService<IServiceProviderIsService>() is { } isService && !isService.IsService(type))
        {
            throw new InvalidOperationException(
                $"The origin validator {type} of {policyName} is not registered in the services; register it under its own type, e.g. builder.Services.AddSingleton<{type.Name}>() or builder.Services.AddScoped<{type.Name}>().");
        }

        // A singleton is taken once, here; a scoped or transient registration, or one CorsGen cannot see (no
        // AddCorsGen()), comes from each request's services, which answer for every lifetime.
        var singleton = services.GetService<CorsGenServicesMarker>()?.LifetimeOf(type) == ServiceLifetime.Singleton
            ? services.GetRequiredService(type)
            : null;
        return new OriginValidatorBinding(type, singleton, options, policyName, logger);
    }

    /// <summary>The validator's verdict on <paramref name="origin"/>, a well-formed serialized origin, for <paramref name="context"/>'s host.</summary>
    public ValueTask<OriginVerdict> ValidateAsync(HttpContext context, string origin)
    {
        var validation = new OriginValidationContext(origin, context.Request.Host.Value ?? string.Empty);
        CacheKey? key = null;
        if (_cache is not null)
        {
            key = new CacheKey(validation.Origin, validation.Host);
            if (_cache.TryGetValue(key, out var cached))
            {
                return new(ReferenceEquals(cached, BoxedTrue) ? OriginVerdict.Allowed : OriginVerdict.Refused);
            }
        }

        var validator = _singleton ?? context.RequestServices?.GetService(_type);
        if (validator is null)
        {
            CorsLog.OriginValidatorMissing(_logger, _type.Name, _policyName);
            return new(OriginVerdict.Failed);
        }

        if (!_isAsync)
        {
            try
            {
                return new(Store(key, ((IOriginValidator)validator).IsOriginAllowed(validation)));
            }
            catch (Exception exception)
            {
                CorsLog.OriginValidatorFailed(_logger, _type.Name, _policyName, LogValue.Escape(origin), exception);
                return new(OriginVerdict.Failed);
            }
        }

        return CallAsync((IAsyncOriginValidator)validator, validation, context.RequestAborted, key);
    }

    private ValueTask<OriginVerdict> CallAsync(IAsyncOriginValidator validator, OriginValidationContext validation, CancellationToken aborted, CacheKey? key)
    {
        if (aborted.IsCancellationRequested)
        {
            return new(Fault(null, validation.Origin, aborted, null));
        }

        // One token for the timeout and the request's abort: a pooled source, so a synchronous answer allocates nothing.
        var source = _timeoutSources!.Get();
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            source.CancelAfter(_timeout);
        }

        var link = aborted.UnsafeRegister(CancelSource, source);
        ValueTask<bool> pending;
        try
        {
            pending = validator.IsOriginAllowedAsync(validation, source.Token);
        }
        catch (Exception exception)
        {
            return new(Release(source, link, Fault(exception, validation.Origin, aborted, source)));
        }

        if (!pending.IsCompleted)
        {
            return AwaitAsync(pending, source, link, validation.Origin, aborted, key);
        }

        try
        {
            return new(Release(source, link, Store(key, pending.Result)));
        }
        catch (Exception exception)
        {
            return new(Release(source, link, Fault(exception, validation.Origin, aborted, source)));
        }
    }

    private async ValueTask<OriginVerdict> AwaitAsync(ValueTask<bool> pending, CancellationTokenSource source, CancellationTokenRegistration link, string origin, CancellationToken aborted, CacheKey? key)
    {
        try
        {
            // WaitAsync: refused at the timeout even when the validator ignores its token.
            return Release(source, link, Store(key, await pending.AsTask().WaitAsync(source.Token).ConfigureAwait(false)));
        }
        catch (Exception exception)
        {
            return Release(source, link, Fault(exception, origin, aborted, source));
        }
    }

    private OriginVerdict Store(CacheKey? key, bool allowed)
    {
        if (key is not null)
        {
            // Over the size limit the entry is dropped and the cache compacts: memory stays bounded.
            _cache!.Set(key, allowed ? BoxedTrue : BoxedFalse, _entryOptions);
        }

        return allowed ? OriginVerdict.Allowed : OriginVerdict.Refused;
    }

    private OriginVerdict Fault(Exception? exception, string origin, CancellationToken aborted, CancellationTokenSource? source)
    {
        if (aborted.IsCancellationRequested)
        {
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                CorsLog.OriginValidatorCanceled(_logger, _type.Name, _policyName, LogValue.Escape(origin));
            }

            return OriginVerdict.Canceled;
        }

        if (exception is OperationCanceledException && source is { IsCancellationRequested: true })
        {
            CorsLog.OriginValidatorTimedOut(_logger, _type.Name, _policyName, _timeout, LogValue.Escape(origin));
            return OriginVerdict.TimedOut;
        }

        CorsLog.OriginValidatorFailed(_logger, _type.Name, _policyName, LogValue.Escape(origin), exception!);
        return OriginVerdict.Failed;
    }

    private OriginVerdict Release(CancellationTokenSource source, CancellationTokenRegistration link, OriginVerdict verdict)
    {
        link.Dispose();
        _timeoutSources!.Return(source);
        return verdict;
    }

    private sealed record CacheKey(string Origin, string Host);

    // A source goes back to the pool only when its timer could be stopped before it fired (TryReset).
    private sealed class TimeoutSourcePolicy : IPooledObjectPolicy<CancellationTokenSource>
    {
        public CancellationTokenSource Create() => new();

        public bool Return(CancellationTokenSource obj)
        {
            if (obj.TryReset())
            {
                return true;
            }

            obj.Dispose();
            return false;
        }
    }
}
