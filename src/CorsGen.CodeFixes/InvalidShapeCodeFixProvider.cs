using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN009: make an endpoint class <c>static partial</c>, or a route method <c>static</c>, when that compiles.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvalidShapeCodeFixProvider))]
[Shared]
public sealed class InvalidShapeCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string ClassKey = "CORSGEN009.MakeClassStaticPartial";
    internal const string MethodKey = "CORSGEN009.MakeMethodStatic";

    /// <summary>Creates the provider.</summary>
    public InvalidShapeCodeFixProvider()
        : base(DiagnosticDescriptors.InvalidShape)
    {
    }

    /// <inheritdoc/>
    private protected override async Task RegisterFixesAsync(FixDocument document, Diagnostic diagnostic)
    {
        var (context, root) = (document.Context, document.Root);
        if (await document.GetSemanticModelAsync().ConfigureAwait(false) is not { } model)
        {
            return;
        }

        // The class and method diagnostics point at the declaration's identifier.
        var span = diagnostic.Location.SourceSpan;
        var token = root.FindToken(span.Start);
        if (token.Span != span || !token.IsKind(SyntaxKind.IdentifierToken))
        {
            return;
        }

        switch (token.Parent)
        {
            case ClassDeclarationSyntax declaration when declaration.Identifier == token:
                await RegisterClassFixAsync(context, diagnostic, root, model, declaration).ConfigureAwait(false);
                break;
            case MethodDeclarationSyntax method when method.Identifier == token:
                RegisterMethodFix(context, diagnostic, root, model, method);
                break;
        }
    }

    private static async Task RegisterClassFixAsync(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, ClassDeclarationSyntax declaration)
    {
        if (model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type)
        {
            return;
        }

        var addStatic = !type.IsStatic;
        var addPartial = !type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword));
        if (!addStatic && !addPartial)
        {
            return; // the diagnostic is about something else (a generic class, a containing type)
        }

        if (addStatic && !await CanBeStaticAsync(type, context.Document.Project.Solution, context.CancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var words = (addStatic ? "static " : string.Empty) + (addPartial ? "partial" : string.Empty);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{type.Name}' {words.Trim()}",
                ct =>
                {
                    var modifiers = FixSyntax.AddModifiers(declaration.Modifiers, declaration.Keyword, addStatic, addPartial, out var keyword);
                    var updated = declaration.WithModifiers(modifiers).WithKeyword(keyword);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
                },
                ClassKey),
            diagnostic);
    }

    // A class can become static when nothing in it or about it needs an instance.
    private static async Task<bool> CanBeStaticAsync(INamedTypeSymbol type, Solution solution, CancellationToken cancellationToken)
    {
        if (type.IsAbstract || type.IsSealed || type.IsRecord
            || type.BaseType is { SpecialType: not SpecialType.System_Object }
            || !type.Interfaces.IsEmpty)
        {
            return false;
        }

        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member is INamedTypeSymbol)
            {
                continue;
            }

            if (!member.IsStatic)
            {
                return false; // instance fields, properties, methods (route methods included: make them static first), constructors
            }
        }

        // new X(), X as a variable, parameter or type argument: all stop compiling once X is static.
        var references = await SymbolFinder.FindReferencesAsync(type, solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var name = (await location.Location.SourceTree!.GetRootAsync(cancellationToken).ConfigureAwait(false))
                .FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!IsStaticClassUse(name))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsStaticClassUse(SyntaxNode name)
    {
        if (name.FirstAncestorOrSelf<CrefSyntax>() is not null || name.FirstAncestorOrSelf<UsingDirectiveSyntax>() is not null)
        {
            return true;
        }

        return name.Parent switch
        {
            MemberAccessExpressionSyntax member => member.Expression == name,
            QualifiedNameSyntax qualified => qualified.Left == name,
            TypeOfExpressionSyntax => true,
            ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } => true,
            _ => false,
        };
    }

    private static void RegisterMethodFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, MethodDeclarationSyntax declaration)
    {
        if (model.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } method
            || method.IsStatic
            || method.IsGenericMethod
            || method.MethodKind != MethodKind.Ordinary
            || method.IsVirtual || method.IsOverride || method.IsAbstract || method.IsExtern
            || method.PartialDefinitionPart is not null || method.PartialImplementationPart is not null
            || method.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct } type
            || ImplementsInterfaceMember(method, type)
            || UsesInstance(model, declaration, type, context.CancellationToken))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                $"Make '{method.Name}' static",
                ct =>
                {
                    var typeStart = declaration.ReturnType.GetFirstToken();
                    var modifiers = FixSyntax.AddModifiers(declaration.Modifiers, typeStart, addStatic: true, addPartial: false, out var newTypeStart);
                    var updated = declaration.ReplaceToken(typeStart, newTypeStart).WithModifiers(modifiers);
                    return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(declaration, updated)));
                },
                MethodKey),
            diagnostic);
    }

    private static bool ImplementsInterfaceMember(IMethodSymbol method, INamedTypeSymbol type) =>
        type.AllInterfaces.SelectMany(i => i.GetMembers()).Any(m => SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(m), method));

    // Whether the method reads `this`, `base`, an instance member of its type, or a primary-constructor parameter.
    private static bool UsesInstance(SemanticModel model, MethodDeclarationSyntax declaration, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var node in declaration.DescendantNodes())
        {
            switch (node)
            {
                case ThisExpressionSyntax or BaseExpressionSyntax:
                    return true;
                case SimpleNameSyntax name when !HasExplicitReceiver(name):
                    var info = model.GetSymbolInfo(name, cancellationToken);
                    foreach (var symbol in info.Symbol is { } s ? new[] { s } : info.CandidateSymbols.ToArray())
                    {
                        if (IsInstanceMemberOf(symbol, type)
                            || symbol is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } })
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private static bool HasExplicitReceiver(SimpleNameSyntax name) => name.Parent switch
    {
        MemberAccessExpressionSyntax member => member.Name == name,
        MemberBindingExpressionSyntax => true,
        QualifiedNameSyntax qualified => qualified.Right == name,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } assignment => assignment.Left == name, // object initializer
        NameColonSyntax or NameEqualsSyntax => true,
        _ => false,
    };

    private static bool IsInstanceMemberOf(ISymbol symbol, INamedTypeSymbol type)
    {
        if (symbol.IsStatic || symbol is not (IFieldSymbol or IPropertySymbol or IEventSymbol or IMethodSymbol) || symbol.ContainingType is not { } owner)
        {
            return false;
        }

        if (symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction or MethodKind.Constructor })
        {
            return false;
        }

        for (var t = type; t is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, owner.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }
}
