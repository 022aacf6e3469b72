using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// CORSGEN042 and CORSGEN043: on each ASP.NET Core <c>AddPolicy</c>/<c>AddDefaultPolicy</c> lambda, whether the
/// conversion to a CorsGen <c>[CorsPolicy]</c> class keeps every answer (its code fix converts), or why not.
/// It needs the whole program (every place that applies a policy), so it runs at compilation end.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AspNetPolicyConversionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ConvertibleAspNetPolicy,
        DiagnosticDescriptors.InconvertibleAspNetPolicy);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationAction(Report);
    }

    private static void Report(CompilationAnalysisContext context)
    {
        if (context.Compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions") is null)
        {
            return; // Not an ASP.NET Core app with CORS.
        }

        if (AspNetCorsSetup.Collect(context.Compilation, context.CancellationToken) is not { Registrations.Count: > 0 } setup)
        {
            return;
        }

        foreach (var verdict in PolicyConversion.Evaluate(setup, context.Compilation).Values)
        {
            var registration = verdict.Registration;
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (registration.Name is { } name)
            {
                properties = properties.Add(DiagnosticProperties.PolicyName, name);
            }

            context.ReportDiagnostic(verdict.CanConvert
                ? Diagnostic.Create(DiagnosticDescriptors.ConvertibleAspNetPolicy, registration.Location, properties.Add(DiagnosticProperties.ClassName, verdict.Translation!.ClassName), registration.Display)
                : Diagnostic.Create(DiagnosticDescriptors.InconvertibleAspNetPolicy, registration.Location, properties, registration.Display, verdict.Reason));
        }
    }
}
