using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>CORSGEN037: move the <c>app.UseCors(...);</c> statement to just after the <c>app.UseRouting();</c> that follows it in the same block.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCorsBeforeUseRoutingCodeFixProvider))]
[Shared]
public sealed class UseCorsBeforeUseRoutingCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string EquivalenceKey = "CORSGEN037.MoveAfterUseRouting";

    /// <summary>Creates the provider.</summary>
    public UseCorsBeforeUseRoutingCodeFixProvider()
        : base(DiagnosticDescriptors.UseCorsBeforeUseRouting)
    {
    }

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        // The location is the UseCors(...) call; only a statement of its own can move (not a link of a chain).
        var call = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
        if (call?.Parent is not ExpressionStatementSyntax useCors || Siblings(useCors) is not { } siblings)
        {
            return;
        }

        var (moving, statements) = siblings;
        var useRouting = statements.SkipWhile(s => s != moving).FirstOrDefault(IsUseRouting);
        if (useRouting is null)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Move UseCors() after UseRouting()",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(Move(root, moving, useRouting))),
                EquivalenceKey),
            diagnostic);
    }

    // The node that moves (the statement, or its global statement in a top-level program) and its siblings.
    private static (SyntaxNode Moving, IEnumerable<SyntaxNode> Statements)? Siblings(ExpressionStatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => (statement, block.Statements),
        SwitchSectionSyntax section => (statement, section.Statements),
        GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => (global, unit.Members),
        _ => null,
    };

    private static bool IsUseRouting(SyntaxNode node) =>
        (node is GlobalStatementSyntax global ? global.Statement : node)
            is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseRouting" } } };

    // The moved statement keeps its own line (and comments); UseRouting() keeps its place.
    private static SyntaxNode Move(SyntaxNode root, SyntaxNode useCors, SyntaxNode useRouting)
    {
        root = root.TrackNodes(useCors, useRouting);
        var moved = root.GetCurrentNode(useCors)!;
        var copy = moved.WithLeadingTrivia(root.GetCurrentNode(useRouting)!.GetLeadingTrivia()).WithTrailingTrivia(moved.GetTrailingTrivia());
        root = FixSyntax.RemoveNodeKeepingLayout(root, moved);
        return root.InsertNodesAfter(root.GetCurrentNode(useRouting)!, [copy]);
    }
}
