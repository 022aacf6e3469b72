using System;
using System.Collections.Generic;
using System.Linq;
using CorsGen.Shared;
using Microsoft.CodeAnalysis.Text;

namespace CorsGen.Generators.Surface;

/// <summary>
/// One line of a surface text. <see cref="Policy"/>: the block it belongs to (the policy a <c>route</c> or
/// <c>group</c> line names, for those); <see cref="Key"/>: what a changed line keeps (a route, or a single-valued
/// setting such as <c>credentials</c>); <see cref="Line"/>: its 0-based line in the text it was read from.
/// </summary>
internal sealed record SurfaceEntry(string Policy, string Kind, string Key, string Text, int Line)
{
    /// <summary>The value after the keyword (a route line: the route, without its policy).</summary>
    public string Value => Text.Length > Kind.Length ? Text.Substring(Kind.Length + 1) : string.Empty;

    public bool IsTopLevel => Kind is "route" or "group";
}

/// <summary>A difference between the compiled surface and the baseline; <see cref="Widens"/>: it exposes more.</summary>
internal sealed record SurfaceDifference(SurfaceEntry? Compiled, SurfaceEntry? Baseline, bool Widens)
{
    public string Change => Baseline is null ? "added" : Compiled is null ? "removed" : "changed";
}

/// <summary>A surface text read into entries, and the lines that could not be read (0-based, with why).</summary>
internal sealed record ParsedSurface(List<SurfaceEntry> Entries, List<(int Line, string Problem)> Problems);

/// <summary>Reads a surface text (CorsSurface.txt or the compiled one) and compares two of them.</summary>
internal static class SurfaceBaseline
{
    private static readonly HashSet<string> PolicyKinds = new(CorsSurfaceFormat.PolicyKinds, StringComparer.Ordinal);

    public static ParsedSurface Parse(SourceText text)
    {
        var entries = new List<SurfaceEntry>();
        var problems = new List<(int, string)>();
        string? policy = null;
        var policies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Lines)
        {
            var raw = line.ToString().TrimEnd();
            if (raw.Length == 0 || raw.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            var content = raw.TrimStart();
            var space = content.IndexOf(' ');
            var kind = space < 0 ? content : content.Substring(0, space);
            var value = space < 0 ? string.Empty : content.Substring(space + 1).Trim();
            var problem = raw.Length != content.Length
                ? ReadPolicyLine(policy, kind, value, content, line.LineNumber, entries)
                : ReadTopLine(kind, value, content, line.LineNumber, entries, policies, ref policy);
            if (problem is not null)
            {
                problems.Add((line.LineNumber, problem));
            }
        }

        return new ParsedSurface(entries, problems);
    }

    private static string? ReadPolicyLine(string? policy, string kind, string value, string content, int line, List<SurfaceEntry> entries)
    {
        if (policy is null)
        {
            return $"'{content}' is indented, but no 'policy' line opens a block before it";
        }

        if (!PolicyKinds.Contains(kind))
        {
            return $"'{kind}' is not a policy setting; expected one of {string.Join(", ", CorsSurfaceFormat.PolicyKinds)}";
        }

        if (value.Length == 0)
        {
            return $"'{kind}' has no value";
        }

        var text = kind + " " + value;
        entries.Add(new SurfaceEntry(policy, kind, CorsSurfaceFormat.IsSingleValued(kind) ? kind : text, text, line));
        return null;
    }

    private static string? ReadTopLine(string kind, string value, string content, int line, List<SurfaceEntry> entries, HashSet<string> policies, ref string? policy)
    {
        switch (kind)
        {
            case CorsSurfaceFormat.PolicyKeyword when value.Length > 0:
                policy = value;
                if (!policies.Add(value))
                {
                    return $"policy '{value}' is listed twice";
                }

                entries.Add(new SurfaceEntry(value, kind, content, content, line));
                return null;
            case "route" or "group":
                var arrow = value.LastIndexOf(CorsSurfaceFormat.Arrow, StringComparison.Ordinal);
                if (arrow <= 0 || arrow + CorsSurfaceFormat.Arrow.Length >= value.Length
                    || (kind == "route" && value.IndexOf(' ') is var gap && (gap <= 0 || gap >= arrow))
                    || (kind == "group" && value.IndexOf(" in ", StringComparison.Ordinal) is var member && (member <= 0 || member >= arrow)))
                {
                    return kind == "route"
                        ? $"'{content}' is not 'route METHOD PATTERN -> POLICY'"
                        : $"'{content}' is not 'group RECEIVER in MEMBER -> POLICY'";
                }

                policy = null;
                var text = kind + " " + value;
                entries.Add(new SurfaceEntry(value.Substring(arrow + CorsSurfaceFormat.Arrow.Length), kind, text.Substring(0, kind.Length + 1 + arrow), text, line));
                return null;
            default:
                return $"'{content}' is not a 'route', 'group' or 'policy' line (policy settings are indented)";
        }
    }

    /// <summary>
    /// Lines in both are equal; a compiled line whose key the baseline has with another text is changed; the
    /// rest are added (compiled only) or removed (baseline only). Ordered as the compiled text, then the file.
    /// </summary>
    public static List<SurfaceDifference> Compare(List<SurfaceEntry> compiled, List<SurfaceEntry> baseline)
    {
        var unmatched = baseline.ToList();
        var extra = new List<SurfaceEntry>();
        foreach (var entry in compiled)
        {
            var same = unmatched.FindIndex(b => b.Policy == entry.Policy && b.Text == entry.Text && b.IsTopLevel == entry.IsTopLevel);
            if (same >= 0)
            {
                unmatched.RemoveAt(same);
            }
            else
            {
                extra.Add(entry);
            }
        }

        var differences = new List<SurfaceDifference>();
        foreach (var entry in extra)
        {
            // A route's key is the route: one whose policy changed is one changed line.
            var old = unmatched.FindIndex(b => b.Key == entry.Key && b.Kind == entry.Kind && (entry.IsTopLevel || b.Policy == entry.Policy));
            SurfaceEntry? before = null;
            if (old >= 0)
            {
                before = unmatched[old];
                unmatched.RemoveAt(old);
            }

            differences.Add(new SurfaceDifference(entry, before, Widens(entry, compiled)));
        }

        differences.AddRange(unmatched.Select(b => new SurfaceDifference(null, b, Widens: b.Kind == "refuse-all")));
        return differences;
    }

    /// <summary>
    /// Whether a new or changed line exposes more: another origin source, any origin, method or header,
    /// credentials, private network, or a route or group whose policy sends credentials.
    /// </summary>
    private static bool Widens(SurfaceEntry entry, List<SurfaceEntry> compiled) => entry.Kind switch
    {
        "origin" or "origin-pattern" or "origin-configuration" or "origin-configured" or "origin-predicate" or "origin-validator" => true,
        "method" or "header" => entry.Value == "*",
        "credentials" or "private-network" => entry.Value == "yes",
        "route" or "group" => compiled.Any(c => !c.IsTopLevel && c.Policy == entry.Policy && c.Text == "credentials yes"),
        _ => false,
    };
}
