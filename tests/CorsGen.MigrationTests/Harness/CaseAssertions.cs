namespace CorsGen.MigrationTests.Harness;

/// <summary>The two checks of a case: the original does what the table says; the port does what the original does.</summary>
public static class CaseAssertions
{
    /// <summary>The ASP.NET Core original against the case's expectations: the table is checked, not assumed.</summary>
    public static void OriginalAsTabled(MigrationCase c, CaseEvidence original)
    {
        var why = $"the original differs from the case table\n{original}";
        Assert.True(original.Outcome.Resolved == c.Resolves, $"expected the fetch to {(c.Resolves ? "resolve" : "reject")}; {why}");
        if (c.Resolves)
        {
            Assert.True(original.Outcome.Status == c.Status, $"expected status {c.Status}; {why}");
            if (c.ResponseBody is { } body)
            {
                Assert.True(original.Outcome.Body == body, $"expected body {body}; {why}");
            }

            foreach (var (name, value) in c.Readable)
            {
                var read = original.Outcome.Headers?.GetValueOrDefault(name);
                Assert.True(read == value, $"expected headers.get('{name}') to be {value ?? "null"}, got {read ?? "null"}; {why}");
            }
        }
        else
        {
            Assert.StartsWith("TypeError", original.Outcome.Error);
        }

        Assert.True(original.Preflights.Count() == (c.Preflighted ? 1 : 0), $"expected {(c.Preflighted ? "one preflight" : "no preflight")}; {why}");
        Assert.True(original.Actual(c.Method).Count() == (c.Sent ? 1 : 0), $"expected the request {(c.Sent ? "to reach" : "never to reach")} the server; {why}");
    }

    /// <summary>The CorsGen port against the original: the same browser outcome, the same traffic, except the declared differences.</summary>
    public static void PortMatchesOriginal(MigrationCase c, CaseEvidence original, CaseEvidence port)
    {
        var why = $"\n{original}\n{port}";
        var mappedMethods = c.Differences.Contains(IntendedDifference.MappedMethodsByDefault);
        if (mappedMethods)
        {
            Assert.True(!original.Outcome.Resolved && port.Outcome.Resolved && port.Outcome.Status == 200, $"{IntendedDifference.MappedMethodsByDefault}: the original's fetch should reject and the port's resolve with 200{why}");
        }
        else
        {
            Assert.True(port.Outcome.Resolved == original.Outcome.Resolved, $"the fetch {(original.Outcome.Resolved ? "resolved" : "rejected")} with the original but not with the port{why}");
        }

        if (original.Outcome.Resolved)
        {
            Assert.True(port.Outcome.Status == original.Outcome.Status, $"the script reads another status{why}");
            Assert.True(port.Outcome.Body == original.Outcome.Body, $"the script reads another body{why}");
            foreach (var (name, value) in original.Outcome.Headers ?? [])
            {
                var read = port.Outcome.Headers?.GetValueOrDefault(name);
                Assert.True(read == value, $"headers.get('{name}') is {read ?? "null"} with the port, {value ?? "null"} with the original{why}");
            }
        }

        var originalPreflights = original.Preflights.ToList();
        var portPreflights = port.Preflights.ToList();
        Assert.True(portPreflights.Count == originalPreflights.Count, $"the browser sent another number of preflights{why}");

        var methodNeedsNoRoute = c.Differences.Contains(IntendedDifference.AllowedMethodNeedsNoRoute);
        if (c.Differences.Contains(IntendedDifference.RefusedPreflightIs403))
        {
            // The original's refusal: the middleware's 204, or, when no endpoint maps the method, a 404 or a terminal middleware's answer without CORS headers.
            Assert.True(originalPreflights is [{ Status: not 403, AllowOrigin: null } or { Status: 204 }], $"{IntendedDifference.RefusedPreflightIs403}: the original should not answer the preflight 403{why}");
            Assert.True(portPreflights is [{ Status: 403, AllowOrigin: null }], $"{IntendedDifference.RefusedPreflightIs403}: the port should answer the preflight 403 without CORS headers{why}");
        }
        else if (methodNeedsNoRoute)
        {
            Assert.True(originalPreflights is [{ AllowOrigin: null }], $"{IntendedDifference.AllowedMethodNeedsNoRoute}: no CORS answer should reach the original's preflight{why}");
            Assert.True(portPreflights is [{ Status: 204, AllowOrigin: not null }], $"{IntendedDifference.AllowedMethodNeedsNoRoute}: the port should allow the preflight{why}");
        }
        else
        {
            Assert.True(portPreflights.Select(p => p.Status).SequenceEqual(originalPreflights.Select(p => p.Status)), $"the preflight was answered with another status{why}");
        }

        var originalActual = original.Actual(c.Method).ToList();
        var portActual = port.Actual(c.Method).ToList();
        if (methodNeedsNoRoute)
        {
            Assert.True(originalActual.Count == 0, $"{IntendedDifference.AllowedMethodNeedsNoRoute}: the original should never receive the request{why}");
            Assert.True(portActual is [{ Status: 405 }], $"{IntendedDifference.AllowedMethodNeedsNoRoute}: the port should receive it once and answer 405{why}");
        }
        else if (mappedMethods)
        {
            Assert.True(originalActual.Count == 0, $"{IntendedDifference.MappedMethodsByDefault}: the original should never receive the request{why}");
            Assert.True(portActual is [{ Status: 200, AllowOrigin: not null }], $"{IntendedDifference.MappedMethodsByDefault}: the port should receive it once and answer it with CORS headers{why}");
        }
        else
        {
            Assert.True(portActual.Select(a => a.Status).SequenceEqual(originalActual.Select(a => a.Status)), $"the request reached the server another number of times, or was answered with another status{why}");
        }

        AssertVary(c, originalPreflights.Zip(portPreflights).Concat(originalActual.Zip(portActual)).ToList(), why);
    }

    // CorsGen never drops a Vary name the original sends; where it adds some, the case says so.
    private static void AssertVary(MigrationCase c, IReadOnlyList<(Exchange Original, Exchange Port)> pairs, string why)
    {
        foreach (var (original, port) in pairs)
        {
            Assert.True(port.Vary.IsSupersetOf(original.Vary), $"the port's Vary lacks a name the original's has: {original} / {port}{why}");
        }

        var more = pairs.Any(p => p.Port.Vary.IsProperSupersetOf(p.Original.Vary));
        var declared = c.Differences.Contains(IntendedDifference.VaryOnMoreResponses);
        Assert.True(more == declared, declared
            ? $"{IntendedDifference.VaryOnMoreResponses} is declared, but the port's Vary names no more than the original's{why}"
            : $"the port's Vary names more than the original's; declare {IntendedDifference.VaryOnMoreResponses} if that is the documented difference{why}");
    }
}
