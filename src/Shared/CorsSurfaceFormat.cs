using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CorsGen.Shared;

/// <summary>
/// One CORS policy as the surface text describes it. The generator fills it from the model, the runtime
/// from <c>CompiledCorsPolicySettings</c> (with configured origins as loaded), so both write one format.
/// </summary>
internal sealed class SurfacePolicy
{
    public string Name { get; set; } = "";

    public bool AnyOrigin { get; set; }

    public bool RefuseAll { get; set; }

    public IEnumerable<string> ExactOrigins { get; set; } = Array.Empty<string>();

    /// <summary>Subdomain patterns as written, e.g. <c>https://*.example.com</c>.</summary>
    public IEnumerable<string> Patterns { get; set; } = Array.Empty<string>();

    public string? ConfigurationKey { get; set; }

    /// <summary>The origins read from <see cref="ConfigurationKey"/>: only at run time, as loaded.</summary>
    public IEnumerable<string> ConfiguredOrigins { get; set; } = Array.Empty<string>();

    /// <summary>The origin predicate's method, e.g. <c>App.Rules.IsPartner</c>.</summary>
    public string? Predicate { get; set; }

    /// <summary>The origin validator's type (<c>[AllowOriginValidator]</c>), when the policy has one.</summary>
    public string? Validator { get; set; }

    public bool AllowCredentials { get; set; }

    public bool AnyMethod { get; set; }

    /// <summary>Null: the methods mapped at each route's pattern.</summary>
    public IEnumerable<string>? Methods { get; set; }

    public bool AnyHeader { get; set; }

    public IEnumerable<string> Headers { get; set; } = Array.Empty<string>();

    public IEnumerable<string> ExposedHeaders { get; set; } = Array.Empty<string>();

    public int? MaxAgeSeconds { get; set; }

    public bool AllowPrivateNetwork { get; set; }

    public int PreflightStatus { get; set; } = 204;

    public bool PreflightContinue { get; set; }
}

/// <summary>
/// The CORS surface text (CorsSurface.txt): sorted <c>route</c> and <c>group</c> lines, then one <c>policy</c>
/// block per policy with one line per origin, method and header, so a change reads as one added or removed line.
/// </summary>
internal static class CorsSurfaceFormat
{
    /// <summary>The baseline's file name, as a project adds it to AdditionalFiles.</summary>
    public const string FileName = "CorsSurface.txt";

    /// <summary>The first line: what the file is and how to update it.</summary>
    public const string Header = "# CorsGen CORS surface: which routes cross-origin scripts can call, and how. Update: dotnet build -p:CorsGenUpdateSurface=true";

    /// <summary>Written between a route or group and its policy.</summary>
    public const string Arrow = " -> ";

    /// <summary>Opens a policy block.</summary>
    public const string PolicyKeyword = "policy";

    /// <summary>Indents a policy block's lines.</summary>
    public const string Indent = "  ";

    /// <summary>Keywords of a policy block's lines, in the order they are written.</summary>
    public static readonly string[] PolicyKinds =
    {
        "origin", "origin-pattern", "origin-configuration", "origin-configured", "origin-predicate", "origin-validator", "refuse-all",
        "credentials", "method", "header", "exposed-header", "max-age", "private-network", "preflight-status", "preflight-continue",
    };

    /// <summary>Keywords that a policy has at most once: a new value changes the line instead of adding one.</summary>
    public static bool IsSingleValued(string kind) => kind is "origin-configuration" or "origin-predicate" or "origin-validator"
        or "refuse-all" or "credentials" or "max-age" or "private-network" or "preflight-status" or "preflight-continue";

    /// <summary><c>route GET /items -> Items</c>: one line per route and HTTP method (<c>*</c>: any method).</summary>
    public static string Route(string method, string pattern, string policy) => "route " + method + " " + pattern + Arrow + policy;

    /// <summary><c>group app.MapGroup("/api") in Program.Main -> PartnerApi</c>: a <c>WithCors</c> call.</summary>
    public static string Group(string receiver, string member, string policy) => "group " + receiver + " in " + member + Arrow + policy;

    /// <summary>A policy block's lines (without the <c>policy</c> line and without indentation), in a fixed order.</summary>
    public static List<string> PolicyLines(SurfacePolicy policy)
    {
        var lines = new List<string>();
        void Add(string kind, IEnumerable<string> values)
        {
            foreach (var value in values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal))
            {
                lines.Add(kind + " " + value);
            }
        }

        if (policy.AnyOrigin)
        {
            lines.Add("origin *");
        }

        Add("origin", policy.ExactOrigins);
        Add("origin-pattern", policy.Patterns);
        if (policy.ConfigurationKey is { } key)
        {
            lines.Add("origin-configuration " + key);
        }

        Add("origin-configured", policy.ConfiguredOrigins);
        if (policy.Predicate is { } predicate)
        {
            lines.Add("origin-predicate " + predicate);
        }

        if (policy.Validator is { } validator)
        {
            lines.Add("origin-validator " + validator);
        }

        if (policy.RefuseAll)
        {
            lines.Add("refuse-all yes");
        }

        lines.Add("credentials " + YesNo(policy.AllowCredentials));
        if (policy.AnyMethod)
        {
            lines.Add("method *");
        }
        else if (policy.Methods is { } methods)
        {
            Add("method", methods);
        }
        else
        {
            lines.Add("method (as mapped)");
        }

        if (policy.AnyHeader)
        {
            lines.Add("header *");
        }

        Add("header", policy.Headers);
        Add("exposed-header", policy.ExposedHeaders);
        lines.Add("max-age " + (policy.MaxAgeSeconds is { } maxAge ? maxAge.ToString(CultureInfo.InvariantCulture) : "(none)"));
        lines.Add("private-network " + YesNo(policy.AllowPrivateNetwork));
        lines.Add("preflight-status " + policy.PreflightStatus.ToString(CultureInfo.InvariantCulture));
        lines.Add("preflight-continue " + YesNo(policy.PreflightContinue));
        return lines;
    }

    /// <summary>
    /// The whole text: the header, the route and group lines (ordinal order), then the policy blocks (ordinal
    /// order of names), each line ending in <c>\n</c>. Equal surfaces give equal text on every machine.
    /// </summary>
    public static string Write(IEnumerable<string> routeAndGroupLines, IEnumerable<SurfacePolicy> policies)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        var top = routeAndGroupLines.Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList();
        if (top.Count > 0)
        {
            text.Append('\n');
            foreach (var line in top)
            {
                text.Append(line).Append('\n');
            }
        }

        foreach (var policy in policies.GroupBy(p => p.Name, StringComparer.Ordinal).Select(g => g.First()).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append('\n').Append(PolicyKeyword).Append(' ').Append(policy.Name).Append('\n');
            foreach (var line in PolicyLines(policy))
            {
                text.Append(Indent).Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
