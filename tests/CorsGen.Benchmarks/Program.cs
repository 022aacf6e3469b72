using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --filter '*' --job short
// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --rounds 21     (median of per-round ratios)
if (args.Length > 0 && args[0] == "--rounds")
{
    var rounds = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 21;
    CorsGen.Benchmarks.RoundsRunner.Run(rounds, args.Length > 2 ? args[2] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CorsGen.Benchmarks.CorsBenchmarks).Assembly).Run(args);
