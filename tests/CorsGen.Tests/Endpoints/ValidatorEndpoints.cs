using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CorsGen.Tests.Endpoints;

/// <summary>The synchronous form, registered as a singleton: an in-memory tenant list.</summary>
public sealed class TenantListValidator : IOriginValidator
{
    public const string Tenant = "https://tenant-a.example.org";
    public const string Throws = "https://throws.example.org";

    /// <summary>Every call, so tests can see what the validator is (not) asked.</summary>
    public ConcurrentQueue<OriginValidationContext> Seen { get; } = new();

    /// <summary>Off for allocation tests: the queue allocates, CorsGen must not.</summary>
    public bool Records { get; set; } = true;

    /// <summary>Calls, also when not recording.</summary>
    public int Calls => Volatile.Read(ref _calls);

    private int _calls;

    public bool IsOriginAllowed(OriginValidationContext context)
    {
        Interlocked.Increment(ref _calls);
        if (Records)
        {
            Seen.Enqueue(context);
        }

        return context.Origin == Throws ? throw new InvalidOperationException("tenant list unavailable") : context.Origin == Tenant;
    }
}

/// <summary>Where the tenants' database lives; one file per test app.</summary>
public sealed record TenantDatabase(string Path)
{
    /// <summary>Creates the file with its table and <paramref name="origins"/>.</summary>
    public static TenantDatabase Create(params string[] origins)
    {
        var database = new TenantDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"corsgen-tenants-{Guid.NewGuid():N}.db"));
        using var connection = database.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE tenant_origins (origin TEXT PRIMARY KEY NOT NULL)";
        create.ExecuteNonQuery();
        foreach (var origin in origins)
        {
            database.Add(origin);
        }

        return database;
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public void Add(string origin) => Execute("INSERT INTO tenant_origins (origin) VALUES ($origin)", origin);

    public void Remove(string origin) => Execute("DELETE FROM tenant_origins WHERE origin = $origin", origin);

    private void Execute(string sql, string origin)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$origin", origin);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// A DbContext-like unit of work: registered scoped, one open connection per request, disposed with the
/// request's scope. Counts instances so tests can see one per request.
/// </summary>
public sealed class TenantDbContext : IAsyncDisposable
{
    private static int s_created;
    private static int s_disposed;
    private readonly SqliteConnection _connection;

    public TenantDbContext(TenantDatabase database)
    {
        Interlocked.Increment(ref s_created);
        _connection = database.Open();
    }

    public static int Created => Volatile.Read(ref s_created);

    public static int Disposed => Volatile.Read(ref s_disposed);

    public bool IsDisposed { get; private set; }

    public async Task<bool> HasOriginAsync(string origin, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tenant_origins WHERE origin = $origin";
        command.Parameters.AddWithValue("$origin", origin);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    public async ValueTask DisposeAsync()
    {
        IsDisposed = true;
        await _connection.DisposeAsync();
        Interlocked.Increment(ref s_disposed);
    }
}

/// <summary>The asynchronous form, registered scoped: asks the request's <see cref="TenantDbContext"/>.</summary>
public sealed class SqliteTenantValidator(TenantDbContext db) : IAsyncOriginValidator
{
    /// <summary>The hosts it was asked for, so tests see the request's host arrive.</summary>
    public static readonly ConcurrentQueue<string> Hosts = new();

    public async ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken)
    {
        Hosts.Enqueue(context.Host);
        // A real await, so the asynchronous path is the one under test even though SQLite answers quickly.
        await Task.Yield();
        return await db.HasOriginAsync(context.Origin, cancellationToken);
    }
}

/// <summary>The asynchronous form, singleton, scripted by origin: every way a validator can behave.</summary>
public sealed class ScriptedValidator : IAsyncOriginValidator
{
    public const string SyncYes = "https://sync-yes.example.org";
    public const string AsyncYes = "https://async-yes.example.org";
    public const string AsyncNo = "https://async-no.example.org";
    public const string Hangs = "https://hangs.example.org";           // waits on its token
    public const string IgnoresToken = "https://ignores.example.org";  // waits 30 s whatever its token says
    public const string ThrowsSync = "https://throws-sync.example.org";
    public const string ThrowsAsync = "https://throws-async.example.org";

    private static readonly ValueTask<bool> Yes = new(true);
    private static readonly ValueTask<bool> No = new(false);

    public ConcurrentQueue<string> Seen { get; } = new();

    /// <summary>Set when a <see cref="Hangs"/> call saw its token canceled.</summary>
    public TaskCompletionSource<bool> SawCancellation { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when a <see cref="Hangs"/> call started.</summary>
    public TaskCompletionSource<bool> Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Reset()
    {
        Seen.Clear();
        SawCancellation = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken)
    {
        switch (context.Origin)
        {
            case SyncYes:
                return Yes; // completed: the path that must allocate nothing
            case ThrowsSync:
                throw new InvalidOperationException("validator failed synchronously");
            default:
                Seen.Enqueue(context.Origin);
                return SlowAsync(context.Origin, cancellationToken);
        }
    }

    private async ValueTask<bool> SlowAsync(string origin, CancellationToken cancellationToken)
    {
        await Task.Yield();
        switch (origin)
        {
            case AsyncYes:
                return true;
            case Hangs:
                Started.TrySetResult(true);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    SawCancellation.TrySetResult(true);
                    throw;
                }

                return true;
            case IgnoresToken:
                await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
                return true;
            case ThrowsAsync:
                throw new InvalidOperationException("validator failed asynchronously");
            default:
                return No.Result;
        }
    }
}

/// <summary>A synchronous singleton validator behind compiled origins, on a class, a method and a preflight-continue route.</summary>
[AllowOrigins(TestOrigins.App)]
[AllowOriginValidator(typeof(TenantListValidator))]
public static partial class SyncValidatorEndpoints
{
    [MapGet("/validator/sync")]
    public static string Get() => "sync";

    [MapPut("/validator/sync")]
    public static string Put() => "sync-put";

    [DisableCors]
    [MapDelete("/validator/sync")]
    public static string Delete() => "sync";

    [AllowOriginValidator(typeof(ScriptedValidator))]
    [MapPut("/validator/scripted")]
    public static string PutScripted() => "scripted";

    [AllowOriginValidator(typeof(ScriptedValidator))]
    [MapGet("/validator/scripted")]
    public static string GetScripted() => "scripted";

    [AllowOriginValidator(typeof(ScriptedValidator))]
    [PreflightContinue]
    [MapPut("/validator/continue")]
    public static string PutContinue() => "continue";

    [MapMethods("/validator/continue", "OPTIONS")]
    public static void OptionsContinue(Microsoft.AspNetCore.Http.HttpResponse response) => response.Headers[ContinueEndpoints.HandlerHeader] = "ran";
}

/// <summary>The asynchronous scoped validator over SQLite.</summary>
[AllowOriginValidator(typeof(SqliteTenantValidator))]
[AllowCredentials]
public static partial class SqliteValidatorEndpoints
{
    [MapGet("/validator/sqlite")]
    public static string Get() => "sqlite";

    [MapPut("/validator/sqlite")]
    public static string Put() => "sqlite-put";
}

/// <summary>A <c>[CorsPolicy]</c> class with a validator, for <c>WithCors</c> groups and the app-wide policy.</summary>
[CorsPolicy]
[AllowOrigins(TestOrigins.Other)]
[AllowOriginValidator(typeof(TenantListValidator))]
[AllowMethods("GET", "PATCH")]
public static partial class ValidatedGroupPolicy;
