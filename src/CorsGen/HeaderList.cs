using System.Runtime.CompilerServices;
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
        private string? _line;
        private int _position;
        private int _start;
        private int _length;

        internal Enumerator(StringValues values)
        {
            _values = values;
            _lineIndex = 0;
            _line = values.Count > 0 ? values[0] : null;
            _position = 0;
            _start = 0;
            _length = 0;
        }

        /// <summary>The current element, trimmed, never empty.</summary>
        public readonly ReadOnlySpan<char> Current => _line.AsSpan(_start, _length);

        /// <summary>Moves to the next non-empty element.</summary>
        /// <returns><see langword="false"/> when no element is left.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MoveNext()
        {
            // Fast path for the shape browsers send, "a,b,c": the element starts at the current
            // position and ends at the next ',' or the line's end, with no whitespace. SP, HTAB and ','
            // all sort at or below ',' and most tchars above it, so one comparison per character
            // decides. Anything else (whitespace, empty elements, the next line) takes the slow path.
            var line = _line;
            if (line is not null)
            {
                var position = _position;
                if ((uint)position < (uint)line.Length && !IsSeparator(line[position]))
                {
                    var end = position + 1;
                    while (true)
                    {
                        while ((uint)end < (uint)line.Length && line[end] > ',')
                        {
                            end++;
                        }

                        if ((uint)end >= (uint)line.Length || line[end] == ',')
                        {
                            _start = position;
                            _length = end - position;
                            _position = end + 1;
                            return true;
                        }

                        if (line[end] is ' ' or '\t')
                        {
                            break;
                        }

                        end++;
                    }
                }
            }

            return MoveNextSlow();
        }

        // The general split: skip separators (',', SP, HTAB) - an element of only whitespace is empty
        // and skipped - read to the next ',', trim trailing whitespace; at a line's end, the next line.
        private bool MoveNextSlow()
        {
            while (true)
            {
                var line = _line.AsSpan();
                var start = _position;
                while ((uint)start < (uint)line.Length && IsSeparator(line[start]))
                {
                    start++;
                }

                if (start < line.Length)
                {
                    var comma = line[start..].IndexOf(',');
                    var end = comma < 0 ? line.Length : start + comma;

                    // OWS = *( SP / HTAB ), RFC 9110 section 5.6.3; line[start] is neither, so this stops.
                    var last = end;
                    while (line[last - 1] is ' ' or '\t')
                    {
                        last--;
                    }

                    _start = start;
                    _length = last - start;
                    _position = end + 1;
                    return true;
                }

                if (++_lineIndex >= _values.Count)
                {
                    _line = null;
                    _lineIndex = _values.Count;
                    _position = 0;
                    _start = 0;
                    _length = 0;
                    return false;
                }

                _line = _values[_lineIndex];
                _position = 0;
            }
        }

        private static bool IsSeparator(char c) => c is ',' or ' ' or '\t';
    }
}
