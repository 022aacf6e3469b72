using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CorsGen.Generators.Benchmarks.GeneratorBenchmarks).Assembly).Run(args);
