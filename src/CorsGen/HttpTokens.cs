namespace CorsGen;

/// <summary>
/// The RFC 9110 <c>token</c> grammar, used for method names and header field names.
/// See <see href="https://www.rfc-editor.org/rfc/rfc9110#name-tokens">RFC 9110, section 5.6.2</see>.
/// </summary>
public static class HttpTokens
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static ReadOnlySpan<bool> TokenChars =>
    [
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, false, false, false, false, false, false, false, false, false, false, false, false, false, false, false,
        false, true,  false, true,  true,  true,  true,  true,  false, false, true,  true,  false, true,  true,  false,
        true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  false, false, false, false, false, false,
        false, true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,
        true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  false, false, false, true,  true,
        true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,
        true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  true,  false, true,  false, true,  false,
    ];

    /// <summary>Whether <paramref name="value"/> is a non-empty RFC 9110 token.</summary>
    /// <param name="value">The characters to test.</param>
    /// <returns><see langword="true"/> when every character is a <c>tchar</c> and there is at least one.</returns>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        var table = TokenChars;
        foreach (var c in value)
        {
            if (c >= (char)table.Length || !table[c])
            {
                return false;
            }
        }

        return true;
    }
}
