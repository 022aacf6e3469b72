using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;

namespace CorsGen.CodeFixes;

/// <summary>
/// Rewrites a project's ASP.NET Core CORS set-up into CorsGen for the policies the analyzer found convertible
/// (<see cref="PolicyConversion"/>, the same verdicts): writes each <c>[CorsPolicy]</c> class next to its
/// registration, turns <c>RequireCors("name")</c> and <c>[EnableCors("name")]</c> into <c>WithCors(Class.Policy)</c>
/// and <c>UseCors(...)</c> of an app-wide policy into <c>UseCorsGen(Class.Policy)</c>, and removes the registrations,
/// then <c>AddCors</c> and <c>UseCors()</c> once nothing left needs them.
/// </summary>
internal static class PolicyConverter
{
    public static async Task<Solution> ConvertAsync(Solution solution, ProjectId projectId, IReadOnlyCollection<PolicyKey> policies, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        var compilation = project is null ? null : await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null || AspNetCorsSetup.Collect(compilation, cancellationToken) is not { } setup)
        {
            return solution;
        }

        var verdicts = PolicyConversion.Evaluate(setup, compilation);
        var converting = verdicts.Values
            .Where(v => v.CanConvert && policies.Contains(new PolicyKey(v.Registration.Name)))
            .SelectMany(v => v.Group)
            .Distinct()
            .Select(r => verdicts[r])
            .ToList();
        if (converting.Count == 0 || converting.Any(v => !v.CanConvert))
        {
            return solution;
        }

        var editor = new SolutionEditor(solution);
        var plan = new Plan(setup, converting);
        foreach (var verdict in converting)
        {
            await plan.ConvertAsync(editor, verdict, cancellationToken).ConfigureAwait(false);
        }

        await plan.RemoveLeftoversAsync(editor, cancellationToken).ConfigureAwait(false);
        return editor.GetChangedSolution();
    }

    private sealed class Plan
    {
        private readonly AspNetCorsSetup _setup;
        private readonly HashSet<PolicyRegistration> _converted;
        private readonly HashSet<SyntaxNode> _wrapped = new();
        private readonly HashSet<SyntaxNode> _removedAddCors = new();

        public Plan(AspNetCorsSetup setup, List<ConversionVerdict> converting)
        {
            _setup = setup;
            _converted = new HashSet<PolicyRegistration>(converting.Select(v => v.Registration));
            var remaining = setup.Registrations.Where(r => !_converted.Contains(r)).ToList();
            var metadataLeft = setup.InlineMetadata.Count > 0
                || setup.Uses.Any(u => u.Kind is PolicyUseKind.RequireCors or PolicyUseKind.EnableCorsOnLambda && !IsConverted(u));
            // UseCors() stays for what ASP.NET Core still answers; it becomes UseCorsGen when the default policy moves.
            KeepUseCors = metadataLeft || remaining.Any(r => r.IsDefault);
            KeepAddCors = remaining.Count > 0 || KeepUseCors || setup.Uses.Any(u => u.Kind == PolicyUseKind.UseCorsNamed && !IsConverted(u));
            if (!KeepAddCors)
            {
                foreach (var addCors in setup.AddCorsCalls)
                {
                    _removedAddCors.Add(addCors.Syntax);
                }
            }
        }

        private bool KeepUseCors { get; }

        private bool KeepAddCors { get; }

        private bool IsConverted(PolicyUse use) =>
            _converted.Any(r => PolicyConversion.Uses(_setup, r).Contains(use));

        public async Task ConvertAsync(SolutionEditor solution, ConversionVerdict verdict, CancellationToken cancellationToken)
        {
            var translation = verdict.Translation!;
            var registration = verdict.Registration;
            var tree = registration.Syntax.SyntaxTree;
            var document = solution.OriginalSolution.GetDocument(tree);
            if (document is null)
            {
                return;
            }

            var editor = await solution.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
            AddClass(editor, translation, registration.Syntax);
            if (!_removedAddCors.Any(a => a.Span.Contains(registration.Syntax.Span)))
            {
                RemoveRegistration(editor, registration);
            }

            var className = QualifiedName(registration.Syntax, translation.ClassName);
            await ShareGroupsAsync(solution, registration, translation.ClassName, className, cancellationToken).ConfigureAwait(false);
            foreach (var use in PolicyConversion.Uses(_setup, registration))
            {
                var useDocument = solution.OriginalSolution.GetDocument(use.Syntax.SyntaxTree);
                if (useDocument is null)
                {
                    continue;
                }

                var useEditor = await solution.GetDocumentEditorAsync(useDocument.Id, cancellationToken).ConfigureAwait(false);
                var policy = PolicyExpression(className, use.Syntax);
                switch (use.Kind)
                {
                    case PolicyUseKind.RequireCors:
                        RewriteRequireCors(useEditor, (IInvocationOperation)use.Operation!, policy);
                        break;
                    case PolicyUseKind.EnableCorsOnLambda:
                        useEditor.ReplaceNode(use.Syntax.Parent!.Parent!, (current, _) => RemoveAttribute((LambdaExpressionSyntax)current, (AttributeSyntax)use.Syntax));
                        Wrap(useEditor, (IInvocationOperation)use.Operation!, policy);
                        break;
                    case PolicyUseKind.UseCorsNamed or PolicyUseKind.UseCorsDefault:
                        useEditor.ReplaceNode(use.Syntax, (current, _) => Rename((InvocationExpressionSyntax)current, "UseCorsGen", policy));
                        break;
                }
            }
        }

        // Routes of the policy mapped on one receiver in one block: one group for all of them, declared before the first
        // (var frontendCors = app.WithCors(FrontendCors.Policy); frontendCors.MapGet(...)), so a pattern gets one preflight endpoint.
        private async Task ShareGroupsAsync(SolutionEditor solution, PolicyRegistration registration, string className, string qualifiedName, CancellationToken cancellationToken)
        {
            var groups = PolicyConversion.Uses(_setup, registration)
                .Where(u => PolicyConversion.RouteMap(u, _setup.Types) is not null)
                .GroupBy(u => PolicyConversion.SharedGroup(u, _setup.Types))
                .Where(g => g.Key is not null && g.Count() > 1);
            foreach (var group in groups)
            {
                var maps = group.Select(u => PolicyConversion.RouteMap(u, _setup.Types)!).OrderBy(m => m.Syntax.SpanStart).ToList();
                var first = (InvocationExpressionSyntax)maps[0].Syntax;
                var statement = first.FirstAncestorOrSelf<StatementSyntax>()!;
                if (solution.OriginalSolution.GetDocument(first.SyntaxTree) is not { } document)
                {
                    continue;
                }

                var editor = await solution.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
                var receiver = (IdentifierNameSyntax)((MemberAccessExpressionSyntax)first.Expression).Expression;
                var name = VariableName(className, editor.SemanticModel, statement.SpanStart);
                var subGroup = AspNetCorsSetup.Is(AspNetCorsSetup.Receiver(maps[0])?.Type, _setup.Types.RouteGroupBuilder) ? ".MapGroup(\"\")" : "";
                var indentation = statement.GetLeadingTrivia().Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse();
                var newLine = statement.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
                var declaration = SyntaxFactory.ParseStatement($"var {name} = {receiver.Identifier.ValueText}{subGroup}.WithCors({PolicyExpression(qualifiedName, first)});")
                    .WithLeadingTrivia(indentation)
                    .WithTrailingTrivia(newLine.IsKind(SyntaxKind.None) ? SyntaxFactory.LineFeed : newLine);
                if (statement.Parent is GlobalStatementSyntax global)
                {
                    editor.InsertBefore(global, SyntaxFactory.GlobalStatement(declaration));
                }
                else
                {
                    editor.InsertBefore(statement, declaration);
                }

                foreach (var map in maps)
                {
                    var mapReceiver = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)map.Syntax).Expression).Expression;
                    _wrapped.Add(mapReceiver);
                    editor.ReplaceNode(mapReceiver, (current, _) => SyntaxFactory.IdentifierName(name).WithTriviaFrom(current));
                }
            }
        }

        private static string VariableName(string className, SemanticModel model, int position)
        {
            var name = char.ToLowerInvariant(className[0]) + className.Substring(1);
            var candidate = name;
            for (var i = 2; !model.LookupSymbols(position, name: candidate).IsEmpty; i++)
            {
                candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }

        public async Task RemoveLeftoversAsync(SolutionEditor solution, CancellationToken cancellationToken)
        {
            var removals = new List<SyntaxNode>();
            if (!KeepUseCors)
            {
                removals.AddRange(_setup.Uses.Where(u => u.Kind == PolicyUseKind.UseCorsDefault && !IsConverted(u)).Select(u => u.Syntax));
            }

            removals.AddRange(_removedAddCors);
            foreach (var node in removals)
            {
                if (solution.OriginalSolution.GetDocument(node.SyntaxTree) is { } document)
                {
                    var editor = await solution.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
                    RemoveCall(editor, (InvocationExpressionSyntax)node);
                }
            }

            if (KeepAddCors)
            {
                // An AddCors(o => ...) whose every registration moved: AddCors() keeps the services.
                foreach (var addCors in _setup.AddCorsCalls)
                {
                    var lambda = addCors.Syntax.DescendantNodes().OfType<LambdaExpressionSyntax>().FirstOrDefault();
                    var registrations = _setup.Registrations.Where(r => addCors.Syntax.Span.Contains(r.Syntax.Span)).ToList();
                    if (lambda is not null && registrations.Count > 0 && registrations.All(_converted.Contains) && OnlyRegistrations(lambda)
                        && solution.OriginalSolution.GetDocument(addCors.Syntax.SyntaxTree) is { } document)
                    {
                        var editor = await solution.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
                        var call = (InvocationExpressionSyntax)addCors.Syntax;
                        editor.ReplaceNode(call, (current, _) => ((InvocationExpressionSyntax)current).WithArgumentList(SyntaxFactory.ArgumentList()));
                    }
                }
            }
        }

        private static bool OnlyRegistrations(LambdaExpressionSyntax lambda) =>
            lambda.ExpressionBody is InvocationExpressionSyntax
            || (lambda.Block is { } block && block.Statements.All(s => s is ExpressionStatementSyntax { Expression: InvocationExpressionSyntax }));

        private static void AddClass(DocumentEditor editor, PolicyTranslation translation, SyntaxNode registration)
        {
            var root = (CompilationUnitSyntax)editor.OriginalRoot;
            var newLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } nl ? nl : "\n";
            var container = registration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            var indent = container is NamespaceDeclarationSyntax ? "    " : "";
            var declaration = (ClassDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(translation.ClassText(indent, newLine))!;
            SyntaxNode host = container ?? (SyntaxNode)root;
            var previous = (container is NamespaceDeclarationSyntax block ? block.CloseBraceToken.GetPreviousToken() : root.EndOfFileToken.GetPreviousToken());
            var endsLine = previous.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia);
            // A blank line before the class.
            declaration = declaration.WithLeadingTrivia(SyntaxFactory.ParseLeadingTrivia((endsLine ? "" : newLine) + newLine + indent));
            editor.ReplaceNode(host, (current, _) => current switch
            {
                BaseNamespaceDeclarationSyntax ns => ns.AddMembers(declaration),
                CompilationUnitSyntax unit => EnsureCorsGenUsing(unit.AddMembers(declaration), editor.SemanticModel),
                _ => current,
            });
            if (container is not null)
            {
                editor.ReplaceNode(root, (current, _) => EnsureCorsGenUsing((CompilationUnitSyntax)current, editor.SemanticModel));
            }
        }

        // `using CorsGen;` unless the attributes already resolve (a global using, say).
        private static CompilationUnitSyntax EnsureCorsGenUsing(CompilationUnitSyntax unit, SemanticModel model)
        {
            var corsPolicy = model.Compilation.GetTypeByMetadataName("CorsGen.CorsPolicyAttribute");
            var visible = model.LookupNamespacesAndTypes(model.SyntaxTree.GetRoot().SpanStart, name: "CorsPolicyAttribute")
                .Any(s => SymbolEqualityComparer.Default.Equals(s, corsPolicy));
            if (visible || unit.Usings.Any(u => u.Name?.ToString() == "CorsGen"))
            {
                return unit;
            }

            var newLine = unit.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.IdentifierName("CorsGen"))
                .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithTrailingTrivia(newLine.IsKind(SyntaxKind.None) ? SyntaxFactory.LineFeed : newLine);
            if (unit.Usings.Count == 0)
            {
                // A blank line between the directive and the first statement or member.
                return unit.WithUsings(SyntaxFactory.SingletonList(directive.WithTrailingTrivia(directive.GetTrailingTrivia().AddRange(directive.GetTrailingTrivia()))));
            }

            // In order, after the System directives.
            var index = unit.Usings.TakeWhile(u => u.Name?.ToString() is { } n && (n == "System" || n.StartsWith("System.", System.StringComparison.Ordinal) || string.CompareOrdinal(n, "CorsGen") < 0)).Count();
            var usings = unit.Usings;
            if (index == 0)
            {
                // The file's leading comments stay first.
                directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
                usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
            }

            return unit.WithUsings(usings.Insert(index, directive));
        }

        private void RemoveRegistration(DocumentEditor editor, PolicyRegistration registration)
        {
            var call = registration.Syntax;
            if (call.Parent is ExpressionStatementSyntax statement)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else if (call.Parent is LambdaExpressionSyntax lambda)
            {
                // o => o.AddPolicy(...): the options lambda now has nothing to do.
                editor.ReplaceNode(lambda, (current, _) => current is SimpleLambdaExpressionSyntax simple
                    ? simple.WithExpressionBody(null).WithBlock(SyntaxFactory.Block()).WithTriviaFrom(simple)
                    : current);
            }
        }

        private static void RemoveCall(DocumentEditor editor, InvocationExpressionSyntax call)
        {
            if (call.Parent is ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method } && method.ReturnType is PredefinedTypeSyntax { Keyword.ValueText: "void" })
            {
                // void M(...) => services.AddCors(...); becomes an empty body.
                editor.ReplaceNode(method, (current, _) => ((MethodDeclarationSyntax)current)
                    .WithExpressionBody(null)
                    .WithSemicolonToken(default)
                    .WithParameterList(((MethodDeclarationSyntax)current).ParameterList.WithoutTrailingTrivia())
                    .WithBody(SyntaxFactory.Block().WithAdditionalAnnotations(Formatter.Annotation)));
                return;
            }

            if (call.Parent is ExpressionStatementSyntax statement && call.Expression is MemberAccessExpressionSyntax { Expression: not InvocationExpressionSyntax })
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
            else if (call.Expression is MemberAccessExpressionSyntax member)
            {
                // A link of a fluent chain: the chain without it.
                editor.ReplaceNode(call, (current, _) => ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)current).Expression).Expression.WithTrailingTrivia(current.GetTrailingTrivia()));
            }
        }

        private void RewriteRequireCors(DocumentEditor editor, IInvocationOperation requireCors, ExpressionSyntax policy)
        {
            var target = PolicyConversion.RouteTarget(requireCors, _setup.Types)!.Value;
            var call = (InvocationExpressionSyntax)requireCors.Syntax;
            if (target.IsGroup)
            {
                editor.ReplaceNode(call, (current, _) => Rename((InvocationExpressionSyntax)current, "WithCors", policy));
                return;
            }

            Wrap(editor, target.Target, policy);
            editor.ReplaceNode(call, (current, _) =>
            {
                var receiver = ((MemberAccessExpressionSyntax)((InvocationExpressionSyntax)current).Expression).Expression;
                return receiver.WithTrailingTrivia(current.GetTrailingTrivia());
            });
        }

        // app.MapGet(...) -> app.WithCors(P.Policy).MapGet(...); group.MapGet(...) -> group.MapGroup("").WithCors(P.Policy).MapGet(...),
        // since WithCors on a RouteGroupBuilder would apply to the whole group.
        private void Wrap(DocumentEditor editor, IInvocationOperation map, ExpressionSyntax policy)
        {
            if (map.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } || !_wrapped.Add(member.Expression))
            {
                return;
            }

            var isGroup = AspNetCorsSetup.Is(AspNetCorsSetup.Receiver(map)?.Type, _setup.Types.RouteGroupBuilder);
            editor.ReplaceNode(member.Expression, (current, _) =>
            {
                var receiver = (ExpressionSyntax)current.WithoutTrivia();
                if (isGroup)
                {
                    receiver = SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("MapGroup")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(""))))));
                }

                return SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("WithCors")),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(policy))))
                    .WithTriviaFrom(current);
            });
        }

        private static InvocationExpressionSyntax Rename(InvocationExpressionSyntax call, string name, ExpressionSyntax policy)
        {
            var member = (MemberAccessExpressionSyntax)call.Expression;
            return call
                .WithExpression(member.WithName(SyntaxFactory.IdentifierName(name).WithTriviaFrom(member.Name)))
                .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(policy))).WithTriviaFrom(call.ArgumentList));
        }

        // [EnableCors("x")] () => ...: the lambda without the attribute (and without its list when it was alone there).
        private static SyntaxNode RemoveAttribute(LambdaExpressionSyntax lambda, AttributeSyntax original)
        {
            var list = lambda.AttributeLists.FirstOrDefault(l => l.Attributes.Any(a => a.IsEquivalentTo(original)));
            if (list is null)
            {
                return lambda;
            }

            if (list.Attributes.Count > 1)
            {
                return lambda.ReplaceNode(list, list.WithAttributes(list.Attributes.Remove(list.Attributes.First(a => a.IsEquivalentTo(original)))));
            }

            var lists = lambda.AttributeLists.Remove(list);
            var stripped = lambda.WithAttributeLists(lists);
            return lists.Count == 0 ? stripped.WithLeadingTrivia(lambda.GetLeadingTrivia()) : stripped;
        }

        /// <summary>The class's name as the registration's namespace sees it, <c>Ns.Class</c> (or <c>Class</c> in the global namespace).</summary>
        private static string QualifiedName(SyntaxNode registration, string className)
        {
            var ns = registration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
            return ns is null ? className : ns.Name + "." + className;
        }

        // P.Policy, qualified (and marked for simplification) when the use is in another namespace.
        private static ExpressionSyntax PolicyExpression(string qualifiedName, SyntaxNode use)
        {
            var ns = use.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
            var dot = qualifiedName.LastIndexOf('.');
            var classNamespace = dot < 0 ? null : qualifiedName.Substring(0, dot);
            var name = classNamespace is null || classNamespace == ns ? qualifiedName.Substring(dot + 1) : "global::" + qualifiedName;
            var expression = SyntaxFactory.ParseExpression(name + ".Policy");
            return name.StartsWith("global::", System.StringComparison.Ordinal) ? expression.WithAdditionalAnnotations(Simplifier.Annotation) : expression;
        }
    }
}
