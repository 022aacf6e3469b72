using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CorsGen.ConformanceTests;

/// <summary>
/// Differential test: random endpoint classes compiled with CorsGen's generator (the code under
/// test) against the same policies in ASP.NET Core's CORS middleware, on random requests. Every
/// disagreement must be one of <see cref="NormalisationRules"/>, each documented in
/// docs/compatibility.md; any other fails the test with the reproducing case.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Set to repeat a run; the seed of every run is printed.</summary>
    public const string SeedVariable = "CORSGEN_DIFF_SEED";

    /// <summary>Set to run more (or fewer) cases than <see cref="DefaultCases"/>.</summary>
    public const string CasesVariable = "CORSGEN_DIFF_CASES";

    private const int DefaultCases = 12_000;
    private const int ClassCount = 200;
    private const int ShownFailures = 6;

    [Fact]
    public async Task Generated_code_agrees_with_the_middleware_except_for_documented_differences()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var caseCount = int.TryParse(Environment.GetEnvironmentVariable(CasesVariable), out var cases) ? cases : DefaultCases;
        output.WriteLine($"seed {seed} ({SeedVariable}={seed} repeats this run), {caseCount} cases, {ClassCount} endpoint classes");

        var random = new Random(seed);
        var classes = new PolicyGenerator(random).Classes(ClassCount);
        var clock = Stopwatch.StartNew();
        using var generated = GeneratedEndpoints.Compile(GeneratedEndpoints.Source(classes));
        output.WriteLine($"generated and compiled in {clock.Elapsed.TotalSeconds:F1} s");

        await using var corsGen = await TestApp.StartAsync(_ => { }, app =>
        {
            app.UseRouting();
            Assert.Equal(classes.Count, generated.MapAll(app));
        });
        await using var middleware = await TestApp.StartAsync(services => services.AddCors(), app =>
        {
            app.UseRouting();
            app.UseCors();
            AspNetCoreEndpoints.MapAll(app, classes);
        });

        clock.Restart();
        var requests = new RequestGenerator(random, classes);
        var stats = new Stats();
        var failures = new List<Failure>();
        for (var i = 0; i < caseCount; i++)
        {
            var c = requests.Next(i);
            var failure = await RunAsync(c, corsGen, middleware, stats);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        output.WriteLine($"{caseCount} cases in {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(stats.ToString());

        if (failures.Count > 0)
        {
            var shown = new List<Failure>();
            foreach (var group in failures.GroupBy(f => f.Signature).Take(ShownFailures))
            {
                var smallest = group.MinBy(f => f.Case.Request.ToString().Length)!;
                shown.Add(await ShrinkAsync(smallest, corsGen, middleware));
            }

            Assert.Fail(
                $"{failures.Count} of {caseCount} cases disagree in ways docs/compatibility.md does not document "
                + $"(seed {seed}; {SeedVariable}={seed} repeats the run). One per kind:\n\n"
                + string.Join("\n\n", shown.Select(f => f.Describe())));
        }

        // A run that compared nothing would prove nothing.
        Assert.True(stats.PreflightsBothAllowed > caseCount / 20, "too few preflights both allow:\n" + stats);
        Assert.True(stats.ActualsBothAllowed > caseCount / 20, "too few actual requests both allow:\n" + stats);
        Assert.True(stats.BothRefused > caseCount / 20, "too few cases both refuse:\n" + stats);
    }

    [Fact]
    public void Every_normalisation_rule_has_its_row_in_the_compatibility_table()
    {
        var table = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "compatibility.md"));
        foreach (var rule in NormalisationRules.All)
        {
            Assert.NotEmpty(rule.CompatibilityRows);
            foreach (var row in rule.CompatibilityRows)
            {
                Assert.True(table.Contains("| " + row, StringComparison.Ordinal), $"{rule.Name}: docs/compatibility.md has no row starting \"{row}\"");
            }
        }
    }

    private static async Task<Failure?> RunAsync(DiffCase c, TestApp corsGen, TestApp middleware, Stats stats)
    {
        var generatedReply = await SendAsync(corsGen, c.Request);
        var middlewareReply = await SendAsync(middleware, c.Request);
        var result = Differential.Compare(c, generatedReply, middlewareReply);
        if (generatedReply.Status == 500)
        {
            result.Disagreements.Insert(0, "CorsGen answered 500");
        }

        stats.Add(c, result);
        return result.Disagreements.Count == 0 ? null : new Failure(c, generatedReply, middlewareReply, result);
    }

    private static async Task<Reply> SendAsync(TestApp app, CorsRequest request)
    {
        try
        {
            return await app.SendAsync(request);
        }
        catch (Exception e)
        {
            // TestServer rethrows what the app threw; show it as a 500 with the exception.
            return new Reply(500, new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["X-Exception"] = e.GetType().Name + ": " + e.Message });
        }
    }

    // Tries simpler requests (no or fewer requested headers) that still fail the same way.
    private static async Task<Failure> ShrinkAsync(Failure failure, TestApp corsGen, TestApp middleware)
    {
        var request = failure.Case.Request;
        var simpler = new List<CorsRequest>();
        if (request.RequestHeaders is not null)
        {
            simpler.Add(request with { RequestHeaders = null });
            simpler.AddRange(BrowserModel.Elements(request.RequestHeaders.Value).Distinct().Select(e => request with { RequestHeaders = e }));
        }

        foreach (var candidate in simpler)
        {
            var shrunk = await RunAsync(failure.Case with { Request = candidate }, corsGen, middleware, new Stats());
            if (shrunk?.Signature == failure.Signature)
            {
                return shrunk;
            }
        }

        return failure;
    }

    private sealed record Failure(DiffCase Case, Reply CorsGen, Reply Middleware, CaseResult Result)
    {
        // Kind of disagreement, without the values.
        public string Signature => string.Join("; ", Result.Disagreements.Select(d => d.Split(':')[0]));

        public string Describe()
        {
            var text = new StringBuilder();
            text.AppendLine($"case {Case.Index}: {string.Join("; ", Result.Disagreements)}");
            text.AppendLine("endpoint class:");
            text.AppendLine(Case.Endpoints.Source().TrimEnd());
            text.AppendLine($"middleware policy of {Case.Route.Pattern}: {(Case.Endpoints.EffectivePolicy(Case.Route) is null ? "[DisableCors]" : Case.Endpoints.AspNetCorePolicy(Case.Route))}");
            text.AppendLine("request: " + Case.Request);
            text.AppendLine("CorsGen: " + CorsGen);
            text.Append("middleware: " + Middleware);
            return text.ToString();
        }
    }

    private sealed class Stats
    {
        private readonly Dictionary<NormalisationRule, int> _rules = [];

        public int Preflights { get; private set; }

        public int Actuals { get; private set; }

        public int PreflightsBothAllowed { get; private set; }

        public int ActualsBothAllowed { get; private set; }

        public int BothRefused { get; private set; }

        public void Add(DiffCase c, CaseResult result)
        {
            if (c.Request.IsPreflight)
            {
                Preflights++;
                PreflightsBothAllowed += result.BothAllowed ? 1 : 0;
            }
            else
            {
                Actuals++;
                ActualsBothAllowed += result.BothAllowed ? 1 : 0;
            }

            BothRefused += result.BothRefused ? 1 : 0;
            foreach (var rule in result.Applied)
            {
                _rules[rule] = _rules.GetValueOrDefault(rule) + 1;
            }
        }

        public override string ToString() =>
            $"preflights {Preflights} (both allow {PreflightsBothAllowed}), other requests {Actuals} (both allow {ActualsBothAllowed}), both refuse {BothRefused}\n"
            + "normalisation rules applied:\n"
            + string.Join("\n", NormalisationRules.All.Select(r => $"  {r.Name,-46} {_rules.GetValueOrDefault(r),6}"));
    }
}
