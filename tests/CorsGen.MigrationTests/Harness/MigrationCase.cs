namespace CorsGen.MigrationTests.Harness;

/// <summary>
/// One fetch from a page, run against both versions of an app. The expectations are what the
/// ASP.NET Core original does in Chromium; the CorsGen port must do the same, apart from the
/// <see cref="Differences"/> the case declares (each a row of docs/compatibility.md).
/// </summary>
public sealed record MigrationCase(string Name, PageOrigin From, string Method, string Path)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Body { get; init; }

    /// <summary>The fetch's <c>credentials: 'include'</c>; otherwise the default (<c>same-origin</c>, so none cross-origin).</summary>
    public bool WithCredentials { get; init; }

    /// <summary>Whether the fetch resolves (the script may read the response) or rejects with a TypeError.</summary>
    public bool Resolves { get; init; }

    /// <summary>The status the script reads, when it resolves.</summary>
    public int Status { get; init; }

    /// <summary>The body the script reads, when it resolves; <see langword="null"/> leaves it unchecked (a body that varies, e.g. none for HEAD).</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Response headers the script reads with <c>response.headers.get(name)</c>, and what it gets (<see langword="null"/>: not readable).</summary>
    public IReadOnlyDictionary<string, string?> Readable { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether the browser sent a preflight for it.</summary>
    public bool Preflighted { get; init; }

    /// <summary>Whether the request itself (not its preflight) reached the original's server.</summary>
    public bool Sent { get; init; } = true;

    /// <summary>Where the CorsGen port answers otherwise, on purpose.</summary>
    public IReadOnlyList<IntendedDifference> Differences { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>What the script saw.</summary>
public sealed record BrowserOutcome(bool Resolved, int Status, string? Body, Dictionary<string, string?>? Headers, string? Error)
{
    public override string ToString() => Resolved
        ? $"resolved {Status} body={Body} headers={{{string.Join(", ", (Headers ?? []).Select(h => $"{h.Key}: {h.Value ?? "(not readable)"}"))}}}"
        : $"rejected: {Error}";
}

/// <summary>Everything one version did with one case: the browser's view and the server's.</summary>
public sealed record CaseEvidence(string Version, BrowserOutcome Outcome, IReadOnlyList<Exchange> Seen)
{
    public IEnumerable<Exchange> Preflights => Seen.Where(e => e.IsPreflight);

    public IEnumerable<Exchange> Actual(string method) => Seen.Where(e => !e.IsPreflight && e.Method == method);

    public override string ToString() =>
        $"{Version}: {Outcome}\n  server saw:{string.Concat(Seen.Select(e => "\n    " + e))}";
}
