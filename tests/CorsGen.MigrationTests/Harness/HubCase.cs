using CorsGen.EndpointKinds;

namespace CorsGen.MigrationTests.Harness;

/// <summary>
/// One hub connection from a page with the official JavaScript client (@microsoft/signalr), run against
/// both versions of an app: start over <see cref="Transport"/>, send a message, wait for the answer,
/// stop. The expectations are what the ASP.NET Core original does in Chromium; the port must do the
/// same, apart from the <see cref="Differences"/> the case declares.
/// </summary>
public sealed record HubCase(string Name, PageOrigin From, string Transport)
{
    /// <summary>The client's <c>skipNegotiation</c> (WebSockets only): no negotiate request, no preflight, straight to the upgrade.</summary>
    public bool SkipNegotiation { get; init; }

    /// <summary>Whether the connection starts and the message comes back.</summary>
    public bool Connects { get; init; }

    /// <summary>The user the hub names when connected: the cookie reached it (the connection is credentialed).</summary>
    public string? User { get; init; }

    /// <summary>Where the CorsGen port answers otherwise, on purpose.</summary>
    public IReadOnlyList<IntendedDifference> Differences { get; init; } = [];

    public override string ToString() => Name;
}

/// <summary>Everything one version did with one hub case: the script's view and the server's.</summary>
public sealed record HubEvidence(string Version, HubOutcome Outcome, IReadOnlyList<Exchange> Seen)
{
    public IEnumerable<Exchange> Preflights => Seen.Where(e => e.IsPreflight);

    public IEnumerable<Exchange> Upgrades => Seen.Where(e => e.IsUpgrade);

    public IEnumerable<Exchange> Negotiations => Seen.Where(e => !e.IsPreflight && e.Path.EndsWith("/negotiate", StringComparison.Ordinal));

    public override string ToString() =>
        $"{Version}: {Outcome}\n  server saw:{string.Concat(Seen.Select(e => "\n    " + e))}";
}
