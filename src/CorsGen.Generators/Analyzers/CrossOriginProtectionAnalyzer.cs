using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// ASP.NET Core 11's automatic cross-origin (CSRF) protection (dotnet/aspnetcore #66585) and CorsGen:
/// credentialed form routes that need <c>AddCorsGen()</c> (CORSGEN030), and a default CORS policy that
/// becomes the trust list of CorsGen's routes (CORSGEN031). Only in compilations that reference
/// ASP.NET Core 11 (which has <c>ICsrfProtection</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossOriginProtectionAnalyzer : DiagnosticAnalyzer
{
    private const string CsrfProtectionName = "Microsoft.AspNetCore.Antiforgery.ICsrfProtection";
    private const string CorsOptionsName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions";
    private const string PolicyBuilderName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";
    private const string AddCorsGenExtensionsName = "Microsoft.Extensions.DependencyInjection.CorsGenServiceCollectionExtensions";
    private const string FromFormMetadataName = "Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata";
    private const string RouteAttributeName = "CorsGen.CorsGenRouteAttribute";

    private static readonly string[] FormTypeNames =
    [
        "Microsoft.AspNetCore.Http.IFormFile",
        "Microsoft.AspNetCore.Http.IFormFileCollection",
        "Microsoft.AspNetCore.Http.IFormCollection",
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.FormRouteWithoutAddCorsGen,
        DiagnosticDescriptors.DefaultPolicyTrustedForCorsGenForms);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var compilation = start.Compilation;
            var routeAttribute = compilation.GetTypeByMetadataName(RouteAttributeName);
            if (compilation.GetTypeByMetadataName(CsrfProtectionName) is null || routeAttribute is null)
            {
                return; // Not ASP.NET Core 11, or no CorsGen.
            }

            var facts = new Facts(
                compilation.GetTypeByMetadataName(CorsOptionsName),
                compilation.GetTypeByMetadataName(PolicyBuilderName),
                compilation.GetTypeByMetadataName(AddCorsGenExtensionsName),
                compilation.GetTypeByMetadataName(FromFormMetadataName),
                [.. FormTypeNames.Select(compilation.GetTypeByMetadataName).Where(t => t is not null).Cast<INamedTypeSymbol>()],
                routeAttribute,
                WellKnownTypes.For(compilation));
            // Only an app calls AddCorsGen(): a library of endpoint classes is left to the app that maps them.
            facts.IsApplication = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;
            start.RegisterSymbolAction(symbol => facts.CollectRoute((IMethodSymbol)symbol.Symbol), SymbolKind.Method);
            start.RegisterOperationAction(operation => facts.CollectInvocation((IInvocationOperation)operation.Operation), OperationKind.Invocation);
            start.RegisterCompilationEndAction(facts.Report);
        });
    }

    private sealed class Facts(
        INamedTypeSymbol? corsOptions,
        INamedTypeSymbol? policyBuilder,
        INamedTypeSymbol? addCorsGenExtensions,
        INamedTypeSymbol? fromFormMetadata,
        ImmutableArray<INamedTypeSymbol> formTypes,
        INamedTypeSymbol routeAttribute,
        WellKnownTypes corsGen)
    {
        private readonly ConcurrentQueue<(Location Location, string Route, string Binding)> _credentialedFormRoutes = new();
        private readonly ConcurrentQueue<Location> _credentialedDefaultPolicies = new();
        private volatile bool _hasCorsGenRoutes;
        private volatile bool _callsAddCorsGen;

        public bool IsApplication { get; set; }

        public void CollectRoute(IMethodSymbol method)
        {
            if (!method.GetAttributes().Any(a => Inherits(a.AttributeClass, routeAttribute)))
            {
                return;
            }

            _hasCorsGenRoutes = true;
            foreach (var parameter in method.Parameters)
            {
                if (FormBinding(parameter) is { } binding)
                {
                    if (AllowsCredentials(method))
                    {
                        _credentialedFormRoutes.Enqueue((parameter.Locations.FirstOrDefault() ?? Location.None, method.ContainingType.Name + "." + method.Name, binding));
                    }

                    return;
                }
            }
        }

        public void CollectInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var containing = method.ReducedFrom?.ContainingType ?? method.ContainingType;
            if (method.Name == "AddCorsGen" && SymbolEqualityComparer.Default.Equals(containing, addCorsGenExtensions))
            {
                _callsAddCorsGen = true;
            }
            else if (method.Name == "AddDefaultPolicy" && SymbolEqualityComparer.Default.Equals(containing, corsOptions) && CallsAllowCredentials(invocation))
            {
                _credentialedDefaultPolicies.Enqueue(invocation.Syntax.GetLocation());
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (IsApplication && !_callsAddCorsGen)
            {
                foreach (var (location, route, binding) in _credentialedFormRoutes)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FormRouteWithoutAddCorsGen, location, route, binding));
                }
            }

            if (_hasCorsGenRoutes)
            {
                foreach (var location in _credentialedDefaultPolicies)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DefaultPolicyTrustedForCorsGenForms, location));
                }
            }
        }

        // What minimal APIs bind from the form: [FromForm] (any IFromFormMetadata), IFormFile, IFormFileCollection, IFormCollection.
        private string? FormBinding(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass is { } type && fromFormMetadata is not null && type.AllInterfaces.Contains(fromFormMetadata, SymbolEqualityComparer.Default))
                {
                    return "[" + type.Name.Replace("Attribute", string.Empty) + "]";
                }
            }

            var parameterType = parameter.Type;
            return formTypes.FirstOrDefault(t => SymbolEqualityComparer.Default.Equals(t, parameterType)) is { } formType ? formType.Name : null;
        }

        // [AllowCredentials] on the method, its class, or a [UseCorsPolicy(typeof(...))] class of either.
        private bool AllowsCredentials(IMethodSymbol method) =>
            HasCredentials(method) || HasCredentials(method.ContainingType);

        private bool HasCredentials(ISymbol symbol)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (WellKnownTypes.Is(attribute, corsGen.AllowCredentials))
                {
                    return true;
                }

                if (WellKnownTypes.Is(attribute, corsGen.UseCorsPolicy)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is INamedTypeSymbol policy
                    && WellKnownTypes.Has(policy, corsGen.AllowCredentials))
                {
                    return true;
                }
            }

            return false;
        }

        private bool CallsAllowCredentials(IInvocationOperation invocation) =>
            invocation.Descendants().OfType<IInvocationOperation>().Any(call =>
                call.TargetMethod.Name == "AllowCredentials" && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, policyBuilder));

        private static bool Inherits(INamedTypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
