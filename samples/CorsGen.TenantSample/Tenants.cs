using Microsoft.Data.Sqlite;

namespace CorsGen.TenantSample;

/// <summary>The tenants' database: one SQLite file with each tenant's web origin.</summary>
/// <param name="Path">The database file.</param>
public sealed record TenantDatabase(string Path)
{
    /// <summary>Creates the table if it is missing.</summary>
    /// <returns>This database.</returns>
    public TenantDatabase EnsureCreated()
    {
        Execute("CREATE TABLE IF NOT EXISTS tenants (name TEXT NOT NULL, origin TEXT PRIMARY KEY NOT NULL)");
        return this;
    }

    /// <summary>Adds (or renames) a tenant.</summary>
    /// <param name="name">The tenant's name.</param>
    /// <param name="origin">Its web origin, serialized, e.g. <c>https://acme.example.com</c>.</param>
    public void AddTenant(string name, string origin) =>
        Execute("INSERT INTO tenants (name, origin) VALUES ($name, $origin) ON CONFLICT(origin) DO UPDATE SET name = $name", ("$name", name), ("$origin", origin));

    /// <summary>Removes the tenant with <paramref name="origin"/>; its page is refused from the next request on.</summary>
    /// <param name="origin">The tenant's web origin.</param>
    public void RemoveTenant(string origin) => Execute("DELETE FROM tenants WHERE origin = $origin", ("$origin", origin));

    /// <summary>Opens a connection (no pooling, so the file can be deleted once the app stops).</summary>
    /// <returns>An open connection.</returns>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private void Execute(string sql, params (string Name, string Value)[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}

/// <summary>A DbContext-like unit of work, registered scoped: one connection per request, closed with the request's scope.</summary>
public sealed class TenantDbContext(TenantDatabase database) : IAsyncDisposable
{
    private SqliteConnection? _connection;

    /// <summary>The tenant whose web origin is <paramref name="origin"/>, or <see langword="null"/>.</summary>
    /// <param name="origin">A serialized origin.</param>
    /// <param name="cancellationToken">Canceled when the request is aborted or CorsGen's validator timeout passes.</param>
    /// <returns>The tenant's name.</returns>
    public async Task<string?> FindTenantAsync(string origin, CancellationToken cancellationToken)
    {
        _connection ??= database.Open();
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM tenants WHERE origin = $origin";
        command.Parameters.AddWithValue("$origin", origin);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}

/// <summary>
/// CorsGen's asynchronous origin validator for the tenant API: an origin is allowed when a tenant has it. Registered
/// scoped (it uses the request's <see cref="TenantDbContext"/>), so CorsGen takes it from each request's services.
/// It sees the origin and the host only, never cookies or paths: CORS answers stay cacheable by <c>Vary: Origin</c>.
/// </summary>
public sealed class TenantOriginValidator(TenantDbContext db) : IAsyncOriginValidator
{
    /// <inheritdoc/>
    public async ValueTask<bool> IsOriginAllowedAsync(OriginValidationContext context, CancellationToken cancellationToken) =>
        await db.FindTenantAsync(context.Origin, cancellationToken) is not null;
}
