using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.Generators.Analyzers;

/// <summary>One <c>AddPolicy(name, p => ...)</c> or <c>AddDefaultPolicy(p => ...)</c>; <see cref="Name"/> is null for the default policy.</summary>
internal sealed record PolicyRegistration(string? Name, IInvocationOperation Call, IAnonymousFunctionOperation? Lambda)
{
    public bool IsDefault => Name is null;

    public string Display => Name is null ? "registered with AddDefaultPolicy" : $"\"{Name}\"";

    public InvocationExpressionSyntax Syntax => (InvocationExpressionSyntax)Call.Syntax;

    /// <summary>Where the diagnostics go: the method name, <c>AddPolicy</c>.</summary>
    public Location Location => Syntax.Expression is MemberAccessExpressionSyntax member ? member.Name.GetLocation() : Syntax.GetLocation();
}

/// <summary>The kinds of place that apply a policy.</summary>
internal enum PolicyUseKind
{
    /// <summary><c>.RequireCors("name")</c> on a route or a route group.</summary>
    RequireCors,

    /// <summary><c>[EnableCors("name")]</c> (or <c>[EnableCors]</c>: the default policy) on a minimal-API lambda.</summary>
    EnableCorsOnLambda,

    /// <summary><c>app.UseCors("name")</c>: the policy for every request.</summary>
    UseCorsNamed,

    /// <summary><c>app.UseCors()</c>: the default policy for every request without CORS metadata.</summary>
    UseCorsDefault,
}

/// <summary>A place that applies the policy <see cref="Name"/> (null: the default policy).</summary>
internal sealed record PolicyUse(PolicyUseKind Kind, string? Name, SyntaxNode Syntax, IOperation? Operation);

/// <summary>
/// The ASP.NET Core CORS set-up of one compilation, as the conversion to CorsGen needs it: the registrations, the
/// places that apply them, and what the program does with CORS that CorsGen has no form for (<see cref="Blockers"/>).
/// Found by a syntax walk filtered on names, then confirmed with symbols.
/// </summary>
internal sealed class AspNetCorsSetup
{
    private const string CorsNamespace = "Microsoft.AspNetCore.Cors";

    private AspNetCorsSetup(AspNetCorsTypes types) => Types = types;

    public AspNetCorsTypes Types { get; }

    public List<PolicyRegistration> Registrations { get; } = new();

    public List<PolicyUse> Uses { get; } = new();

    /// <summary><c>services.AddCors(...)</c> calls.</summary>
    public List<IInvocationOperation> AddCorsCalls { get; } = new();

    /// <summary>Program-wide reasons no policy can be converted (a custom <c>ICorsPolicyProvider</c>, ...).</summary>
    public List<string> Blockers { get; } = new();

    /// <summary>Per policy name (key "" for the default policy): reasons that policy cannot be converted.</summary>
    public Dictionary<string, List<string>> PolicyBlockers { get; } = new();

    /// <summary>CORS metadata the conversion leaves to ASP.NET Core's middleware (inline <c>RequireCors(p => ...)</c>): <c>UseCors()</c> must stay.</summary>
    public List<SyntaxNode> InlineMetadata { get; } = new();

    /// <summary>An app-wide policy that is not a registration (<c>UseCors(p => ...)</c>).</summary>
    public List<SyntaxNode> InlineGlobalPolicies { get; } = new();

    public static AspNetCorsSetup? Collect(Compilation compilation, CancellationToken cancellationToken)
    {
        var types = AspNetCorsTypes.For(compilation);
        if (types is null)
        {
            return null;
        }

        var setup = new AspNetCorsSetup(types);
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal))
            {
                continue;
            }

            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            foreach (var node in root.DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when IsCandidate(invocation):
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                        {
                            setup.AddInvocation(operation);
                        }

                        break;
                    case AttributeSyntax attribute when ShortName(attribute.Name) is "EnableCors" or "DisableCors":
                        model ??= compilation.GetSemanticModel(tree);
                        setup.AddAttribute(attribute, model, cancellationToken);
                        break;
                    case ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax when node.Parent is not AttributeSyntax:
                        model ??= compilation.GetSemanticModel(tree);
                        setup.AddCreation(node, model, cancellationToken);
                        break;
                    case ClassDeclarationSyntax or RecordDeclarationSyntax when ((TypeDeclarationSyntax)node).BaseList is not null:
                        model ??= compilation.GetSemanticModel(tree);
                        if (model.GetDeclaredSymbol(node, cancellationToken) is INamedTypeSymbol type
                            && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i, types.PolicyProvider)))
                        {
                            setup.Blockers.Add($"'{type.Name}' implements ICorsPolicyProvider, so policies are decided at run time");
                        }

                        break;
                }
            }
        }

        return setup;
    }

    private static readonly HashSet<string> CandidateNames = new()
    {
        "AddCors", "AddPolicy", "AddDefaultPolicy", "UseCors", "RequireCors", "GetPolicy", "AddSingleton", "AddScoped", "AddTransient",
        "TryAddSingleton", "TryAddScoped", "TryAddTransient", "Replace", "Add", "TryAdd",
    };

    private static bool IsCandidate(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => CandidateNames.Contains(member.Name.Identifier.ValueText),
        SimpleNameSyntax name => CandidateNames.Contains(name.Identifier.ValueText),
        MemberBindingExpressionSyntax binding => CandidateNames.Contains(binding.Name.Identifier.ValueText),
        _ => false,
    };

    private static string ShortName(NameSyntax name)
    {
        var text = name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => name.ToString(),
        };
        return text.EndsWith("Attribute", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - "Attribute".Length) : text;
    }

    private void AddInvocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var containing = method.ContainingType;
        if (Is(containing, Types.CorsOptions))
        {
            switch (method.Name)
            {
                case "AddPolicy" or "AddDefaultPolicy":
                    AddRegistration(invocation);
                    break;
                case "GetPolicy":
                    Blockers.Add("CorsOptions.GetPolicy(...) reads the registered policies at run time");
                    break;
            }

            return;
        }

        if (Is(containing, Types.ServiceCollectionExtensions) && method.Name == "AddCors")
        {
            AddCorsCalls.Add(invocation);
            return;
        }

        if (Is(containing, Types.MiddlewareExtensions) && method.Name == "UseCors")
        {
            AddUseCors(invocation);
            return;
        }

        if (Is(containing, Types.EndpointExtensions) && method.Name == "RequireCors")
        {
            var argument = Argument(invocation, 0);
            if (argument is { ConstantValue: { HasValue: true, Value: string name } })
            {
                Uses.Add(new PolicyUse(PolicyUseKind.RequireCors, name, invocation.Syntax, invocation));
            }
            else if (argument is IDelegateCreationOperation or IAnonymousFunctionOperation)
            {
                InlineMetadata.Add(invocation.Syntax);
            }
            else
            {
                Blockers.Add($"RequireCors({argument?.Syntax}) names a policy that is not a constant");
            }

            return;
        }

        // services.AddSingleton<ICorsPolicyProvider, MyProvider>() and the like.
        if (method.TypeArguments.Any(t => Is(t, Types.PolicyProvider) || Is(t, Types.CorsService))
            || invocation.Arguments.Any(a => a.Value is ITypeOfOperation typeOf && (Is(typeOf.TypeOperand, Types.PolicyProvider) || Is(typeOf.TypeOperand, Types.CorsService))))
        {
            Blockers.Add("a custom ICorsPolicyProvider or ICorsService is registered (" + Shorten(invocation.Syntax.ToString()) + ")");
        }
    }

    private void AddRegistration(IInvocationOperation invocation)
    {
        var isDefault = invocation.TargetMethod.Name == "AddDefaultPolicy";
        string? name = null;
        if (!isDefault)
        {
            if (Argument(invocation, 0) is not { ConstantValue: { HasValue: true, Value: string constant } })
            {
                Blockers.Add($"AddPolicy({Argument(invocation, 0)?.Syntax}, ...) registers a policy whose name is not a constant");
                return;
            }

            name = constant;
        }

        var policy = AspNetCoreCorsAnalyzer.Unwrap(Argument(invocation, isDefault ? 0 : 1));
        var lambda = policy is IDelegateCreationOperation creation ? creation.Target as IAnonymousFunctionOperation : policy as IAnonymousFunctionOperation;
        Registrations.Add(new PolicyRegistration(name, invocation, lambda));
    }

    private void AddUseCors(IInvocationOperation invocation)
    {
        var argument = Argument(invocation, 0);
        if (argument is null)
        {
            Uses.Add(new PolicyUse(PolicyUseKind.UseCorsDefault, null, invocation.Syntax, invocation));
        }
        else if (argument is { ConstantValue: { HasValue: true, Value: string name } })
        {
            Uses.Add(new PolicyUse(PolicyUseKind.UseCorsNamed, name, invocation.Syntax, invocation));
        }
        else if (AspNetCoreCorsAnalyzer.Unwrap(argument) is IDelegateCreationOperation or IAnonymousFunctionOperation)
        {
            InlineGlobalPolicies.Add(invocation.Syntax);
        }
        else
        {
            Blockers.Add($"UseCors({argument.Syntax}) names a policy that is not a constant");
        }
    }

    private void AddAttribute(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(attribute, cancellationToken).Type;
        if (Is(type, Types.DisableCorsAttribute))
        {
            Blockers.Add($"ASP.NET Core's [DisableCors] at {Line(attribute)} is metadata for its middleware, which CorsGen's WithCors does not read; use CorsGen's [DisableCors] (namespace CorsGen) there first");
            return;
        }

        if (!Is(type, Types.EnableCorsAttribute))
        {
            return;
        }

        string? name = null;
        if (attribute.ArgumentList is { Arguments.Count: > 0 } arguments)
        {
            if (model.GetConstantValue(arguments.Arguments[0].Expression, cancellationToken) is not { HasValue: true, Value: string constant })
            {
                Blockers.Add($"[EnableCors({arguments.Arguments[0]})] at {Line(attribute)} names a policy that is not a constant");
                return;
            }

            name = constant;
        }

        var target = attribute.Parent?.Parent;
        if (target is LambdaExpressionSyntax lambda && MapCall(lambda, model, cancellationToken) is { } map)
        {
            Uses.Add(new PolicyUse(PolicyUseKind.EnableCorsOnLambda, name, attribute, map));
            return;
        }

        var where = target switch
        {
            ClassDeclarationSyntax c => $"the class '{c.Identifier.ValueText}'",
            MethodDeclarationSyntax m => $"the method '{m.Identifier.ValueText}'",
            _ => "a declaration",
        };
        Block(name, $"[EnableCors] on {where} ({Line(attribute)}) applies it to MVC actions or handlers that CorsGen cannot map; only RequireCors and [EnableCors] on Map lambdas are converted");
    }

    private void AddCreation(SyntaxNode creation, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = model.GetTypeInfo(creation, cancellationToken).Type;
        if (Is(type, Types.EnableCorsAttribute) || Is(type, Types.DisableCorsAttribute))
        {
            Blockers.Add($"'{Shorten(creation.ToString())}' at {Line(creation)} adds CORS metadata in code, which the conversion cannot follow");
        }
    }

    /// <summary>The <c>app.MapGet(pattern, lambda)</c> call a route-handler lambda is an argument of.</summary>
    private IInvocationOperation? MapCall(LambdaExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
        && model.GetOperation(invocation, cancellationToken) is IInvocationOperation map
        && Types.IsEndpointRouteBuilderExtension(map.TargetMethod)
            ? map
            : null;

    public void Block(string? policyName, string reason)
    {
        var key = policyName ?? "";
        if (!PolicyBlockers.TryGetValue(key, out var reasons))
        {
            PolicyBlockers[key] = reasons = new List<string>();
        }

        reasons.Add(reason);
    }

    internal static string Shorten(string text)
    {
        var oneLine = string.Join(" ", text.Split(new[] { '\r', '\n' }, System.StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return oneLine.Length <= 60 ? oneLine : oneLine.Substring(0, 57) + "...";
    }

    internal static string Line(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        var file = System.IO.Path.GetFileName(span.Path);
        return (string.IsNullOrEmpty(file) ? "line " : file + ":") + (span.StartLinePosition.Line + 1);
    }

    internal static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>The value of a call's <paramref name="index"/>-th argument after the receiver (extension methods list the receiver first).</summary>
    internal static IOperation? Argument(IInvocationOperation invocation, int index)
    {
        var offset = invocation.TargetMethod.IsExtensionMethod && invocation.Instance is null ? 1 : 0;
        var i = index + offset;
        return i >= 0 && i < invocation.Arguments.Length && !invocation.Arguments[i].IsImplicit ? invocation.Arguments[i].Value : null;
    }

    /// <summary>What a call is made on: the instance, or an extension method's first argument.</summary>
    internal static IOperation? Receiver(IInvocationOperation invocation) =>
        AspNetCoreCorsAnalyzer.Unwrap(invocation.Instance
            ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null));
}

/// <summary>The ASP.NET Core types the conversion recognises; null when the compilation has no ASP.NET Core CORS.</summary>
internal sealed class AspNetCorsTypes
{
    private AspNetCorsTypes(Compilation compilation, INamedTypeSymbol policyBuilder)
    {
        PolicyBuilder = policyBuilder;
        CorsOptions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions");
        PolicyProvider = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider");
        CorsService = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.ICorsService");
        ServiceCollectionExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions");
        MiddlewareExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions");
        EndpointExtensions = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions");
        EnableCorsAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.EnableCorsAttribute");
        DisableCorsAttribute = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.DisableCorsAttribute");
        EndpointRouteBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        RouteGroupBuilder = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Routing.RouteGroupBuilder");
        Configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        ConfigurationBinder = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.ConfigurationBinder");
        TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
        CorsPolicyAttribute = compilation.GetTypeByMetadataName(CorsGenerator.Parser.CorsPolicy);
    }

    public INamedTypeSymbol PolicyBuilder { get; }
    public INamedTypeSymbol? CorsOptions { get; }
    public INamedTypeSymbol? PolicyProvider { get; }
    public INamedTypeSymbol? CorsService { get; }
    public INamedTypeSymbol? ServiceCollectionExtensions { get; }
    public INamedTypeSymbol? MiddlewareExtensions { get; }
    public INamedTypeSymbol? EndpointExtensions { get; }
    public INamedTypeSymbol? EnableCorsAttribute { get; }
    public INamedTypeSymbol? DisableCorsAttribute { get; }
    public INamedTypeSymbol? EndpointRouteBuilder { get; }
    public INamedTypeSymbol? RouteGroupBuilder { get; }
    public INamedTypeSymbol? Configuration { get; }
    public INamedTypeSymbol? ConfigurationBinder { get; }
    public INamedTypeSymbol? TimeSpan { get; }

    /// <summary>CorsGen's <c>[CorsPolicy]</c>: without it (CorsGen not referenced) nothing can be converted.</summary>
    public INamedTypeSymbol? CorsPolicyAttribute { get; }

    public static AspNetCorsTypes? For(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder") is { } builder
            ? new AspNetCorsTypes(compilation, builder)
            : null;

    /// <summary>An extension method on <c>IEndpointRouteBuilder</c> that maps endpoints: <c>Map</c>, <c>MapGet</c>, ..., <c>MapGroup</c>.</summary>
    public bool IsEndpointRouteBuilderExtension(IMethodSymbol method)
    {
        var reduced = method.ReducedFrom ?? method;
        return reduced.IsExtensionMethod
            && reduced.Parameters.Length > 0
            && SymbolEqualityComparer.Default.Equals(reduced.Parameters[0].Type, EndpointRouteBuilder)
            && method.Name.StartsWith("Map", System.StringComparison.Ordinal);
    }
}
