using System.Diagnostics;

namespace CorsGen.Generators.Benchmarks;

/// <summary>
/// The generator benchmarks timed by the process's CPU time instead of wall-clock time, for a machine
/// other tenants load: time spent waiting for a CPU is not counted (cache and core sharing still are).
/// Runs each size's cold and incremental runs after warm-up and prints the median CPU and wall time of
/// <c>runs</c> runs, and the bytes allocated per run (exact).
/// Run: dotnet run -c Release --project tests/CorsGen.Generators.Benchmarks -- --cpu [runs=15] [sizes=100,1000,5000]
/// </summary>
public static class CpuTimeRunner
{
    public static void Run(int runs, int[] sizes)
    {
        Console.WriteLine($"{runs} runs after warm-up; {Environment.ProcessorCount} logical CPUs; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        Console.WriteLine();
        Console.WriteLine("| Endpoint classes | Run | CPU time (median) | Wall time (median) | Allocated |");
        Console.WriteLine("|---:|---|---:|---:|---:|");
        foreach (var classes in sizes)
        {
            var bench = new GeneratorBenchmarks { EndpointClasses = classes };
            bench.Setup();
            Measure(classes, "cold", () => bench.ColdRun(), Math.Max(3, runs / (classes / 100 + 1)));
            Measure(classes, "incremental after a handler edit", () => bench.IncrementalRunAfterHandlerEdit(), runs);
        }
    }

    private static void Measure(int classes, string name, Action run, int runs)
    {
        for (var i = 0; i < 3; i++)
        {
            run();
        }

        var process = Process.GetCurrentProcess();
        var cpu = new double[runs];
        var wall = new double[runs];
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            run();
            stopwatch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            process.Refresh();
            cpu[i] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            wall[i] = stopwatch.Elapsed.TotalMilliseconds;
        }

        Console.WriteLine($"| {classes:N0} | {name} | {Median(cpu):F1} ms | {Median(wall):F1} ms | {allocated / 1024.0 / 1024.0:F2} MB |");
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
