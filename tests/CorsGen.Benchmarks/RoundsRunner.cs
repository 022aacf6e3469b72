using System.Diagnostics;

namespace CorsGen.Benchmarks;

/// <summary>
/// The measure, "median of per-round ratios, same run": every scenario's three handlers are
/// timed in one process, in rounds, each round timing one batch of each handler back to back (in
/// rotating order), so load from other processes on a shared machine hits all three alike. Prints
/// ns/op (median over rounds), B/op, and the medians of the per-round ratios.
/// Run: dotnet run -c Release --project tests/CorsGen.Benchmarks -- --rounds [rounds=21] [name filter] [--kestrel] [--batch calls=100000]
/// (smaller batches pair the three handlers of a round more closely in time when other tenants load the machine).
/// </summary>
public static class RoundsRunner
{
    public static void Run(int rounds, string? filter, HeaderStore store, int batchSize = 100_000)
    {
        BatchSize = batchSize;
        Console.WriteLine($"{rounds} rounds of {BatchSize:N0} calls per handler; {Environment.ProcessorCount} logical CPUs; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; {store} header collections");
        Console.WriteLine();
        Console.WriteLine("| Scenario | Floor (ns) | CorsGen (ns) | ASP.NET Core (ns) | CorsGen / floor | ASP.NET Core / CorsGen | CorsGen B/op | ASP.NET Core B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var scenario in ScenarioCatalog.All.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)))
        {
            var bench = new CorsBenchmarks { Scenario = scenario.Name, Headers = store };
            bench.Setup();
            Func<Task>[] handlers = [bench.Floor, bench.CorsGen, bench.AspNetCore];
            // Warm-up by time, not by count, so tiered compilation has promoted every handler to its final code
            // (a tier-up waits for 100 ms without new tier-0 methods) whatever the batch size.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.ElapsedMilliseconds < 500)
            {
                foreach (var handler in handlers)
                {
                    Time(handler);
                }
            }

            var times = new double[3][];
            for (var h = 0; h < 3; h++)
            {
                times[h] = new double[rounds];
            }

            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < 3; k++)
                {
                    var h = (round + k) % 3;
                    times[h][round] = Time(handlers[h]);
                }
            }

            var floorRatio = Median(Enumerable.Range(0, rounds).Select(r => times[1][r] / times[0][r]));
            var aspRatio = Median(Enumerable.Range(0, rounds).Select(r => times[2][r] / times[1][r]));
            Console.WriteLine(
                $"| {scenario.Name} | {Median(times[0]):F1} | {Median(times[1]):F1} | {Median(times[2]):F1} | {floorRatio:F2} | {aspRatio:F2} | {Allocated(handlers[1])} B | {Allocated(handlers[2])} B |");
        }
    }

    private static int BatchSize { get; set; } = 100_000;

    private static double Time(Func<Task> handler)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < BatchSize; i++)
        {
            handler();
        }

        return stopwatch.Elapsed.TotalNanoseconds / BatchSize;
    }

    private static long Allocated(Func<Task> handler)
    {
        const int Calls = 10_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            handler();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
