using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Generators.Tests;

/// <summary>
/// Global analyzer options carrying MSBuild properties (<c>build_property.Name</c>), as
/// <c>CompilerVisibleProperty</c> hands them to generators and analyzers. Shared with CorsGen.Analyzers.Tests.
/// </summary>
internal sealed class BuildProperties((string Name, string Value)[] properties) : AnalyzerConfigOptionsProvider
{
    private static readonly Options Empty = new(new Dictionary<string, string>());
    private readonly Options _global = new(properties.ToDictionary(p => "build_property." + p.Name, p => p.Value));

    public override AnalyzerConfigOptions GlobalOptions => _global;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
