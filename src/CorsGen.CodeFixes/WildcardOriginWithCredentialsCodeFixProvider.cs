using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN002: remove [AllowCredentials], or remove "*" when explicit origins are listed too.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WildcardOriginWithCredentialsCodeFixProvider))]
[Shared]
public sealed class WildcardOriginWithCredentialsCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string RemoveCredentialsKey = "CORSGEN002.RemoveAllowCredentials";
    internal const string RemoveWildcardKey = "CORSGEN002.RemoveWildcardOrigin";

    /// <summary>Creates the provider.</summary>
    public WildcardOriginWithCredentialsCodeFixProvider()
        : base(DiagnosticDescriptors.WildcardOriginWithCredentials)
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

        var origins = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AttributeSyntax>();
        if (origins?.Parent?.Parent is not MemberDeclarationSyntax owner || model.GetDeclaredSymbol(owner, context.CancellationToken) is not { } symbol)
        {
            return;
        }

        var credentials = CredentialAttributes(symbol, WellKnownTypes.For(model.Compilation), root.SyntaxTree, context.CancellationToken).ToList();
        if (credentials.Count > 0)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove [AllowCredentials]",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(FixSyntax.RemoveAttributes(root, credentials))),
                    RemoveCredentialsKey),
                diagnostic);
        }

        var wildcards = FixSyntax.StringLiterals(origins).Where(l => l.Token.ValueText == "*").ToList();
        var values = OriginValues(symbol, origins, context.CancellationToken);
        if (wildcards.Count > 0 && values is not null && values.Any(v => v != "*") && values.Count(v => v == "*") == wildcards.Count)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove \"*\" from the allowed origins",
                    ct => Task.FromResult(context.Document.WithSyntaxRoot(FixSyntax.RemoveListValues(root, wildcards.Cast<ExpressionSyntax>().ToList()))),
                    RemoveWildcardKey),
                diagnostic);
        }
    }

    // Every [AllowCredentials] that makes a route under this [AllowOrigins] credentialed.
    private static IEnumerable<AttributeSyntax> CredentialAttributes(ISymbol originsOwner, WellKnownTypes types, SyntaxTree tree, CancellationToken cancellationToken)
    {
        var credentials = types.AllowCredentials;
        switch (originsOwner)
        {
            case IMethodSymbol method:
                return FixSyntax.AttributeSyntax(method, credentials, tree, cancellationToken)
                    .Concat(method.ContainingType is { } containing ? FixSyntax.AttributeSyntax(containing, credentials, tree, cancellationToken) : Enumerable.Empty<AttributeSyntax>());
            case INamedTypeSymbol type:
                // The class's origins apply to the methods without their own [AllowOrigins].
                var methods = type.GetMembers().OfType<IMethodSymbol>()
                    .Where(m => !WellKnownTypes.Has(m, types.AllowOrigins));
                return FixSyntax.AttributeSyntax(type, credentials, tree, cancellationToken)
                    .Concat(methods.SelectMany(m => FixSyntax.AttributeSyntax(m, credentials, tree, cancellationToken)));
            default:
                return Enumerable.Empty<AttributeSyntax>();
        }
    }

    // The constant values of the [AllowOrigins] at this syntax, or null when one is not a string.
    private static List<string>? OriginValues(ISymbol owner, AttributeSyntax syntax, CancellationToken cancellationToken)
    {
        var data = owner.GetAttributes().FirstOrDefault(a => a.ApplicationSyntaxReference?.GetSyntax(cancellationToken) == syntax);
        if (data is null || data.ConstructorArguments.Length != 1 || data.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var value in data.ConstructorArguments[0].Values)
        {
            if (value.Value is not string s)
            {
                return null;
            }

            values.Add(s);
        }

        return values;
    }
}
