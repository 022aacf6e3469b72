using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsGen.Generators.Model;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>
/// Checks code written against ASP.NET Core's own CORS (CorsPolicyBuilder, UseCors, RequireCors) and
/// hand-written CORS headers, so every ASP.NET Core app that references CorsGen gains from it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AspNetCoreCorsAnalyzer : DiagnosticAnalyzer
{
    private const string PolicyBuilderName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";
    private const string CorsOptionsName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions";
    private const string UseCorsExtensionsName = "Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions";
    private const string RequireCorsExtensionsName = "Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions";
    private const string EnableCorsAttributeName = "Microsoft.AspNetCore.Cors.EnableCorsAttribute";
    private const string DisableCorsAttributeName = "Microsoft.AspNetCore.Cors.DisableCorsAttribute";
    private const string AttachesPolicy = "attaches an ASP.NET Core CORS policy";
    private const string IsMetadata = "is ASP.NET Core CORS metadata";
    private const string AddUseCors = "call app.UseCors() after UseRouting()";
    private const string UseCorsGenDisableCors = "on a CorsGen route use CorsGen's [DisableCors] (namespace CorsGen), else call app.UseCors() after UseRouting()";
    private const string HeaderDictionaryName = "Microsoft.AspNetCore.Http.IHeaderDictionary";
    private const string AllowOrigin = "Access-Control-Allow-Origin";
    private const string AllowCredentials = "Access-Control-Allow-Credentials";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.AspNetAnyOriginWithCredentials,
        DiagnosticDescriptors.AspNetAllowAllPredicateWithCredentials,
        DiagnosticDescriptors.AspNetInvalidOrigin,
        DiagnosticDescriptors.AspNetCorsMetadataWithoutMiddleware,
        DiagnosticDescriptors.ReflectedOriginWithCredentials,
        DiagnosticDescriptors.DefaultPolicyShadowsCorsGen,
        DiagnosticDescriptors.NullOriginWithCredentials,
        DiagnosticDescriptors.InsecureOriginWithCredentials,
        DiagnosticDescriptors.SubstringOriginPredicateWithCredentials,
        DiagnosticDescriptors.SharedHostingSuffixWithCredentials,
        DiagnosticDescriptors.UseCorsBeforeUseRouting,
        DiagnosticDescriptors.UnregisteredCorsPolicyName,
        DiagnosticDescriptors.UnusedCorsPolicy,
        DiagnosticDescriptors.PolicyAllowsNoOrigin,
        DiagnosticDescriptors.HandWrittenAnyOriginWithCredentials);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var types = new KnownTypes(start.Compilation);
            if (types.HeaderDictionary is null)
            {
                return; // Not an ASP.NET Core compilation.
            }

            var program = new ProgramFacts();
            start.RegisterOperationBlockStartAction(block =>
            {
                var builderCalls = new ConcurrentQueue<IInvocationOperation>();
                var headerWrites = new ConcurrentQueue<HeaderWrite>();
                block.RegisterOperationAction(
                    operation => CollectInvocation((IInvocationOperation)operation.Operation, types, program, builderCalls, headerWrites),
                    OperationKind.Invocation);
                block.RegisterOperationAction(
                    operation => CollectAssignment((ISimpleAssignmentOperation)operation.Operation, types, program, headerWrites),
                    OperationKind.SimpleAssignment);
                // Symbol actions never visit lambdas: [EnableCors] on a minimal-API lambda is found here.
                block.RegisterOperationAction(
                    operation => CollectSymbol(((IAnonymousFunctionOperation)operation.Operation).Symbol, types, program),
                    OperationKind.AnonymousFunction);
                // .WithMetadata(new EnableCorsAttribute("spa")) / (new DisableCorsAttribute()).
                block.RegisterOperationAction(
                    operation => CollectCreation((IObjectCreationOperation)operation.Operation, types, program),
                    OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    AnalyzePolicyBuilders(end, builderCalls.ToArray(), types);
                    AnalyzeHeaderWrites(end, headerWrites.ToArray());
                });
            });

            start.RegisterSymbolAction(symbol => CollectSymbol(symbol.Symbol, types, program), SymbolKind.NamedType, SymbolKind.Method);
            start.RegisterCompilationEndAction(end => program.Report(end));
        });
    }

    private static void CollectInvocation(
        IInvocationOperation invocation,
        KnownTypes types,
        ProgramFacts program,
        ConcurrentQueue<IInvocationOperation> builderCalls,
        ConcurrentQueue<HeaderWrite> headerWrites)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (containing is null)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.PolicyBuilder))
        {
            builderCalls.Enqueue(invocation);
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.UseCorsExtensions) && method.Name == "UseCors")
        {
            program.UseCorsCalls.Enqueue(new PipelineCall(invocation.Syntax.GetLocation(), GlobalPolicy(invocation), PipelineScope(invocation), invocation.Syntax.SpanStart));
            program.AddPolicyUse(invocation, "policyName", "UseCors(\"{0}\")");
            return;
        }

        if (method.Name == "AddCors" && containing.ToDisplayString() == "Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions")
        {
            program.HasAddCors = true; // The project registers CORS itself: its policies are the ones this project adds.
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.RoutingExtensions) && method.Name == "UseRouting")
        {
            program.UseRoutingCalls.Enqueue(new PipelineCall(invocation.Syntax.GetLocation(), false, PipelineScope(invocation), invocation.Syntax.SpanStart));
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.RequireCorsExtensions) && method.Name == "RequireCors")
        {
            program.CorsMetadataUses.Enqueue(new CorsMetadataUse(NameLocation(invocation), "RequireCors(...)", AttachesPolicy, AddUseCors));
            program.AddPolicyUse(invocation, "policyName", "RequireCors(\"{0}\")");
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(containing, types.CorsOptions))
        {
            switch (method.Name)
            {
                case "AddDefaultPolicy":
                    program.HasDefaultPolicy = true;
                    break;
                case "AddPolicy":
                    program.AddRegistration(invocation);
                    break;
                case "GetPolicy":
                    program.AddPolicyUse(invocation, "name", "GetPolicy(\"{0}\")");
                    break;
            }

            return;
        }

        if (method.Name == "GetPolicyAsync" && types.PolicyProvider is not null
            && (SymbolEqualityComparer.Default.Equals(containing, types.PolicyProvider) || containing.AllInterfaces.Contains(types.PolicyProvider, SymbolEqualityComparer.Default)))
        {
            program.AddPolicyUse(invocation, "policyName", "GetPolicyAsync(..., \"{0}\")");
            return;
        }

        // headers.Append("Access-Control-Allow-Origin", value), Add, TryAdd, Set.
        if (method.Name is "Append" or "Add" or "TryAdd" or "Set" or "AppendCommaSeparatedValues"
            && invocation.Arguments.Length >= 2
            && IsHeaderDictionary(invocation.Instance?.Type ?? (method.IsExtensionMethod ? method.Parameters[0].Type : null), types)
            && HeaderName(ArgumentValue(invocation, 0)) is { } name)
        {
            headerWrites.Enqueue(new HeaderWrite(name, ArgumentValue(invocation, 1), invocation));
        }
    }

    private static void CollectAssignment(ISimpleAssignmentOperation assignment, KnownTypes types, ProgramFacts program, ConcurrentQueue<HeaderWrite> headerWrites)
    {
        // options.DefaultPolicyName = "final": that named policy is the default UseCors() applies.
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "DefaultPolicyName" } defaultName
            && SymbolEqualityComparer.Default.Equals(defaultName.Property.ContainingType, types.CorsOptions))
        {
            program.HasDefaultPolicy = true;
            program.AddPolicyUse(PolicyNames.Constant(assignment.Value), assignment.Syntax.GetLocation(), "DefaultPolicyName = \"{0}\"");
            return;
        }

        if (assignment.Target is not IPropertyReferenceOperation property || !IsHeaderDictionary(property.Instance?.Type, types))
        {
            return;
        }

        string? name = null;
        if (property.Property.IsIndexer && property.Arguments.Length == 1)
        {
            name = HeaderName(property.Arguments[0].Value);
        }
        else if (property.Property.Name == "AccessControlAllowOrigin")
        {
            name = AllowOrigin;
        }
        else if (property.Property.Name == "AccessControlAllowCredentials")
        {
            name = AllowCredentials;
        }

        if (name is not null)
        {
            headerWrites.Enqueue(new HeaderWrite(name, assignment.Value, assignment));
        }
    }

    private static void CollectSymbol(ISymbol symbol, KnownTypes types, ProgramFacts program)
    {
        if (symbol is INamedTypeSymbol type && types.PolicyProvider is not null && type.AllInterfaces.Contains(types.PolicyProvider, SymbolEqualityComparer.Default))
        {
            program.HasCustomPolicyProvider = true; // Names may resolve to policies the provider builds.
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? symbol.Locations.FirstOrDefault() ?? Location.None;
            if (CorsAttributeUse(attributeClass, types, location, "[{0}]") is { } use)
            {
                program.CorsMetadataUses.Enqueue(use);
                if (SymbolEqualityComparer.Default.Equals(attributeClass, types.EnableCorsAttribute) && attribute.ConstructorArguments.Length == 1)
                {
                    program.AddPolicyUse(attribute.ConstructorArguments[0].Value as string, location, "[EnableCors(\"{0}\")]");
                }
            }

            if (types.CorsGen.IsCorsAttribute(attributeClass) || SymbolEqualityComparer.Default.Equals(attributeClass, types.CorsGen.CorsPolicy))
            {
                program.HasCorsGenEndpoints = true;
            }
        }
    }

    private static void CollectCreation(IObjectCreationOperation creation, KnownTypes types, ProgramFacts program)
    {
        // Attributes are object creations inside an attribute operation: CollectSymbol reports those.
        if (creation.Parent?.Kind != OperationKind.Attribute
            && creation.Type is INamedTypeSymbol type
            && CorsAttributeUse(type, types, creation.Syntax.GetLocation(), "new {0}Attribute(...)") is { } use)
        {
            program.CorsMetadataUses.Enqueue(use);
            if (SymbolEqualityComparer.Default.Equals(type, types.EnableCorsAttribute) && creation.Arguments.Length == 1)
            {
                var name = creation.Arguments[0].Value;
                program.AddPolicyUse(PolicyNames.Constant(name), name.Syntax.GetLocation(), "new EnableCorsAttribute(\"{0}\")");
            }
        }
    }

    // ASP.NET Core's [EnableCors] and [DisableCors] are both ICorsMetadata: its endpoint middleware
    // throws for either when UseCors() did not run.
    private static CorsMetadataUse? CorsAttributeUse(INamedTypeSymbol attributeClass, KnownTypes types, Location location, string format)
    {
        if (types.EnableCorsAttribute is not null && SymbolEqualityComparer.Default.Equals(attributeClass, types.EnableCorsAttribute))
        {
            return new CorsMetadataUse(location, string.Format(format, "EnableCors"), AttachesPolicy, AddUseCors);
        }

        if (types.DisableCorsAttribute is not null && SymbolEqualityComparer.Default.Equals(attributeClass, types.DisableCorsAttribute))
        {
            return new CorsMetadataUse(location, string.Format(format, "DisableCors"), IsMetadata, UseCorsGenDisableCors);
        }

        return null;
    }

    // CORSGEN012, 013, 014 on each policy's end states: ASP.NET Core applies the calls in order, the last one wins.
    private static void AnalyzePolicyBuilders(OperationBlockAnalysisContext context, IInvocationOperation[] calls, KnownTypes types)
    {
        if (types.PolicyBuilder is null || calls.Length == 0)
        {
            return;
        }

        foreach (var policy in AspNetCorsPolicyModel.Build(calls, types.PolicyBuilder))
        {
            var reported = new HashSet<(DiagnosticDescriptor, Location)>();
            void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties = null, params object[] arguments)
            {
                if (reported.Add((descriptor, location)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, arguments));
                }
            }

            foreach (var state in policy.EndStates)
            {
                if (state.Credentials != true || state.CredentialsCall is not { } credentials)
                {
                    continue;
                }

                if (state.AllowsAnyOrigin)
                {
                    Report(DiagnosticDescriptors.AspNetAnyOriginWithCredentials, NameLocation(credentials));
                    continue;
                }

                if (state.Predicate == AspNetOriginPredicateKind.Custom && state.PredicateCall is { Arguments.Length: 1 } predicate)
                {
                    if (AlwaysReturnsTrue(predicate.Arguments[0].Value))
                    {
                        Report(DiagnosticDescriptors.AspNetAllowAllPredicateWithCredentials, NameLocation(predicate));
                        continue;
                    }

                    foreach (var finding in OriginPredicates.Find(predicate.Arguments[0].Value))
                    {
                        if (finding.SharedSuffix is { } suffix)
                        {
                            Report(DiagnosticDescriptors.SharedHostingSuffixWithCredentials, finding.Location, null, finding.Text, suffix);
                        }
                        else
                        {
                            Report(DiagnosticDescriptors.SubstringOriginPredicateWithCredentials, finding.Location, null, finding.Text, finding.Why);
                        }
                    }
                }

                ReportCredentialedOrigins(state, Report);
            }

            if (policy.Kind != AspNetCorsPolicyKind.Builder && !policy.Escapes && policy.EndStates.All(s => s.AllowsNoOrigin))
            {
                var why = policy.EndStates.Any(s => s.Predicate == AspNetOriginPredicateKind.WildcardSubdomains)
                    ? "SetIsOriginAllowedToAllowWildcardSubdomains() matches subdomains of the WithOrigins(...) patterns, and there are none"
                    : "it never calls WithOrigins(...), AllowAnyOrigin() or SetIsOriginAllowed(...)";
                Report(DiagnosticDescriptors.PolicyAllowsNoOrigin, NameLocation(policy.Registration ?? policy.Calls[0]), null, why);
            }

            foreach (var entry in policy.OriginEntries)
            {
                if (entry.Value is not { } origin || !policy.IsLive(entry))
                {
                    continue; // Cleared by a later AllowAnyOrigin() or never read after a later SetIsOriginAllowed(...).
                }

                // An entry is reported when it cannot match in any end state that reads it.
                string? error = null;
                foreach (var state in policy.EndStates.Where(s => s.Predicate == AspNetOriginPredicateKind.Unknown || s.LiveOrigins.Contains(entry)))
                {
                    error = AspNetOriginError(origin, state.Predicate is AspNetOriginPredicateKind.WildcardSubdomains or AspNetOriginPredicateKind.Unknown);
                    if (error is null)
                    {
                        break;
                    }
                }

                if (error is not null)
                {
                    Report(DiagnosticDescriptors.AspNetInvalidOrigin, entry.Location, DiagnosticInfo.ValueProperties(origin), origin, error);
                }
            }
        }
    }

    // CORSGEN020, 021, 036 on the live entries of a credentialed state: "null", plain HTTP next to HTTPS, *.<shared suffix>.
    private static void ReportCredentialedOrigins(AspNetCorsPolicyState state, Action<DiagnosticDescriptor, Location, ImmutableDictionary<string, string?>?, object[]> report)
    {
        // Entries that never match are CORSGEN014's; they trust nothing.
        var live = state.LiveOrigins.Where(o => o.IsConstant && AspNetOriginError(o.Value!, wildcardSubdomains: true) is null).ToList();
        var https = live.Any(o => o.Value!.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        foreach (var entry in live)
        {
            var origin = entry.Value!.ToLowerInvariant();
            if (origin == "null")
            {
                report(DiagnosticDescriptors.NullOriginWithCredentials, entry.Location, DiagnosticInfo.ValueProperties(entry.Value), []);
            }
            else if (https && origin.StartsWith("http://", StringComparison.Ordinal) && !CorsGenerator.Parser.IsLoopback(origin))
            {
                report(DiagnosticDescriptors.InsecureOriginWithCredentials, entry.Location, DiagnosticInfo.ValueProperties(entry.Value), [entry.Value]);
            }
            else if (state.Predicate == AspNetOriginPredicateKind.WildcardSubdomains
                && OriginSyntax.Parse(origin).Kind == OriginKind.SubdomainPattern
                && SharedHostingSuffixes.Find(PatternDomain(origin)) is { } suffix)
            {
                report(DiagnosticDescriptors.SharedHostingSuffixWithCredentials, entry.Location, DiagnosticInfo.ValueProperties(entry.Value), [entry.Value, suffix]);
            }
        }
    }

    /// <summary>"https://*.vercel.app:8443" -> "vercel.app".</summary>
    internal static string PatternDomain(string pattern)
    {
        var start = pattern.IndexOf("*.", StringComparison.Ordinal) + 2;
        var end = pattern.IndexOf(':', start);
        return end < 0 ? pattern.Substring(start) : pattern.Substring(start, end - start);
    }

    /// <summary>
    /// ASP.NET Core lower-cases WithOrigins entries and punycodes http(s) IDN hosts itself; every other
    /// deviation from a serialized origin stays and never matches (dotnet/aspnetcore#3060).
    /// </summary>
    internal static string? AspNetOriginError(string origin, bool wildcardSubdomains)
    {
        if (origin == "*" || origin.Any(c => c > 0x7E))
        {
            return null;
        }

        var parsed = OriginSyntax.Parse(origin.ToLowerInvariant());
        return parsed.Kind switch
        {
            OriginKind.Invalid => parsed.Error,
            OriginKind.SubdomainPattern when !wildcardSubdomains => "a '*.' pattern only matches after SetIsOriginAllowedToAllowWildcardSubdomains()",
            _ => null,
        };
    }

    // CORSGEN016 and 041: in one method, ACAC set to "true" and ACAO set to the request's Origin or to "*".
    private static void AnalyzeHeaderWrites(OperationBlockAnalysisContext context, HeaderWrite[] writes)
    {
        var credentials = writes.Any(w => string.Equals(w.Name, AllowCredentials, StringComparison.OrdinalIgnoreCase)
            && ConstantHeaderValue(w.Value) is { } v && string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase));
        if (!credentials)
        {
            return;
        }

        foreach (var write in writes.Where(w => string.Equals(w.Name, AllowOrigin, StringComparison.OrdinalIgnoreCase)))
        {
            if (ConstantHeaderValue(write.Value)?.Trim() == "*")
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandWrittenAnyOriginWithCredentials, write.Location));
            }
        }

        var declarations = context.OperationBlocks
            .SelectMany(b => b.DescendantsAndSelf())
            .OfType<IVariableDeclaratorOperation>()
            .ToList();
        foreach (var write in writes.Where(w => string.Equals(w.Name, AllowOrigin, StringComparison.OrdinalIgnoreCase)))
        {
            if (write.Value is not null
                && ReadsRequestOrigin(write.Value, declarations, depth: 0)
                && !OriginGuards.IsGuarded(write.Write, value => ReadsRequestOrigin(value, declarations, depth: 0)))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReflectedOriginWithCredentials, write.Location));
            }
        }
    }

    private static bool ReadsRequestOrigin(IOperation value, List<IVariableDeclaratorOperation> declarations, int depth)
    {
        if (depth > 4)
        {
            return false;
        }

        foreach (var operation in value.DescendantsAndSelf())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: "Origin", Instance.Type.Name: "IHeaderDictionary" }:
                    return true;
                case IPropertyReferenceOperation { Property.IsIndexer: true } indexer
                    when indexer.Arguments.Length == 1 && string.Equals(HeaderName(indexer.Arguments[0].Value), "Origin", StringComparison.OrdinalIgnoreCase):
                    return true;
                case ILocalReferenceOperation local:
                    var declarator = declarations.FirstOrDefault(d => SymbolEqualityComparer.Default.Equals(d.Symbol, local.Local));
                    var initializer = declarator?.Initializer?.Value ?? declarator?.GetVariableInitializer()?.Value;
                    if (initializer is not null && ReadsRequestOrigin(initializer, declarations, depth + 1))
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    internal static bool AlwaysReturnsTrue(IOperation operation) =>
        OriginGuards.Lambda(operation) is { } lambda
        && OriginGuards.AllReturns(lambda, returned => returned.ConstantValue is { HasValue: true, Value: true });

    private static bool GlobalPolicy(IInvocationOperation useCors) =>
        // UseCors() alone uses the default policy (global only when one is registered);
        // UseCors("name") and UseCors(policy => ...) apply to every request.
        useCors.Arguments.Length > 1;

    private static IOperation? ArgumentValue(IInvocationOperation invocation, int index)
    {
        // Extension methods called in reduced form list the receiver as argument 0.
        var offset = invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
        var i = index + offset;
        return i < invocation.Arguments.Length ? invocation.Arguments[i].Value : null;
    }

    // Strings reach StringValues parameters through implicit conversions.
    internal static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    // "true", or new[] { "true" } as a StringValues.
    private static string? ConstantHeaderValue(IOperation? value) => Unwrap(value) switch
    {
        { ConstantValue: { HasValue: true, Value: string s } } => s,
        IArrayCreationOperation { Initializer.ElementValues: { Length: 1 } elements } when elements[0].ConstantValue is { HasValue: true, Value: string element } => element,
        _ => null,
    };

    private static string? HeaderName(IOperation? operation)
    {
        return Unwrap(operation) switch
        {
            { ConstantValue: { HasValue: true, Value: string s } } => s,
            // HeaderNames.* are static readonly fields, not constants.
            IFieldReferenceOperation { Field.ContainingType.Name: "HeaderNames" } field => field.Field.Name switch
            {
                "AccessControlAllowOrigin" => AllowOrigin,
                "AccessControlAllowCredentials" => AllowCredentials,
                "Origin" => "Origin",
                _ => null,
            },
            _ => null,
        };
    }

    private static bool IsHeaderDictionary(ITypeSymbol? type, KnownTypes types) =>
        type is not null
        && (SymbolEqualityComparer.Default.Equals(type, types.HeaderDictionary)
            || type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, types.HeaderDictionary)));

    private static Location NameLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } syntax)
        {
            return Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, syntax.Span.End));
        }

        return invocation.Syntax.GetLocation();
    }

    // The method, lambda or top-level program a pipeline call is made in: UseCors and UseRouting are ordered within one.
    private static SyntaxNode? PipelineScope(IInvocationOperation invocation) =>
        invocation.Syntax.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax or BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or CompilationUnitSyntax);

    /// <summary>A UseCors or UseRouting call: where, whether it applies a policy globally, and its place in the pipeline code.</summary>
    private sealed record PipelineCall(Location Location, bool AppliesPolicyGlobally, SyntaxNode? Scope, int Position);

    /// <summary>A policy name used by UseCors, RequireCors, [EnableCors], GetPolicy (CORSGEN038).</summary>
    private sealed record PolicyNameUse(string Name, Location Location, string What);

    /// <summary>ASP.NET Core CORS metadata on an endpoint: what, what it is, and the fix (CORSGEN015's message).</summary>
    private sealed record CorsMetadataUse(Location Location, string What, string Kind, string Fix);

    private sealed record HeaderWrite(string Name, IOperation? Value, IOperation Write)
    {
        public Location Location => Write.Syntax.GetLocation();
    }

    private sealed class KnownTypes
    {
        public KnownTypes(Compilation compilation)
        {
            PolicyBuilder = compilation.GetTypeByMetadataName(PolicyBuilderName);
            CorsOptions = compilation.GetTypeByMetadataName(CorsOptionsName);
            UseCorsExtensions = compilation.GetTypeByMetadataName(UseCorsExtensionsName);
            RequireCorsExtensions = compilation.GetTypeByMetadataName(RequireCorsExtensionsName);
            EnableCorsAttribute = compilation.GetTypeByMetadataName(EnableCorsAttributeName);
            DisableCorsAttribute = compilation.GetTypeByMetadataName(DisableCorsAttributeName);
            HeaderDictionary = compilation.GetTypeByMetadataName(HeaderDictionaryName);
            RoutingExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions");
            PolicyProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider");
            CorsGen = WellKnownTypes.For(compilation);
        }

        /// <summary>CorsGen's own types.</summary>
        public WellKnownTypes CorsGen { get; }

        public INamedTypeSymbol? PolicyBuilder { get; }
        public INamedTypeSymbol? CorsOptions { get; }
        public INamedTypeSymbol? UseCorsExtensions { get; }
        public INamedTypeSymbol? RequireCorsExtensions { get; }
        public INamedTypeSymbol? EnableCorsAttribute { get; }
        public INamedTypeSymbol? DisableCorsAttribute { get; }
        public INamedTypeSymbol? HeaderDictionary { get; }
        public INamedTypeSymbol? RoutingExtensions { get; }
        public INamedTypeSymbol? PolicyProvider { get; }
    }

    /// <summary>Facts only the whole program shows (CORSGEN015, 017, 037, 038, 039), reported at compilation end.</summary>
    private sealed class ProgramFacts
    {
        public ConcurrentQueue<PipelineCall> UseCorsCalls { get; } = new();
        public ConcurrentQueue<PipelineCall> UseRoutingCalls { get; } = new();
        public ConcurrentQueue<CorsMetadataUse> CorsMetadataUses { get; } = new();
        public ConcurrentQueue<(string Name, Location Location)> Registrations { get; } = new();
        public ConcurrentQueue<PolicyNameUse> NameUses { get; } = new();
        public volatile bool HasDefaultPolicy;
        public volatile bool HasCorsGenEndpoints;
        public volatile bool HasCustomPolicyProvider;
        public volatile bool HasUnknownRegistration;
        public volatile bool HasUnknownUse;
        public volatile bool HasAddCors;

        public void AddRegistration(IInvocationOperation addPolicy)
        {
            var name = addPolicy.Arguments.FirstOrDefault(a => a.Parameter?.Name == "name")?.Value;
            if (PolicyNames.Constant(name) is { } value)
            {
                Registrations.Enqueue((value, name!.Syntax.GetLocation()));
            }
            else
            {
                HasUnknownRegistration = true;
            }
        }

        public void AddPolicyUse(IInvocationOperation invocation, string parameterName, string what)
        {
            if (invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName)?.Value is { } name)
            {
                AddPolicyUse(PolicyNames.Constant(name), name.Syntax.GetLocation(), what);
            }
        }

        public void AddPolicyUse(string? name, Location location, string what)
        {
            if (name is null)
            {
                HasUnknownUse = true;
            }
            else
            {
                NameUses.Enqueue(new PolicyNameUse(name, location, string.Format(what, name)));
            }
        }

        public void Report(CompilationAnalysisContext context)
        {
            if (UseCorsCalls.IsEmpty)
            {
                foreach (var use in CorsMetadataUses)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.AspNetCorsMetadataWithoutMiddleware, use.Location, use.What, use.Kind, use.Fix));
                }
            }

            if (HasCorsGenEndpoints)
            {
                foreach (var call in UseCorsCalls)
                {
                    if (call.AppliesPolicyGlobally || HasDefaultPolicy)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DefaultPolicyShadowsCorsGen, call.Location));
                    }
                }
            }

            ReportPipelineOrder(context);
            ReportPolicyNames(context);
        }

        // CORSGEN037: UseCors before UseRouting in one piece of pipeline code, and no UseCors after it.
        private void ReportPipelineOrder(CompilationAnalysisContext context)
        {
            if (CorsMetadataUses.IsEmpty)
            {
                return; // A global UseCors policy works before routing; only endpoint metadata needs the order.
            }

            foreach (var useCors in UseCorsCalls)
            {
                var routing = UseRoutingCalls.Where(r => r.Scope == useCors.Scope && r.Position > useCors.Position).OrderBy(r => r.Position).FirstOrDefault();
                if (routing is not null && !UseCorsCalls.Any(u => u.Scope == useCors.Scope && u.Position > routing.Position))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UseCorsBeforeUseRouting, useCors.Location));
                }
            }
        }

        // CORSGEN038 and 039: names are compared ordinally (CorsOptions' policy map); custom providers and computed names end the analysis.
        private void ReportPolicyNames(CompilationAnalysisContext context)
        {
            var registered = new HashSet<string>(Registrations.Select(r => r.Name), StringComparer.Ordinal);
            var used = new HashSet<string>(NameUses.Select(u => u.Name), StringComparer.Ordinal);
            if ((registered.Count > 0 || HasAddCors) && !HasUnknownRegistration && !HasCustomPolicyProvider)
            {
                foreach (var use in NameUses.Where(u => !registered.Contains(u.Name)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnregisteredCorsPolicyName, use.Location, DiagnosticInfo.ValueProperties(ClosestName(use.Name, registered)), use.What, use.Name, Suggestion(use.Name, registered)));
                }
            }

            if (!HasUnknownUse && (!UseCorsCalls.IsEmpty || !CorsMetadataUses.IsEmpty))
            {
                var hint = !HasDefaultPolicy && UseCorsCalls.Any(u => !u.AppliesPolicyGlobally)
                    ? "; UseCors() without a name applies only the default policy (AddDefaultPolicy) and the policies that endpoints name"
                    : "";
                foreach (var (name, location) in Registrations.Where(r => !used.Contains(r.Name)))
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnusedCorsPolicy, location, DiagnosticInfo.ValueProperties(name), name, hint));
                }
            }
        }

        private static string Suggestion(string name, HashSet<string> registered) => ClosestName(name, registered) is { } closest
            ? string.Equals(closest, name, StringComparison.OrdinalIgnoreCase)
                ? $"; \"{closest}\" is registered, and names are compared case-sensitively"
                : $"; did you mean \"{closest}\"?"
            : "; register it with options.AddPolicy(\"" + name + "\", ...) or use a registered name";

        /// <summary>The one registered name within two edits (case ignored) of <paramref name="name"/>, if exactly one is.</summary>
        internal static string? ClosestName(string name, IEnumerable<string> registered)
        {
            var close = registered.Where(r => EditDistance(r.ToLowerInvariant(), name.ToLowerInvariant()) <= 2).ToList();
            return close.Count == 1 ? close[0] : null;
        }

        private static int EditDistance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                }

                previous = current;
            }

            return previous[b.Length];
        }
    }
}
