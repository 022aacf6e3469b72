using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = """
        using CorsGen;
        using Microsoft.AspNetCore.Http;

        namespace App;

        """;

    /// <summary>User code that is broken for the compiler, for CorsGen, or both.</summary>
    public static TheoryData<string, string> BrokenInputs => new()
    {
        { "route attribute without pattern", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapGet] public static string Get() => ""; }
            """ },
        { "MaxAge without seconds", """
            [AllowOrigins("https://app.example.com"), MaxAge]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "AllowOrigins without origins", """
            [AllowOrigins]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "MapMethods without methods", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapMethods("/a")] public static string Get() => ""; }
            """ },
        { "non-constant origin", """
            public static class Config { public static readonly string Origin = "https://app.example.com"; }
            [AllowOrigins(Config.Origin)]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "non-constant pattern and max-age", """
            public static class Config { public static string Pattern => "/a"; public static int Seconds = 5; }
            [AllowOrigins("https://app.example.com"), MaxAge(Config.Seconds)]
            public static partial class E { [MapGet(Config.Pattern)] public static string Get() => ""; }
            """ },
        { "wrong argument type", """
            [AllowOrigins(42), MaxAge("ten")]
            public static partial class E { [MapGet(7)] public static string Get() => ""; }
            """ },
        { "non-partial class", """
            [AllowOrigins("https://app.example.com")]
            public static class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "non-static class", """
            [AllowOrigins("https://app.example.com")]
            public partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "instance route method in a static class", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapGet("/a")] public string Get() => ""; }
            """ },
        { "generic endpoint class", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E<T> { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "nested in a non-partial class", """
            public static class Outer
            {
                [AllowOrigins("https://app.example.com")]
                public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            }
            """ },
        { "unclosed attribute", """
            [AllowOrigins("https://app.example.com"
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "broken method body and missing brace", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapGet("/a")] public static string Get() { return "" +; }
                [MapPost("/a"] public static string Post(
            """ },
        { "route attribute on a non-method", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapGet("/a")] public static string Value = ""; }
            """ },
        { "null origins array", """
            [AllowOrigins(null)]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "null origin element", """
            [AllowOrigins("https://app.example.com", null)]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """ },
        { "null pattern and null method", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapGet(null)] public static string Get() => ""; [MapMethods("/b", null)] public static string B() => ""; }
            """ },
        { "duplicate method names", """
            [AllowOrigins("https://app.example.com")]
            public static partial class E { [MapGet("/a")] public static string Get() => ""; [MapGet("/b")] public static string Get(int id) => ""; }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void Generator_and_analyzer_do_not_throw_on_broken_code_and_emit_parseable_code(string name, string source)
    {
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + source));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        _ = run.AnalyzerDiagnostics; // fails if the analyzer throws
        foreach (var generated in run.Sources)
        {
            var parseErrors = generated.SyntaxTree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(parseErrors.Count == 0, $"{name}: generated {generated.HintName} does not parse:\n{GeneratorRunner.Format(parseErrors)}");
        }
    }

    [Fact]
    public void Any_origin_with_credentials_is_CORSGEN002_and_never_answers_with_star_or_echo()
    {
        const string declaration = """
            [AllowOrigins("*")]
            [AllowCredentials]
            public static partial class Leaky
            """;
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + declaration + """

            {
                [MapGet("/me")] public static string Me() => "secret";
            }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN002", DiagnosticSeverity.Error, declaration);

        // The code (comments aside) holds no "*" value and never sets Access-Control-Allow-Origin,
        // so neither ACAO: * nor an echoed origin can reach a credentialed response.
        foreach (var generated in run.Sources.Where(s => s.HintName.Contains("Leaky", StringComparison.Ordinal)))
        {
            var tokens = generated.SyntaxTree.GetRoot().DescendantTokens().ToList();
            Assert.DoesNotContain(tokens, t => t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText is "*");
            var acao = tokens
                .Where(t => t.ValueText is "AccessControlAllowOrigin"
                    || (t.IsKind(SyntaxKind.StringLiteralToken) && t.ValueText.Equals("Access-Control-Allow-Origin", StringComparison.OrdinalIgnoreCase)))
                .Select(t => $"line {t.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {t.Parent?.FirstAncestorOrSelf<StatementSyntax>()}")
                .ToList();
            Assert.True(acao.Count == 0, $"{generated.HintName} sets Access-Control-Allow-Origin:\n{string.Join("\n", acao)}");
        }
    }

    [Theory]
    [InlineData("https://app.example.com/")]
    [InlineData("https://app.example.com/path")]
    [InlineData("HTTPS://APP.EXAMPLE.COM")]
    [InlineData("https://App.example.com")]
    [InlineData("https://app.example.com:443")]
    [InlineData("http://app.example.com:80")]
    [InlineData("app.example.com")]
    [InlineData("")]
    [InlineData(" https://app.example.com")]
    [InlineData("https://app.example.com ")]
    [InlineData("https://user@app.example.com")]
    [InlineData("https://*.com")]
    [InlineData("https://app.*.example.com")]
    [InlineData("https://*")]
    [InlineData("https://app.example.com:0443")]
    [InlineData("https://app.example.com:99999")]
    [InlineData("https://bücher.example")]
    public void Invalid_origin_is_CORSGEN003(string origin)
    {
        var attribute = $"[AllowOrigins(\"https://ok.example.com\", \"{origin}\")]";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        var reported = DiagnosticAssert.Reported(run, "CORSGEN003", DiagnosticSeverity.Error, attribute);
        Assert.Single(reported);
    }

    [Theory]
    [InlineData("https://app.example.com")]
    [InlineData("http://127.0.0.1:9000")]
    [InlineData("http://localhost:5173")]
    [InlineData("https://*.example.com")]
    [InlineData("https://[::1]:8443")]
    [InlineData("*")]
    public void Valid_origin_reports_nothing(string origin)
    {
        var run = GeneratorRunner.RunClean(Usings + $"[AllowOrigins(\"{origin}\")]" + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """);

        Assert.Empty(DiagnosticAssert.Ids(run));
    }

    [Fact]
    public void Null_origin_element_is_reported_at_the_attribute()
    {
        const string attribute = """[AllowOrigins("https://app.example.com", null)]""";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN019", DiagnosticSeverity.Error, attribute);
    }

    [Fact]
    public void Null_origin_literal_is_allowed_with_warning_CORSGEN004()
    {
        const string attribute = """[AllowOrigins("https://app.example.com", "null")]""";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN004", DiagnosticSeverity.Warning, attribute);
        Assert.Equal(["CORSGEN004"], DiagnosticAssert.Ids(run));
        GeneratorRunner.AssertNoProblems("The compilation after generation", run.Output.GetDiagnostics());
    }

    [Fact]
    public void Non_partial_class_is_CORSGEN009()
    {
        const string declaration = """
            [AllowOrigins("https://app.example.com")]
            public static class E
            """;
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + declaration + """

            { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN009", DiagnosticSeverity.Error, declaration);
    }

    [Fact]
    public void Non_static_class_is_CORSGEN009()
    {
        const string declaration = """
            [AllowOrigins("https://app.example.com")]
            public partial class E
            """;
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + declaration + """

            { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN009", DiagnosticSeverity.Error, declaration);
    }

    [Fact]
    public void Instance_route_method_is_CORSGEN009()
    {
        // The compiler reports CS0708 too; CorsGen must still say why it cannot map the method.
        const string method = """[MapGet("/a")] public string Get() => "";""";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + """
            [AllowOrigins("https://app.example.com")]
            public static partial class E
            {
                [MapGet("/b")] public static string Fine() => "";
            """ + method + """

            }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN009", DiagnosticSeverity.Error, method);
    }

    [Fact]
    public void Negative_max_age_is_CORSGEN005()
    {
        const string attribute = "[MaxAge(-1)]";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + "[AllowOrigins(\"https://app.example.com\")]" + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN005", DiagnosticSeverity.Error, attribute);
    }

    [Theory]
    [InlineData("""[AllowMethods("GET", "PO ST")]""")]
    [InlineData("""[AllowMethods("")]""")]
    public void Invalid_method_token_is_CORSGEN008(string attribute)
    {
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + "[AllowOrigins(\"https://app.example.com\")]" + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN008", DiagnosticSeverity.Error, attribute);
    }

    [Theory]
    [InlineData("""[AllowHeaders("X-Ok", "X Bad")]""")]
    [InlineData("""[ExposeHeaders("X-Ok", "X:Bad")]""")]
    public void Invalid_header_name_is_CORSGEN018(string attribute)
    {
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + "[AllowOrigins(\"https://app.example.com\")]" + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        DiagnosticAssert.Reported(run, "CORSGEN018", DiagnosticSeverity.Error, attribute);
    }

    [Fact]
    public void Diagnostics_have_in_source_locations()
    {
        // A diagnostic located in a syntax tree (not a bare file path) is what the IDE underlines and
        // what #pragma warning disable and [SuppressMessage] can silence.
        const string attribute = "[AllowOrigins(\"https://app.example.com/\")]";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + attribute + """

            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        var diagnostic = DiagnosticAssert.Reported(run, "CORSGEN003", DiagnosticSeverity.Error, attribute).Single();
        Assert.True(diagnostic.Location.IsInSource, $"Location kind is {diagnostic.Location.Kind}, expected SourceFile.");
        Assert.Contains(diagnostic.Location.SourceTree, run.Input.SyntaxTrees);
    }

    [Fact]
    public void A_class_level_problem_is_reported_once_for_all_its_routes()
    {
        const string attribute = """[AllowOrigins("https://app.example.com/")]""";
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + attribute + """

            public static partial class E
            {
                [MapGet("/a")] public static string Get() => "";
                [MapPost("/a")] public static string Post() => "";
                [MapDelete("/b")] public static string Delete() => "";
            }
            """));

        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        Assert.Single(DiagnosticAssert.Reported(run, "CORSGEN003", DiagnosticSeverity.Error, attribute));
    }

    [Fact]
    public void Pragma_warning_disable_silences_a_CorsGen_warning()
    {
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Usings + """
            #pragma warning disable CORSGEN004 // the sandboxed-iframe client is intended
            [AllowOrigins("null")]
            #pragma warning restore CORSGEN004
            public static partial class E { [MapGet("/a")] public static string Get() => ""; }
            """));

        Assert.Empty(DiagnosticAssert.Ids(run));
    }
}
