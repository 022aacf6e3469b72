using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsGen.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsGen.CodeFixes;

/// <summary>
/// CORSGEN042: converts an ASP.NET Core CORS policy into a CorsGen <c>[CorsPolicy]</c> class and applies the class
/// where the policy was applied (<see cref="PolicyConverter"/>). Fix All converts every policy of its scope in one
/// pass per project, so the registration and <c>UseCors()</c> go once nothing is left that needs them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConvertToCorsGenPolicyCodeFixProvider))]
[Shared]
public sealed class ConvertToCorsGenPolicyCodeFixProvider : CorsGenCodeFixProvider
{
    internal const string Title = "Convert to a CorsGen policy";
    internal const string EquivalenceKey = "CORSGEN042.ConvertToCorsGenPolicy";

    /// <summary>Creates the provider.</summary>
    public ConvertToCorsGenPolicyCodeFixProvider()
        : base(DiagnosticDescriptors.ConvertibleAspNetPolicy)
    {
    }

    /// <inheritdoc/>
    private protected override FixAllProvider FixAll { get; } = new ConvertAll();

    /// <inheritdoc/>
    private protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        var project = context.Document.Project;
        var policy = PolicyOf(diagnostic);
        context.RegisterCodeFix(
            CodeAction.Create(Title, ct => PolicyConverter.ConvertAsync(project.Solution, project.Id, new[] { policy }, ct), EquivalenceKey),
            diagnostic);
    }

    /// <summary>The policy a diagnostic is about: its name, or null for the default policy.</summary>
    private static PolicyKey PolicyOf(Diagnostic diagnostic) =>
        new(diagnostic.Properties.TryGetValue(DiagnosticProperties.PolicyName, out var name) ? name : null);

    private sealed class ConvertAll : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override Task<CodeAction?> GetFixAsync(FixAllContext context) =>
            Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => ConvertAsync(context, ct), EquivalenceKey));

        private static async Task<Solution> ConvertAsync(FixAllContext context, CancellationToken cancellationToken)
        {
            var byProject = new List<(ProjectId Project, ImmutableArray<Diagnostic> Diagnostics)>();
            switch (context.Scope)
            {
                case FixAllScope.Document when context.Document is { } document:
                    byProject.Add((document.Project.Id, await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)));
                    break;
                case FixAllScope.Project:
                    byProject.Add((context.Project.Id, await context.GetAllDiagnosticsAsync(context.Project).ConfigureAwait(false)));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in context.Solution.Projects)
                    {
                        byProject.Add((project.Id, await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false)));
                    }

                    break;
            }

            var solution = context.Solution;
            foreach (var (project, diagnostics) in byProject)
            {
                var policies = diagnostics.Where(d => d.Id == DiagnosticDescriptors.ConvertibleAspNetPolicy.Id).Select(PolicyOf).Distinct().ToList();
                if (policies.Count > 0)
                {
                    solution = await PolicyConverter.ConvertAsync(solution, project, policies, cancellationToken).ConfigureAwait(false);
                }
            }

            return solution;
        }
    }
}

/// <summary>An ASP.NET Core policy by name; <see cref="Name"/> null is the default policy.</summary>
internal readonly record struct PolicyKey(string? Name);
