using CorsGen.Shared;
using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// The RFC 9110 <c>token</c> grammar, used for method names and header field names.
/// See <see href="https://www.rfc-editor.org/rfc/rfc9110#name-tokens">RFC 9110, section 5.6.2</see>.
/// </summary>
public static class HttpTokens
{
    private static readonly System.Buffers.SearchValues<char> TokenChars = System.Buffers.SearchValues.Create(HttpTokenRule.TokenCharacters);

    private static readonly System.Buffers.SearchValues<char> TokenListChars = System.Buffers.SearchValues.Create(HttpTokenRule.TokenCharacters + ",");

    /// <summary>Whether <paramref name="value"/> is a non-empty RFC 9110 token.</summary>
    /// <param name="value">The characters to test.</param>
    /// <returns><see langword="true"/> when every character is a <c>tchar</c> and there is at least one.</returns>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        return !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);
    }

    /// <summary>
    /// Whether every element of a comma-separated header list is a token, with the list split as
    /// <see cref="HeaderList"/> splits it (all lines, optional whitespace trimmed, empty elements skipped).
    /// </summary>
    /// <param name="values">The header's lines, e.g. <c>Access-Control-Request-Headers</c>.</param>
    /// <returns><see langword="true"/> when no element is malformed (also for an absent header).</returns>
    public static bool IsTokenList(StringValues values)
    {
        // Browsers send "a,b,c": one vectorized scan per line decides. Whitespace needs the split.
        foreach (var line in values)
        {
            if (line.AsSpan().ContainsAnyExcept(TokenListChars))
            {
                return AreTokens(values);
            }
        }

        return true;
    }

    private static bool AreTokens(StringValues values)
    {
        foreach (var element in new HeaderList(values))
        {
            if (!IsToken(element))
            {
                return false;
            }
        }

        return true;
    }
}
