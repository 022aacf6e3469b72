using BenchmarkDotNet.Running;
using CorsGen.Generators.Benchmarks;

// dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --cpu [runs=15] [sizes=100,1000,5000]   (CPU time, for a loaded machine)
if (args.Length > 0 && args[0] == "--cpu")
{
    var runs = args.Length > 1 && int.TryParse(args[1], out var r) ? r : 15;
    int[] sizes = args.Length > 2 ? [.. args[2].Split(',').Select(int.Parse)] : [100, 1000, 5000];
    CpuTimeRunner.Run(runs, sizes);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
