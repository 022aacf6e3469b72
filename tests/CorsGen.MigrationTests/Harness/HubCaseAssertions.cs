namespace CorsGen.MigrationTests.Harness;

/// <summary>The two checks of a hub case, as <see cref="CaseAssertions"/> for fetches.</summary>
public static class HubCaseAssertions
{
    /// <summary>The ASP.NET Core original against the case's expectations.</summary>
    public static void OriginalAsTabled(HubCase c, HubEvidence original)
    {
        var why = $"the original differs from the case table\n{original}";
        Assert.True(original.Outcome.Answered == c.Connects, $"expected the connection {(c.Connects ? "to start and answer" : "to fail")}; {why}");
        if (c.Connects)
        {
            Assert.True(original.Outcome.Transport == c.Transport, $"expected transport {c.Transport}; {why}");
            Assert.True(original.Outcome.User == c.User, $"expected user {c.User}; {why}");
        }

        Assert.True(original.Negotiations.Any() == (c.Connects && !c.SkipNegotiation), $"expected {(c.Connects && !c.SkipNegotiation ? "a negotiate request" : "no negotiate request")}; {why}");
    }

    /// <summary>The CorsGen port against the original: the same outcome for the script, the same traffic, except the declared differences.</summary>
    public static void PortMatchesOriginal(HubCase c, HubEvidence original, HubEvidence port)
    {
        var why = $"\n{original}\n{port}";
        if (c.Differences.Contains(IntendedDifference.WebSocketOriginChecked))
        {
            Assert.True(original.Outcome.Answered && !port.Outcome.Answered, $"{IntendedDifference.WebSocketOriginChecked}: the original should let the foreign page's socket open and the port should not{why}");
            Assert.True(original.Upgrades.Select(u => u.Status).SequenceEqual([101]), $"{IntendedDifference.WebSocketOriginChecked}: the original should switch protocols{why}");
            Assert.True(port.Upgrades.Select(u => u.Status).SequenceEqual([403]), $"{IntendedDifference.WebSocketOriginChecked}: the port should refuse the upgrade with 403{why}");
        }
        else
        {
            Assert.True(port.Outcome == original.Outcome, $"the script saw another outcome{why}");
            Assert.True(port.Upgrades.Select(u => u.Status).SequenceEqual(original.Upgrades.Select(u => u.Status)), $"the WebSocket upgrades were answered otherwise{why}");
        }

        Assert.True(port.Negotiations.Select(n => n.Status).SequenceEqual(original.Negotiations.Select(n => n.Status)), $"the negotiate requests were answered otherwise{why}");

        // Preflights by what they ask for: how many depends on how many sends and polls fall outside the browser's preflight cache.
        var originalPreflights = original.Preflights.Select(p => (p.Path, p.RequestMethod, p.Status)).Distinct().Order().ToList();
        var portPreflights = port.Preflights.Select(p => (p.Path, p.RequestMethod, p.Status)).Distinct().Order().ToList();
        Assert.True(portPreflights.Count == originalPreflights.Count, $"the browser asked preflights for other methods or paths{why}");
        var refused403 = c.Differences.Contains(IntendedDifference.RefusedPreflightIs403);
        foreach (var (o, p) in originalPreflights.Zip(portPreflights))
        {
            var same = o == p;
            var declared = refused403 && o.Path == p.Path && o.RequestMethod == p.RequestMethod && o.Status == 204 && p.Status == 403;
            Assert.True(same || declared, $"preflight {o.RequestMethod} {o.Path}: {o.Status} with the original, {p.Status} with the port{(refused403 ? "" : $" (declare {IntendedDifference.RefusedPreflightIs403} if that is the documented difference)")}{why}");
        }

        if (refused403)
        {
            Assert.True(originalPreflights.Zip(portPreflights).Any(pair => pair.First.Status == 204 && pair.Second.Status == 403), $"{IntendedDifference.RefusedPreflightIs403} is declared, but no preflight the original answered 204 is refused 403 by the port{why}");
        }
    }
}
