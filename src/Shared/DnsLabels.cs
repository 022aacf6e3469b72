using System;

namespace CorsGen.Shared;

/// <summary>
/// Lower-case LDH host names as browsers serialize them: labels of <c>a-z</c>, <c>0-9</c> and <c>-</c>,
/// 1 to 63 characters, no leading or trailing hyphen, joined by single dots. Checked without allocating:
/// the generator runs this for every origin on each edit, the runtime for request origins.
/// </summary>
internal static class DnsLabels
{
    /// <summary>The longest host name (RFC 1035, section 2.3.4, without the root's dot).</summary>
    public const int MaxHostLength = 253;

    private const int MaxLabelLength = 63;

    /// <summary>Whether <paramref name="host"/> is a domain name of at most <see cref="MaxHostLength"/> characters (dotted IPv4 is a subset).</summary>
    public static bool IsDomainName(ReadOnlySpan<char> host) => host.Length <= MaxHostLength && AreLabels(host);

    /// <summary>Whether <paramref name="labels"/> is one or more labels joined by single dots, of any total length.</summary>
    public static bool AreLabels(ReadOnlySpan<char> labels)
    {
        if (labels.IsEmpty)
        {
            return false;
        }

        var labelLength = 0;
        var previous = '.';
        foreach (var c in labels)
        {
            if (c == '.')
            {
                if (labelLength == 0 || previous == '-')
                {
                    return false;
                }

                labelLength = 0;
            }
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9' || (c == '-' && labelLength > 0))
            {
                if (++labelLength > MaxLabelLength)
                {
                    return false;
                }
            }
            else
            {
                return false;
            }

            previous = c;
        }

        return labelLength > 0 && previous != '-';
    }
}
