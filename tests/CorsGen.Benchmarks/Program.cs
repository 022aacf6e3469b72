using BenchmarkDotNet.Running;
using CorsGen.Benchmarks;

// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --rounds 21 [name filter] [--kestrel]   (median of per-round ratios)
if (args.Length > 0 && args[0] == "--rounds")
{
    var kestrel = args.Contains("--kestrel");
    var rest = args.Skip(1).Where(a => a != "--kestrel").ToArray();
    var rounds = rest.Length > 0 && int.TryParse(rest[0], out var r) ? r : 21;
    var filter = rest.Length > 1 ? rest[1] : null;
    RoundsRunner.Run(rounds, filter, kestrel ? HeaderStore.Kestrel : HeaderStore.DefaultHttpContext);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CorsBenchmarks).Assembly).Run(args);
