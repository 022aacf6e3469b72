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

    /// <summary>Whether <paramref name="value"/> is a non-empty RFC 9110 token.</summary>
    /// <param name="value">The characters to test.</param>
    /// <returns><see langword="true"/> when every character is a <c>tchar</c> and there is at least one.</returns>
    public static bool IsToken(ReadOnlySpan<char> value)
    {
        return !value.IsEmpty && !value.ContainsAnyExcept(TokenChars);
    }
}
