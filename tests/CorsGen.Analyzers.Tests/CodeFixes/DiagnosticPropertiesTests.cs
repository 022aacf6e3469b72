using System.Collections.Immutable;
using CorsGen.CodeFixes;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>
/// The fixes find the value a diagnostic is about in <see cref="Diagnostic.Properties"/>, never in its
/// message: rewording a message cannot break a fix.
/// </summary>
public sealed class DiagnosticPropertiesTests
{
    private const string Source = """
        using CorsGen;

        namespace App;

        public static partial class Api
        {
            [MapGet("/data")]
            [AllowOrigins("https://app.example.com")]
            [AllowMethods("put", "delete")]
            public static string Data() => "data";
        }
        """;

    [Fact]
    public async Task Analyzer_diagnostics_carry_the_value()
    {
        var (_, diagnostics) = await DiagnosticsAsync(CreateDocument(Source));
        var methodCase = diagnostics.Where(d => d.Id == DiagnosticDescriptors.MethodCase.Id).ToList();

        Assert.Equal(["put", "delete"], methodCase.Select(d => d.Properties[DiagnosticProperties.Value]));
    }

    [Fact]
    public async Task A_reworded_message_over_the_whole_attribute_still_gets_its_fix()
    {
        var document = CreateDocument(Source);
        var root = (await document.GetSyntaxRootAsync())!;
        var attribute = root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>().Single(a => a.Name.ToString() == "AllowMethods");
        var reworded = new DiagnosticDescriptor(
            DiagnosticDescriptors.MethodCase.Id, "title", "A method is not in upper case", "CorsGen", DiagnosticSeverity.Warning, isEnabledByDefault: true);
        var diagnostic = Diagnostic.Create(
            reworded, attribute.GetLocation(), ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.Value, "delete"));

        var actions = await ActionsAsync(new MethodCaseCodeFixProvider(), document, diagnostic);

        Assert.Equal("Use 'DELETE'", Assert.Single(actions).Title);
    }
}
