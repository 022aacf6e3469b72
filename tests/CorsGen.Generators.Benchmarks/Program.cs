using BenchmarkDotNet.Running;
using CorsGen.Generators.Benchmarks;

// dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --filter '*' [--job short]
// dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --cpu [runs=15]   (CPU time, for a loaded machine)
if (args.Length > 0 && args[0] == "--cpu")
{
    CpuTimeRunner.Run(args.Length > 1 && int.TryParse(args[1], out var runs) ? runs : 15);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args);
