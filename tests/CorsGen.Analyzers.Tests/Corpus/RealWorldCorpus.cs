namespace CorsGen.Analyzers.Tests.Corpus;

/// <summary>One configuration from public code: where it comes from, the verdict in words, and the code with the expected diagnostics marked.</summary>
/// <param name="Name">A short unique name.</param>
/// <param name="Source">The repository and path (or, where the code index names no repository, the stored file's id and the query that finds it).</param>
/// <param name="Verdict">What is right or wrong with it, written before the analyzers ran.</param>
/// <param name="Markup">The CORS code verbatim, the rest stubbed; <c>{|CORSGEN0NN:text|}</c> marks each expected diagnostic.</param>
internal sealed record CorpusCase(string Name, string Source, string Verdict, string Markup);

/// <summary>The corpus of issue 17. Sources were found with the code search (find_string / search, corpus "code").</summary>
internal static partial class RealWorldCorpus
{
    // Computed on use: the parts are static fields of other files, initialized in an order C# does not fix.
    public static IReadOnlyList<CorpusCase> Cases => [.. Predicates, .. AnyOriginAndBuilderOrder, .. NullAndHttp, .. Pipeline, .. HandWritten];
}
