using CorsGen.CodeFixes;
using static CorsGen.Analyzers.Tests.CodeFixes.CodeFixHarness;

namespace CorsGen.Analyzers.Tests.CodeFixes;

/// <summary>CORSGEN009: endpoint classes and route methods of the wrong shape.</summary>
public sealed class InvalidShapeFixTests
{
    private static readonly InvalidShapeCodeFixProvider Provider = new();

    [Fact]
    public async Task Makes_a_public_class_static_partial()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public static partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN009", "Make 'InfoEndpoints' static partial", expected, equivalenceKey: "CORSGEN009.MakeClassStaticPartial");
    }

    [Fact]
    public async Task Adds_only_partial_to_a_static_class_after_its_other_modifiers()
    {
        const string source = """
            using CorsGen;

            namespace App;

            internal static class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            internal static partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN009", "Make 'InfoEndpoints' partial", expected);
    }

    [Fact]
    public async Task Adds_static_before_partial_and_keeps_the_layout_of_a_class_without_modifiers()
    {
        const string source = """
            using CorsGen;

            namespace App;

            /// <summary>Info.</summary>
            [AllowOrigins("https://app.example.com")]
            partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";

                public static string Helper() => "help";
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            /// <summary>Info.</summary>
            [AllowOrigins("https://app.example.com")]
            static partial class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";

                public static string Helper() => "help";
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN009", "Make 'InfoEndpoints' static", expected);
    }

    [Fact]
    public async Task Does_not_make_static_a_class_with_instance_members()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public partial class InfoEndpoints
            {
                private readonly int count = 1;

                public int Count => count;

                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN009");
    }

    [Fact]
    public async Task Does_not_make_static_a_class_that_is_instantiated()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public class InfoEndpoints
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }

            public static class Use
            {
                public static object Create() => new InfoEndpoints();
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN009");
    }

    [Fact]
    public async Task Does_not_make_static_a_class_with_a_base_class()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public class Base
            {
            }

            public partial class InfoEndpoints : Base
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN009");
    }

    [Fact]
    public async Task Makes_a_route_method_static()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public partial class InfoEndpoints
            {
                private const string Prefix = "info:";

                [MapGet("/info/{name}")]
                public string Get(string name)
                {
                    var trimmed = name.Trim();
                    return Prefix + trimmed + trimmed.Length + Format(name);
                }

                private static string Format(string value) => value;
            }
            """;
        const string expected = """
            using CorsGen;

            namespace App;

            public partial class InfoEndpoints
            {
                private const string Prefix = "info:";

                [MapGet("/info/{name}")]
                public static string Get(string name)
                {
                    var trimmed = name.Trim();
                    return Prefix + trimmed + trimmed.Length + Format(name);
                }

                private static string Format(string value) => value;
            }
            """;
        // The class's own CORSGEN009 (not static) stays: its fix is a separate action.
        await VerifyFixAsync(Provider, source, "CORSGEN009", "Make 'Get' static", expected, equivalenceKey: "CORSGEN009.MakeMethodStatic", messageContains: "Route method");
    }

    [Fact]
    public async Task Makes_a_method_without_modifiers_static_after_its_attributes()
    {
        const string source = """
            using CorsGen;
            using System.Threading.Tasks;

            namespace App;

            public partial class InfoEndpoints
            {
                [MapGet("/info")]
                async Task<string> Get()
                {
                    await Task.Yield();
                    return "info";
                }
            }
            """;
        const string expected = """
            using CorsGen;
            using System.Threading.Tasks;

            namespace App;

            public partial class InfoEndpoints
            {
                [MapGet("/info")]
                static async Task<string> Get()
                {
                    await Task.Yield();
                    return "info";
                }
            }
            """;
        await VerifyFixAsync(Provider, source, "CORSGEN009", "Make 'Get' static", expected, messageContains: "Route method");
    }

    [Fact]
    public async Task Class_fix_becomes_available_once_the_route_methods_are_static()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public class InfoEndpoints
            {
                [MapGet("/info")]
                public string Get() => "info";
            }
            """;
        // The instance route method keeps the class from being static; the method itself can be.
        Assert.Empty(await TitlesAsync(Provider, source, "CORSGEN009", occurrence: 0));
        Assert.Equal(["Make 'Get' static"], await TitlesAsync(Provider, source, "CORSGEN009", occurrence: 1));
    }

    [Theory]
    [InlineData("private readonly string name = \"x\";", "public string Get() => name;")]
    [InlineData("", "public string Get() => this.ToString() ?? \"\";")]
    [InlineData("", "public string Get() => GetHashCode().ToString();")]
    [InlineData("private string Name { get; } = \"x\";", "public string Get() { var f = () => Name; return f(); }")]
    [InlineData("public event System.EventHandler? Changed;", "public string Get() { Changed?.Invoke(null, System.EventArgs.Empty); return \"x\"; }")]
    [InlineData("", "public override string ToString() => \"x\";")]
    public async Task Does_not_make_static_a_method_that_needs_an_instance(string member, string method)
    {
        var source = $$"""
            using CorsGen;

            namespace App;

            public partial class InfoEndpoints
            {
                {{member}}

                [MapGet("/info")]
                {{method}}
            }
            """;
        var document = CreateDocument(source);
        var (errors, diagnostics) = await DiagnosticsAsync(document);
        Assert.Empty(errors);
        var methodDiagnostic = Assert.Single(diagnostics, d => d.Id == "CORSGEN009" && d.GetMessage().StartsWith("Route method", StringComparison.Ordinal));
        Assert.Empty(await ActionsAsync(Provider, document, methodDiagnostic));
    }

    [Fact]
    public async Task Does_not_make_static_a_primary_constructor_parameter_user()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public partial class InfoEndpoints(string greeting)
            {
                [MapGet("/info")]
                public string Get() => greeting;
            }
            """;
        var document = CreateDocument(source);
        var (errors, diagnostics) = await DiagnosticsAsync(document);
        Assert.Empty(errors);
        var methodDiagnostic = Assert.Single(diagnostics, d => d.Id == "CORSGEN009" && d.GetMessage().StartsWith("Route method", StringComparison.Ordinal));
        Assert.Empty(await ActionsAsync(Provider, document, methodDiagnostic));
    }

    [Fact]
    public async Task Offers_nothing_for_a_generic_class()
    {
        const string source = """
            using CorsGen;

            namespace App;

            public static partial class InfoEndpoints<T>
            {
                [MapGet("/info")]
                public static string Get() => "info";
            }
            """;
        await VerifyNoFixAsync(Provider, source, "CORSGEN009");
    }
}
