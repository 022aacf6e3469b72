using System.Collections.Immutable;
using System.Linq;
using CorsGen.Generators.Model;
using CorsGen.Generators.Surface;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.Generators;

/// <summary>
/// Compiles CorsGen's attributes on minimal-API endpoint classes into route registrations,
/// allocation-free preflight handlers and the CORS headers of actual responses.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class CorsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<ImmutableArray<EquatableArray<RouteSpec>>>? all = null;
        foreach (var (metadataName, httpMethod) in Parser.RouteAttributes)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    metadataName,
                    static (node, _) => node is MethodDeclarationSyntax,
                    // Diagnostics are the analyzers' job (CorsAttributeAnalyzer runs the same parser); the
                    // generator keeps only the routes, so source positions never enter the pipeline.
                    (attributeContext, cancellationToken) => Parser.ParseRoutes(attributeContext, httpMethod, cancellationToken).Routes)
                .WithTrackingName(TrackingNames.Routes)
                .Collect();
            all = all is null
                ? results
                : all.Value.Combine(results).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        // MVC controllers: found through the attributes that give a class or an action a policy; each hit parses
        // its whole controller, so a controller found twice is one entry.
        IncrementalValueProvider<ImmutableArray<EquatableArray<RouteSpec>>>? controllers = null;
        foreach (var metadataName in Parser.ControllerPolicyAttributes)
        {
            var results = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    metadataName,
                    static (node, _) => node is ClassDeclarationSyntax or MethodDeclarationSyntax,
                    static (attributeContext, cancellationToken) => Parser.ParseControllerTarget(attributeContext, cancellationToken).Routes)
                .Where(static routes => routes.Count != 0)
                .WithTrackingName(TrackingNames.ControllerRoutes)
                .Collect();
            controllers = controllers is null
                ? results
                : controllers.Value.Combine(results).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        var routes = all!.Value
            .Combine(controllers!.Value)
            .Select(static (results, _) => results.Left.SelectMany(r => r).Concat(results.Right.Distinct().SelectMany(r => r)).ToEquatableArray())
            .WithTrackingName(TrackingNames.CollectedRoutes);

        var classes = routes
            .SelectMany(static (all, _) => ClassModels.Build(all.ToImmutableArray()))
            .WithTrackingName(TrackingNames.EndpointClasses);

        var requestDelegates = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => RequestDelegateMode.IsOn(options.GlobalOptions));

        context.RegisterSourceOutput(classes.Where(static c => !c.Class.IsController).Combine(requestDelegates), static (spc, pair) =>
            spc.AddSource(Emitter.HintName(pair.Left.Class), Emitter.Emit(pair.Left, pair.Right)));

        // One file for every controller: MapCorsGenControllers() maps them all, as MapControllers() does.
        var controllerModels = classes
            .Where(static c => c.Class.IsController)
            .Collect()
            .Select(static (models, _) => models.ToEquatableArray())
            .WithTrackingName(TrackingNames.Controllers);
        context.RegisterSourceOutput(controllerModels, static (spc, models) =>
        {
            if (models.Count != 0)
            {
                spc.AddSource(Emitter.ControllersHintName, Emitter.EmitControllers(models));
            }
        });

        var policyClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                Parser.CorsPolicy,
                static (node, _) => node is ClassDeclarationSyntax,
                static (attributeContext, cancellationToken) => Parser.ParsePolicyClassTarget(attributeContext, cancellationToken))
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.PolicyClasses);

        context.RegisterSourceOutput(policyClasses, static (spc, spec) =>
            spc.AddSource(Emitter.PolicyHintName(spec!.Class), Emitter.EmitPolicyClass(spec)));

        // The CORS surface (CorsSurface.txt): reduced from the models above, so an edit that changes no route,
        // policy or WithCors call leaves the model unchanged and the text cached. Emitted only for -p:CorsGenUpdateSurface=true, whose build
        // target copies it into the file (build/CorsGen.targets); the surface analyzer compares it otherwise.
        var groups = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => SurfaceGroups.IsCandidate(node),
                static (syntaxContext, cancellationToken) => SurfaceGroups.Read((InvocationExpressionSyntax)syntaxContext.Node, syntaxContext.SemanticModel, cancellationToken))
            .Where(static group => group is not null)
            .WithTrackingName(TrackingNames.SurfaceGroups)
            .Collect();

        var surface = classes.Collect()
            .Combine(policyClasses.Collect())
            .Combine(groups)
            .Select(static (input, _) => CorsSurface.Build(input.Left.Left, input.Left.Right.Select(p => p!), input.Right.Select(g => g!)))
            .WithTrackingName(TrackingNames.SurfaceModel)
            .Select(static (model, _) => CorsSurface.Write(model))
            .WithTrackingName(TrackingNames.Surface);

        var updateSurface = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => CorsSurface.IsUpdateRequested(options.GlobalOptions));

        context.RegisterSourceOutput(surface.Combine(updateSurface), static (spc, pair) =>
        {
            if (pair.Right)
            {
                spc.AddSource(CorsSurface.HintName, CorsSurface.EmitSourceFile(pair.Left));
            }
        });
    }
}
