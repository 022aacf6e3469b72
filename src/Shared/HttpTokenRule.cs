namespace CorsGen.Shared;

/// <summary>
/// The RFC 9110 <c>token</c> (https://www.rfc-editor.org/rfc/rfc9110#name-tokens): method names and header
/// field names. The runtime builds its vectorized search from <see cref="TokenCharacters"/>.
/// </summary>
internal static class HttpTokenRule
{
    /// <summary>tchar = "!" / "#" / "$" / "%" / "&amp;" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA.</summary>
    public const string TokenCharacters = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Whether <paramref name="value"/> is a non-empty token.</summary>
    public static bool IsToken(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (TokenCharacters.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
