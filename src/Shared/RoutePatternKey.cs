using System;
using System.Collections.Generic;
using System.Text;

namespace CorsGen.Shared;

/// <summary>
/// The key under which route templates share one preflight: templates that match the same paths get the
/// same key. Leading and trailing slashes, case (routing is case-insensitive) and parameter names, constraints
/// and defaults do not matter; a parameter becomes <c>{}</c> wherever it stands, in a segment of its own or in
/// a complex one (<c>file.{ext}</c> -> <c>/file.{}</c>). The generator keys template text, the runtime keys
/// parsed <c>RoutePattern</c>s with <see cref="Literal"/>, <see cref="Parameter"/> and <see cref="Join"/>.
/// </summary>
internal static class RoutePatternKey
{
    /// <summary>What a route parameter (<c>{id}</c>, <c>{id:int?}</c>, <c>{**rest}</c>) stands as.</summary>
    public const string Parameter = "{}";

    /// <summary>The key of a route template as written in an attribute or a Map call.</summary>
    public static string FromTemplate(string template)
    {
        var trimmed = template.StartsWith("~/", StringComparison.Ordinal) ? template.Substring(2) : template;
        var segments = trimmed.Trim('/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = Segment(segments[i]);
        }

        return Join(segments);
    }

    /// <summary>A literal part of a segment, unescaped as routing holds it (<c>{{</c> is <c>{</c>).</summary>
    public static string Literal(string content) =>
        content.Replace("{", "{{").Replace("}", "}}").ToLowerInvariant();

    /// <summary>The key of the segments' keys, in order.</summary>
    public static string Join(IEnumerable<string> segmentKeys) => "/" + string.Join("/", segmentKeys);

    // Literal runs kept escaped and lower-cased; each {parameter} replaced by "{}".
    private static string Segment(string segment)
    {
        if (segment.IndexOf('{') < 0 && segment.IndexOf('}') < 0)
        {
            return segment.ToLowerInvariant();
        }

        var key = new StringBuilder(segment.Length);
        var literalStart = 0;
        var i = 0;
        while (i < segment.Length)
        {
            var c = segment[i];
            if ((c == '{' || c == '}') && i + 1 < segment.Length && segment[i + 1] == c)
            {
                i += 2;
                continue;
            }

            if (c != '{')
            {
                i++;
                continue;
            }

            key.Append(segment.Substring(literalStart, i - literalStart).ToLowerInvariant()).Append(Parameter);
            i = ParameterEnd(segment, i + 1);
            literalStart = i;
        }

        return key.Append(segment.Substring(literalStart).ToLowerInvariant()).ToString();
    }

    // The index after the '}' that closes a parameter ("}}" inside one is an escaped brace).
    private static int ParameterEnd(string segment, int start)
    {
        for (var i = start; i < segment.Length; i++)
        {
            if (segment[i] != '}')
            {
                continue;
            }

            if (i + 1 < segment.Length && segment[i + 1] == '}')
            {
                i++;
                continue;
            }

            return i + 1;
        }

        return segment.Length;
    }
}
