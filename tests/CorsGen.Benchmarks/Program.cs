using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CorsGen.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CorsGen.Benchmarks.CorsBenchmarks).Assembly).Run(args);
