using System.Reflection;

namespace CorsGen.Generators.Tests;

/// <summary>[GeneratedCode] names the package version the generator was built as, not a copy of it.</summary>
public sealed class GeneratedCodeVersionTests
{
    [Fact]
    public void Generated_code_carries_the_generator_assembly_version()
    {
        var informational = typeof(CorsGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var packageVersion = informational.Split('+')[0];

        Assert.Equal(
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"CorsGen\", \"{packageVersion}\")]",
            CorsGenerator.Emitter.GeneratedCodeAttribute);
    }
}
