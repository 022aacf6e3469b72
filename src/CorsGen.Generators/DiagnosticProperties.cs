namespace CorsGen.Generators;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the code fixes read, so a fix never
/// depends on a message's wording.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The attribute value the diagnostic is about, exactly as the compiler read it (an origin, a method, a header).</summary>
    public const string Value = nameof(Value);

    /// <summary>CORSGEN042/043: the ASP.NET Core policy's name; absent for the default policy (<c>AddDefaultPolicy</c>).</summary>
    public const string PolicyName = nameof(PolicyName);

    /// <summary>CORSGEN042: the name of the <c>[CorsPolicy]</c> class the conversion writes.</summary>
    public const string ClassName = nameof(ClassName);
}
