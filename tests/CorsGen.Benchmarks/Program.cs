using BenchmarkDotNet.Running;
using CorsGen.Benchmarks;

// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --rounds 21 [name filter] [--kestrel] [--batch 100000]   (median of per-round ratios)
if (args.Length > 0 && args[0] == "--rounds")
{
    var kestrel = args.Contains("--kestrel");
    var batchAt = Array.IndexOf(args, "--batch");
    var batch = batchAt > 0 && batchAt + 1 < args.Length ? int.Parse(args[batchAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    // Skip(1) shifts indices by one, so the value after --batch (args[batchAt + 1]) is at i == batchAt.
    var rest = args.Skip(1).Where((a, i) => a != "--kestrel" && a != "--batch" && i != batchAt).ToArray();
    var rounds = rest.Length > 0 && int.TryParse(rest[0], out var r) ? r : 21;
    var filter = rest.Length > 1 ? rest[1] : null;
    RoundsRunner.Run(rounds, filter, kestrel ? HeaderStore.Kestrel : HeaderStore.DefaultHttpContext, batch);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CorsBenchmarks).Assembly).Run(args);
