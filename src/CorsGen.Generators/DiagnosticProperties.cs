namespace CorsGen.Generators;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes read, so a fix never
/// depends on a message's wording.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The attribute value the diagnostic is about, exactly as the compiler read it (an origin, a method, a header).</summary>
    public const string Value = nameof(Value);
}
