using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    internal static partial class Emitter
    {
        // A matcher as a decision tree: switch on the length, then on the character that best tells the
        // candidates of that length apart, and so on, so a request value costs a few jumps and at most one
        // full comparison. Header names (ignoreAsciiCase) are compared ASCII case-insensitively, as the
        // Fetch standard compares them; origins byte for byte.
        private static void WriteLengthSwitch(SourceWriter w, string input, IEnumerable<string> values, bool ignoreAsciiCase)
        {
            w.Open($"switch ({input}.Length)");
            foreach (var byLength in values.GroupBy(v => v.Length).OrderBy(g => g.Key))
            {
                w.Line($"case {byLength.Key.ToString(CultureInfo.InvariantCulture)}:");
                using (w.Indented())
                {
                    // The parser keeps values distinct (header names ASCII case-insensitively), so no two share a leaf.
                    WriteCharTree(w, input, byLength.ToList(), Enumerable.Range(0, byLength.Key).ToList(), ignoreAsciiCase);
                }
            }

            w.Line("default:");
            using (w.Indented())
            {
                w.Line("return false;");
            }
            w.Close();
        }

        // Candidates of one length that agree on every position not in 'open'.
        private static void WriteCharTree(SourceWriter w, string input, List<string> candidates, List<int> open, bool ignoreAsciiCase)
        {
            char Key(char c) => ignoreAsciiCase ? AsciiLower(c) : c;
            if (candidates.Count == 1)
            {
                var tests = LeafComparison(input, candidates[0], open, ignoreAsciiCase);
                for (var i = 0; i < tests.Count; i++)
                {
                    w.Line((i == 0 ? "return " : "    && ") + tests[i] + (i == tests.Count - 1 ? ";" : string.Empty));
                }

                return;
            }

            // Header names: positions all candidates share are tested once here, not in every leaf.
            if (ignoreAsciiCase)
            {
                var shared = open.Where(i => candidates.All(c => Key(c[i]) == Key(candidates[0][i]))).ToList();
                if (shared.Count > 0)
                {
                    w.Open("if (!(" + string.Join(" && ", shared.Select(i => CharTest(input, i, candidates[0][i], ignoreAsciiCase))) + "))");
                    w.Line("return false;");
                    w.Close();
                    w.Line();
                    open = open.Except(shared).ToList();
                }
            }

            var position = open
                .OrderByDescending(i => candidates.Select(c => Key(c[i])).Distinct().Count())
                .ThenBy(i => i)
                .First();
            var rest = open.Where(i => i != position).ToList();
            w.Open($"switch ({input}[{position.ToString(CultureInfo.InvariantCulture)}])");
            // Candidates decided by this character alone share one "return true".
            var decided = new List<char>();
            foreach (var group in candidates.GroupBy(c => Key(c[position])).OrderBy(g => g.Key))
            {
                if (group.Count() == 1 && ignoreAsciiCase && rest.Count == 0)
                {
                    decided.Add(group.Key);
                    continue;
                }

                WriteCaseLabels(w, group.Key, ignoreAsciiCase);
                using (w.Indented())
                {
                    WriteCharTree(w, input, group.ToList(), rest, ignoreAsciiCase);
                }
            }

            if (decided.Count > 0)
            {
                foreach (var key in decided)
                {
                    WriteCaseLabels(w, key, ignoreAsciiCase);
                }

                using (w.Indented())
                {
                    w.Line("return true;");
                }
            }

            w.Line("default:");
            using (w.Indented())
            {
                w.Line("return false;");
            }
            w.Close();
        }

        private static void WriteCaseLabels(SourceWriter w, char key, bool ignoreAsciiCase)
        {
            if (ignoreAsciiCase && key is >= 'a' and <= 'z')
            {
                w.Line($"case {CharLiteral((char)(key & ~0x20))}:");
            }

            w.Line($"case {CharLiteral(key)}:");
        }

        // The one candidate left: origins compare whole (ordinal, vectorized); header names test the
        // positions not yet tested, inline while short.
        private static List<string> LeafComparison(string input, string candidate, List<int> open, bool ignoreAsciiCase)
        {
            if (!ignoreAsciiCase)
            {
                return new List<string> { $"string.Equals({input}, {Literal(candidate)})" };
            }

            if (open.Count == 0)
            {
                return new List<string> { "true" };
            }

            return open.Count <= 16
                ? open.Select(i => CharTest(input, i, candidate[i], ignoreAsciiCase)).ToList()
                : new List<string> { $"global::System.Text.Ascii.EqualsIgnoreCase({input}, {Literal(candidate)})" };
        }

        // (c | 0x20) == 'x' holds for 'X' and 'x' only, so it is exact for ASCII letters; anything else compares as is.
        private static string CharTest(string input, int position, char expected, bool ignoreAsciiCase)
        {
            var at = $"{input}[{position.ToString(CultureInfo.InvariantCulture)}]";
            var lower = AsciiLower(expected);
            return ignoreAsciiCase && lower is >= 'a' and <= 'z'
                ? $"({at} | 0x20) == {CharLiteral(lower)}"
                : $"{at} == {CharLiteral(expected)}";
        }

        private static string CharLiteral(char c) => SymbolDisplay.FormatLiteral(c, quote: true);

        private static char AsciiLower(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

        // return a
        //     || b;   one condition per line, indented under the return.
        private static void WriteReturnAny(SourceWriter w, List<string> conditions, string indent)
        {
            for (var i = 0; i < conditions.Count; i++)
            {
                w.Line(indent + (i == 0 ? "return " : "    || ") + conditions[i] + (i == conditions.Count - 1 ? ";" : string.Empty));
            }
        }
    }
}
