using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;

namespace CorsGen.Benchmarks;

/// <summary>
/// The cost of <c>corsgen.requests</c>: CorsGen's generated handler with nothing listening to the
/// <c>CorsGen</c> meter, and with a <see cref="MeterListener"/> that takes every measurement, as an
/// exporter does (dotnet run -c Release --project tests/CorsGen.Benchmarks -- --filter '*MetricsBenchmarks*').
/// </summary>
[MemoryDiagnoser]
[Config(typeof(WideParameterColumns))]
public class MetricsBenchmarks
{
    private DefaultHttpContext _context = null!;
    private ReplayingResponseFeature _response = null!;
    private RequestDelegate _corsGen = null!;
    private MeterListener? _listener;
    private long _measurements;

    [Params("preflight single origin", "preflight rejected", "actual allowed")]
    public string Scenario { get; set; } = "preflight single origin";

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var scenario = ScenarioCatalog.Get(Scenario);
        (_context, _response) = BenchmarkContext.Create(scenario, GeneratedApp.Instance.Services, HeaderStore.Kestrel);
        _corsGen = GeneratedApp.FindRequestDelegate(scenario.Path, scenario.IsPreflight ? HttpMethods.Options : scenario.Method);
        if (Listening)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == "CorsGen")
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measurements += value);
            _listener.Start();
        }

        CorsGen();
        if (Listening && _measurements == 0)
        {
            throw new InvalidOperationException($"{Scenario}: the listener saw no corsgen.requests measurement.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark]
    public Task CorsGen()
    {
        _response.Reset();
        _corsGen(_context);
        return _response.FireOnStarting();
    }
}
