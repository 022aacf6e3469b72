// CorsGen tenant sample: CORS origins that live in a database, asked through an origin validator.
//
// The API (TenantEndpoints.cs) allows the compiled console origin and, through TenantOriginValidator
// (IAsyncOriginValidator, scoped, over a real SQLite file), every tenant's web origin stored in the
// database. Two page servers run next to it, on their own ports and so their own origins: one is stored
// as tenant "acme", the other is not. Open both: the acme page reads the API, the other gets a TypeError.
// Edit the database while it runs (sqlite3 tenants.db "DELETE FROM tenants") and reload: refused at once,
// as no cache is configured (CorsGenOptions.OriginValidatorCache opts into one).
//
// Options: --database PATH (default tenants.db), --api-port N (default 9020), --tenant-port N (default
// 9021), --stranger-port N (default 9022). Everything listens on 127.0.0.1 only.

using CorsGen.TenantSample;

string Option(string name, string fallback) =>
    Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;

var database = new TenantDatabase(Option("--database", "tenants.db")).EnsureCreated();
var api = await TenantServers.StartApiAsync(database, int.Parse(Option("--api-port", "9020"), System.Globalization.CultureInfo.InvariantCulture));
var apiUrl = TenantServers.Address(api);
var tenant = await TenantServers.StartPageAsync(apiUrl, int.Parse(Option("--tenant-port", "9021"), System.Globalization.CultureInfo.InvariantCulture));
var stranger = await TenantServers.StartPageAsync(apiUrl, int.Parse(Option("--stranger-port", "9022"), System.Globalization.CultureInfo.InvariantCulture));
database.AddTenant("acme", TenantServers.Address(tenant));

Console.WriteLine($"API           {apiUrl}");
Console.WriteLine($"Tenant page   {TenantServers.Address(tenant)}  (stored in {database.Path} as tenant acme: allowed)");
Console.WriteLine($"Stranger page {TenantServers.Address(stranger)}  (not stored: refused)");
Console.WriteLine("Press Ctrl+C to stop.");
await api.WaitForShutdownAsync();
await tenant.StopAsync();
await stranger.StopAsync();
