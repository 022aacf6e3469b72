using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN012: remove the AllowCredentials() call from an ASP.NET Core policy that also allows any origin.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AspNetAnyOriginWithCredentialsCodeFixProvider))]
[Shared]
public sealed class AspNetAnyOriginWithCredentialsCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN012.RemoveAllowCredentials";

    /// <summary>Creates the provider.</summary>
    public AspNetAnyOriginWithCredentialsCodeFixProvider()
        : base(DiagnosticDescriptors.AspNetAnyOriginWithCredentials)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // The location runs from the method name to the end of the call: `AllowCredentials()`.
        var span = diagnostic.Location.SourceSpan;
        var call = root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i =>
            i.Span.End == span.End
            && i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AllowCredentials" } member
            && member.Name.SpanStart == span.Start);
        if (call is null || call.ArgumentList.Arguments.Count != 0)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Remove AllowCredentials()",
                ct => Task.FromResult(context.Document.WithSyntaxRoot(RemoveCall(root, call))),
                EquivalenceKey),
            diagnostic);
    }

    private static SyntaxNode RemoveCall(SyntaxNode root, InvocationExpressionSyntax call)
    {
        var receiver = ((MemberAccessExpressionSyntax)call.Expression).Expression;
        var receiverIsCall = receiver is InvocationExpressionSyntax || receiver is ParenthesizedExpressionSyntax { Expression: InvocationExpressionSyntax };

        // builder.AllowCredentials(); on its own: the statement goes.
        if (!receiverIsCall && call.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax or SwitchSectionSyntax)
        {
            return FixSyntax.RemoveNodeKeepingLayout(root, statement);
        }

        // p => p.AllowCredentials() on its own: an empty body (a bare `p` is not a statement).
        if (!receiverIsCall && call.Parent is LambdaExpressionSyntax lambda && lambda.ExpressionBody == call)
        {
            var body = SyntaxFactory.Block().WithTriviaFrom(call);
            return root.ReplaceNode(lambda, lambda switch
            {
                SimpleLambdaExpressionSyntax simple => simple.WithExpressionBody(null).WithBlock(body),
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithExpressionBody(null).WithBlock(body),
                _ => lambda,
            });
        }

        // In a fluent chain: the chain without this link. The link's line break (if any) is the receiver's.
        return root.ReplaceNode(call, receiver.WithTrailingTrivia(call.GetTrailingTrivia()));
    }
}
