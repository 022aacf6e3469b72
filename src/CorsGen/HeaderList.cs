using Microsoft.Extensions.Primitives;

namespace CorsGen;

/// <summary>
/// Splits a comma-separated header list such as <c>Access-Control-Request-Headers</c> into its
/// elements without allocating: every line of the <see cref="StringValues"/> is split on <c>,</c>,
/// each element trimmed of optional whitespace (SP, HTAB), and empty elements skipped, as
/// intermediaries may split one list over several lines or add spaces.
/// See <see href="https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split">Fetch, "get, decode, and split"</see>.
/// </summary>
/// <example><c>foreach (ReadOnlySpan&lt;char&gt; name in new HeaderList(request.Headers.AccessControlRequestHeaders)) { ... }</c></example>
public readonly ref struct HeaderList
{
    private readonly StringValues _values;

    /// <summary>Wraps the header's values; nothing is parsed until enumeration.</summary>
    /// <param name="values">The header's lines, as the server received them.</param>
    public HeaderList(StringValues values) => _values = values;

    /// <summary>Returns the allocation-free element enumerator.</summary>
    public Enumerator GetEnumerator() => new(_values);

    /// <summary>Enumerates the non-empty, trimmed elements of a <see cref="HeaderList"/>.</summary>
    public ref struct Enumerator
    {
        private readonly StringValues _values;
        private int _lineIndex;
        private ReadOnlySpan<char> _rest;
        private ReadOnlySpan<char> _current;

        internal Enumerator(StringValues values)
        {
            _values = values;
            _lineIndex = 0;
            _rest = values.Count > 0 ? values[0].AsSpan() : default;
            _current = default;
        }

        /// <summary>The current element, trimmed, never empty.</summary>
        public readonly ReadOnlySpan<char> Current => _current;

        /// <summary>Moves to the next non-empty element.</summary>
        /// <returns><see langword="false"/> when no element is left.</returns>
        public bool MoveNext()
        {
            while (true)
            {
                while (_rest.IsEmpty)
                {
                    if (++_lineIndex >= _values.Count)
                    {
                        _current = default;
                        return false;
                    }

                    _rest = _values[_lineIndex].AsSpan();
                }

                var comma = _rest.IndexOf(',');
                ReadOnlySpan<char> element;
                if (comma < 0)
                {
                    element = _rest;
                    _rest = default;
                }
                else
                {
                    element = _rest[..comma];
                    _rest = _rest[(comma + 1)..];
                }

                element = TrimOptionalWhitespace(element);
                if (!element.IsEmpty)
                {
                    _current = element;
                    return true;
                }
            }
        }

        // OWS = *( SP / HTAB ), RFC 9110 section 5.6.3.
        private static ReadOnlySpan<char> TrimOptionalWhitespace(ReadOnlySpan<char> value)
        {
            var start = 0;
            var end = value.Length;
            while (start < end && value[start] is ' ' or '\t')
            {
                start++;
            }

            while (end > start && value[end - 1] is ' ' or '\t')
            {
                end--;
            }

            return value[start..end];
        }
    }
}
