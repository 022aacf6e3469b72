using System.Collections.Immutable;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Generators.Tests;

/// <summary>
/// Runs the generator and CorsGen's analyzers on every <see cref="RobustnessCorpus"/> input: the
/// generator never throws, the analyzers never throw (AD0001), what the generator emits always
/// parses, and wherever the input compiles without errors, so does the output.
/// </summary>
public sealed class RobustnessCorpusTests
{
    public static TheoryData<string> InputNames => new(RobustnessCorpus.Inputs.Keys);

    [Theory]
    [MemberData(nameof(InputNames))]
    public void Generator_and_analyzers_survive_the_input(string name) => Run(name);

    [Fact]
    public void The_corpus_is_large_and_mixes_broken_and_compiling_inputs()
    {
        var compiling = RobustnessCorpus.Inputs.Values.Count(sources => Errors(GeneratorRunner.CreateCompilation(sources).GetDiagnostics()).Count == 0);

        Assert.True(RobustnessCorpus.Inputs.Count >= 60, $"{RobustnessCorpus.Inputs.Count} inputs");
        Assert.InRange(compiling, 20, RobustnessCorpus.Inputs.Count - 20);
    }

    private static void Run(string name)
    {
        var input = GeneratorRunner.CreateCompilation(RobustnessCorpus.Inputs[name]);
        var inputErrors = Errors(input.GetDiagnostics());

        var run = GeneratorRunner.Run(input);

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        foreach (var source in run.Sources)
        {
            var syntaxErrors = Errors(source.SyntaxTree.GetDiagnostics());
            Assert.True(syntaxErrors.Count == 0, $"{source.HintName} does not parse:\n{GeneratorRunner.Format(syntaxErrors)}");
        }

        AssertAnalyzersDoNotThrow(run.Output);
        if (inputErrors.Count == 0)
        {
            GeneratorRunner.AssertNoProblems("The compilation after generation (its input had no errors)", Errors(run.Output.GetDiagnostics()));
        }
    }

    private static List<Diagnostic> Errors(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)];

    // Both of CorsGen's analyzers, as a build runs them; an exception surfaces as AD0001.
    private static void AssertAnalyzersDoNotThrow(Compilation compilation)
    {
        var crashes = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => { lock (crashes) crashes.Add($"{analyzer}: {exception}"); },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAttributeAnalyzer(), new AspNetCoreCorsAnalyzer());
        var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes));
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "AD0002");
    }
}
