namespace CorsGen;

/// <summary>
/// The RFC 9110 <c>token</c> grammar, used for method names and header field names.
/// See <see href="https://www.rfc-editor.org/rfc/rfc9110#name-tokens">RFC 9110, section 5.6.2</see>.
/// </summary>
public static class HttpTokens
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static readonly System.Buffers.SearchValues<char> TokenChars = System.Buffers.SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> TokenListChars = System.Buffers.SearchValues.Create(
        "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz,");

    /// <summary>Whether <paramref name="value"/> is a non-empty RFC 9110 token.</summary>
    /// <param name="value">The characters to test.</param>
    /// <returns><see langword="true"/> when every character is a <c>tchar</c> and there is at least one.</returns>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        return !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);
    }

    /// <summary>
    /// Whether every element of a comma-separated list (one header line, as split by
    /// <see cref="HeaderList"/>: optional whitespace trimmed, empty elements skipped) is a token.
    /// </summary>
    /// <param name="line">One header line, e.g. an <c>Access-Control-Request-Headers</c> value.</param>
    /// <returns><see langword="true"/> when no element is malformed.</returns>
    public static bool IsTokenList(ReadOnlySpan<char> line)
    {
        // Browsers send "a,b,c": one vectorized scan decides. Whitespace needs the element-wise check.
        if (!line.ContainsAnyExcept(TokenListChars))
        {
            return true;
        }

        var rest = line;
        while (true)
        {
            var comma = rest.IndexOf(',');
            var element = (comma < 0 ? rest : rest[..comma]).Trim(" \t");
            if (!element.IsEmpty && !IsToken(element))
            {
                return false;
            }

            if (comma < 0)
            {
                break;
            }

            rest = rest[(comma + 1)..];
        }

        return true;
    }
}
