using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace CorsGen.CodeFixes;

/// <summary>
/// CORSGEN001: maps the hand-written route through <c>WithCors(Handlers.Policy)</c>, which registers
/// its preflight, and makes the handler's class a <c>[CorsPolicy]</c> class so its CORS attributes
/// become that policy. Offered when the class itself carries the CORS attributes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingPreflightRouteCodeFixProvider))]
[Shared]
public sealed class MissingPreflightRouteCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN001.WithCors";

    /// <summary>Creates the provider.</summary>
    public MissingPreflightRouteCodeFixProvider()
        : base(DiagnosticDescriptors.MissingPreflightRoute)
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

        var types = WellKnownTypes.For(model.Compilation);
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not
                { Expression: MemberAccessExpressionSyntax access } invocation
            || model.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation { Arguments.Length: >= 3 } operation
            || HandlerClass(operation) is not { } handlerClass
            || !CarriesPolicy(handlerClass, types))
        {
            return;
        }

        var typeName = handlerClass.ToMinimalDisplayString(model, invocation.SpanStart);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Map through WithCors({typeName}.Policy)",
                ct => FixAsync(context.Document, access, handlerClass, types, typeName, ct),
                EquivalenceKey),
            diagnostic);
    }

    private static INamedTypeSymbol? HandlerClass(IInvocationOperation invocation)
    {
        var handler = invocation.Arguments[invocation.Arguments.Length - 1].Value;
        while (handler is IConversionOperation conversion)
        {
            handler = conversion.Operand;
        }

        return handler is IDelegateCreationOperation { Target: IMethodReferenceOperation reference } ? reference.Method.ContainingType : null;
    }

    // The class's own attributes must make the policy: method-level ones would be lost.
    private static bool CarriesPolicy(INamedTypeSymbol type, WellKnownTypes types) =>
        type.DeclaringSyntaxReferences.Length > 0
        && (WellKnownTypes.Has(type, types.AllowOrigins)
            || WellKnownTypes.Has(type, types.AllowOriginsFromConfiguration)
            || WellKnownTypes.Has(type, types.AllowOriginPredicate)
            || WellKnownTypes.Has(type, types.AllowOriginValidator));

    private static async Task<Solution> FixAsync(Document document, MemberAccessExpressionSyntax access, INamedTypeSymbol handlerClass, WellKnownTypes types, string typeName, CancellationToken cancellationToken)
    {
        var solution = document.Project.Solution;
        var editor = new SolutionEditor(solution);

        var routeEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
        var receiver = access.Expression;
        var withCors = SyntaxFactory.ParseExpression($"{receiver.WithoutTrivia().ToFullString()}.WithCors({typeName}.Policy)")
            .WithTriviaFrom(receiver);
        routeEditor.ReplaceNode(receiver, withCors);

        if (!WellKnownTypes.Has(handlerClass, types.CorsPolicy)
            && handlerClass.DeclaringSyntaxReferences.First().GetSyntax(cancellationToken) is ClassDeclarationSyntax declaration
            && solution.GetDocumentId(declaration.SyntaxTree) is { } classDocument)
        {
            var classEditor = await editor.GetDocumentEditorAsync(classDocument, cancellationToken).ConfigureAwait(false);
            classEditor.AddAttribute(declaration, classEditor.Generator.Attribute("CorsPolicy"));
            classEditor.SetModifiers(declaration, DeclarationModifiers.From(handlerClass).WithIsStatic(true).WithPartial(true));
        }

        return editor.GetChangedSolution();
    }
}
