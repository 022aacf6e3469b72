using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CorsGen.Generators;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsGen.CodeFixes;

/// <summary>Syntax edits shared by the code fixes: removing nodes without wrecking the layout, finding the literal a diagnostic means.</summary>
internal static class FixSyntax
{
    /// <summary>The string literals a diagnostic location covers: the literal itself, or every string literal inside the node.</summary>
    public static List<LiteralExpressionSyntax> StringLiterals(SyntaxNode node)
    {
        var target = node switch
        {
            AttributeArgumentSyntax a => a.Expression,
            ArgumentSyntax a => a.Expression,
            _ => node,
        };

        if (target is LiteralExpressionSyntax literal)
        {
            return literal.IsKind(SyntaxKind.StringLiteralExpression) ? new List<LiteralExpressionSyntax> { literal } : new List<LiteralExpressionSyntax>();
        }

        return target.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression)).ToList();
    }

    /// <summary>
    /// The literal a diagnostic is about among <paramref name="candidates"/>: the only one, or the one holding
    /// the value the analyzer passed in <see cref="DiagnosticProperties.Value"/> (a location covering a whole
    /// attribute is shared by several diagnostics). Never the message: its wording may change.
    /// </summary>
    public static LiteralExpressionSyntax? PickLiteral(IReadOnlyList<LiteralExpressionSyntax> candidates, Diagnostic diagnostic)
    {
        if (candidates.Count <= 1)
        {
            return candidates.FirstOrDefault();
        }

        return diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var value) && value is not null
            ? candidates.FirstOrDefault(l => l.Token.ValueText == value)
            : null;
    }

    public static LiteralExpressionSyntax StringLiteral(string value, SyntaxNode replacing) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).WithTriviaFrom(replacing);

    /// <summary>
    /// Removes <paramref name="node"/> and the layout that belonged to it only: its line when it had one to
    /// itself, else the space that separated it; comments in front of it stay.
    /// </summary>
    public static SyntaxNode RemoveNodeKeepingLayout(SyntaxNode root, SyntaxNode node)
    {
        var leading = node.GetLeadingTrivia();
        var trailing = node.GetTrailingTrivia();
        var previous = node.GetFirstToken().GetPreviousToken();
        var startsLine = previous.IsKind(SyntaxKind.None) || previous.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia) || leading.Any(SyntaxKind.EndOfLineTrivia);
        var endsLine = trailing.Any(SyntaxKind.EndOfLineTrivia);
        var start = node.FullSpan.Start;

        var newRoot = root.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia)!;
        var next = newRoot.FindToken(start);
        if (next.FullSpan.Start != start)
        {
            return newRoot;
        }

        IEnumerable<SyntaxTrivia> newLeading;
        if (endsLine)
        {
            newLeading = startsLine
                ? CommentLines(leading).Concat(next.LeadingTrivia)
                : new[] { SyntaxFactory.EndOfLine("\n") }.Concat(next.LeadingTrivia);
        }
        else if (startsLine)
        {
            newLeading = leading.Concat(next.LeadingTrivia);
        }
        else
        {
            var separated = previous.TrailingTrivia.Any() && previous.TrailingTrivia.Last().IsKind(SyntaxKind.WhitespaceTrivia);
            newLeading = leading.Concat(separated ? Enumerable.Empty<SyntaxTrivia>() : trailing).Concat(next.LeadingTrivia);
        }

        return newRoot.ReplaceToken(next, next.WithLeadingTrivia(newLeading));
    }

    // The comment and directive lines of a leading trivia list, without the indentation of the removed node.
    private static IEnumerable<SyntaxTrivia> CommentLines(SyntaxTriviaList leading)
    {
        if (leading.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia) || t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            return Enumerable.Empty<SyntaxTrivia>();
        }

        var lastLineEnd = -1;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].HasStructure)
            {
                lastLineEnd = i; // doc comments and directives end their own line
            }
        }

        return leading.Take(lastLineEnd + 1);
    }

    /// <summary>Removes an attribute, or its whole <c>[...]</c> list when it is the list's only attribute.</summary>
    public static SyntaxNode RemoveAttribute(SyntaxNode root, AttributeSyntax attribute)
    {
        var list = (AttributeListSyntax)attribute.Parent!;
        return list.Attributes.Count == 1
            ? RemoveNodeKeepingLayout(root, list)
            : root.ReplaceNode(list, list.WithAttributes(Remove(list.Attributes, attribute)));
    }

    /// <summary>Removes several attributes of one tree.</summary>
    public static SyntaxNode RemoveAttributes(SyntaxNode root, IReadOnlyCollection<AttributeSyntax> attributes)
    {
        root = root.TrackNodes(attributes);
        foreach (var attribute in attributes)
        {
            if (root.GetCurrentNode(attribute) is { } current)
            {
                root = RemoveAttribute(root, current);
            }
        }

        return root;
    }

    /// <summary>
    /// Removes one value from an attribute's <c>params</c> list: the argument itself, or the element of the
    /// array or collection expression holding it; the whole attribute when no value is left.
    /// Returns null when the literal is in no list this knows.
    /// </summary>
    public static SyntaxNode? RemoveListValue(SyntaxNode root, ExpressionSyntax value)
    {
        var attribute = value.FirstAncestorOrSelf<AttributeSyntax>();
        if (attribute is null)
        {
            return null;
        }

        switch (value.Parent)
        {
            case AttributeArgumentSyntax argument when argument.Parent is AttributeArgumentListSyntax arguments:
                return arguments.Arguments.Count == 1
                    ? RemoveAttribute(root, attribute)
                    : root.ReplaceNode(arguments, arguments.WithArguments(Remove(arguments.Arguments, argument)));
            case InitializerExpressionSyntax initializer when initializer.Expressions.Count > 0:
                return initializer.Expressions.Count == 1 && IsOnlyArgument(initializer, attribute)
                    ? RemoveAttribute(root, attribute)
                    : root.ReplaceNode(initializer, initializer.WithExpressions(Remove(initializer.Expressions, value)));
            case ExpressionElementSyntax element when element.Parent is CollectionExpressionSyntax collection:
                return collection.Elements.Count == 1 && IsOnlyArgument(collection, attribute)
                    ? RemoveAttribute(root, attribute)
                    : root.ReplaceNode(collection, collection.WithElements(Remove(collection.Elements, element)));
            default:
                return null;
        }
    }

    // Removes an element and its separator; the last element's trailing trivia (`{ "a", "b" }`) stays.
    private static SeparatedSyntaxList<T> Remove<T>(SeparatedSyntaxList<T> list, T node)
        where T : SyntaxNode
    {
        var index = list.IndexOf(node);
        var result = list.RemoveAt(index);
        if (index == list.Count - 1 && result.Count > 0)
        {
            var last = result[result.Count - 1];
            result = result.Replace(last, last.WithTrailingTrivia(last.GetTrailingTrivia().AddRange(node.GetTrailingTrivia())));
        }

        return result;
    }

    private static bool IsOnlyArgument(SyntaxNode list, AttributeSyntax attribute) =>
        attribute.ArgumentList is { Arguments.Count: 1 } arguments && arguments.Arguments[0].Expression.Span.Contains(list.Span);

    /// <summary>Removes several values of one tree's attributes (see <see cref="RemoveListValue"/>).</summary>
    public static SyntaxNode RemoveListValues(SyntaxNode root, IReadOnlyCollection<ExpressionSyntax> values)
    {
        root = root.TrackNodes(values);
        foreach (var value in values)
        {
            if (root.GetCurrentNode(value) is { } current && RemoveListValue(root, current) is { } updated)
            {
                root = updated;
            }
        }

        return root;
    }

    /// <summary>
    /// Adds modifiers in C#'s usual order: <c>static</c> after the accessibility and <c>new</c> modifiers,
    /// <c>partial</c> last. The declaration's leading trivia moves to whichever token comes first.
    /// </summary>
    public static SyntaxTokenList AddModifiers(SyntaxTokenList modifiers, SyntaxToken keyword, bool addStatic, bool addPartial, out SyntaxToken newKeyword)
    {
        var tokens = modifiers.ToList();
        var first = tokens.Count > 0 ? tokens[0] : keyword;
        var leading = first.LeadingTrivia;
        if (tokens.Count > 0)
        {
            tokens[0] = tokens[0].WithLeadingTrivia();
        }
        else
        {
            keyword = keyword.WithLeadingTrivia();
        }

        if (addStatic)
        {
            var index = 0;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword
                    or SyntaxKind.InternalKeyword or SyntaxKind.FileKeyword or SyntaxKind.NewKeyword)
                {
                    index = i + 1;
                }
            }

            tokens.Insert(index, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        if (addPartial)
        {
            tokens.Add(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        if (tokens.Count > 0)
        {
            tokens[0] = tokens[0].WithLeadingTrivia(leading);
            newKeyword = keyword;
        }
        else
        {
            newKeyword = keyword.WithLeadingTrivia(leading);
        }

        return SyntaxFactory.TokenList(tokens);
    }

    /// <summary>The attribute syntax of the <paramref name="attributeType"/> attributes on <paramref name="symbol"/>, in <paramref name="tree"/>.</summary>
    public static IEnumerable<AttributeSyntax> AttributeSyntax(ISymbol symbol, INamedTypeSymbol? attributeType, SyntaxTree tree, CancellationToken cancellationToken)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (WellKnownTypes.Is(attribute, attributeType)
                && attribute.ApplicationSyntaxReference is { } reference
                && reference.SyntaxTree == tree
                && reference.GetSyntax(cancellationToken) is AttributeSyntax syntax)
            {
                yield return syntax;
            }
        }
    }

    /// <summary>The name an attribute is written with, without the <c>Attribute</c> suffix.</summary>
    public static string ShortName(AttributeSyntax attribute)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => attribute.Name.ToString(),
        };
        return name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length
            ? name.Substring(0, name.Length - "Attribute".Length)
            : name;
    }
}
