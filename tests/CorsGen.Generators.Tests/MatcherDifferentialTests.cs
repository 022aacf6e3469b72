using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using CorsGen.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Primitives;
using Xunit.Abstractions;

namespace CorsGen.Generators.Tests;

/// <summary>
/// Differential test of the generated matchers: for random policies (seeded, so every run checks the
/// same ones) the generated <c>IsCompiledOriginAllowed</c> (length switch, character switches, ordinal
/// comparison) and <c>AreHeadersAllowed</c> (character switches, shared-position guards, inline
/// <c>(c | 0x20)</c> tests, <c>Ascii.EqualsIgnoreCase</c> leaves) are compiled, loaded and run on many
/// probes, and every answer is compared with a plain reference model: ordinal set membership (plus the
/// subdomain patterns) for origins; membership under ASCII-only case folding in the allowed names and the
/// CORS-safelisted ones for header names, after Fetch's comma split. The policies are built to stress
/// the trees: many values of one length that share long prefixes and suffixes and differ at one or two
/// positions, header names longer than the inline-test limit, names that differ only in case. The probes
/// are near misses: case variants, one-character mutations to characters whose low byte or
/// <c>| 0x20</c> collides with the expected one, recombinations of two allowed values, truncations and
/// extensions.
/// </summary>
public sealed class MatcherDifferentialTests(ITestOutputHelper output)
{
    private const int Batches = 4;
    private const int PoliciesPerBatch = 50;
    private const int Seed = 20_260_117;
    private const int MaxReportedMismatches = 25;

    private static readonly string[] Safelisted = ["Accept", "Accept-Language", "Content-Language", "Content-Type"];
    private const string TokenSpecials = "!#$%&'*+-.^_`|~";
    private const string Alnum = "abcdefghijklmnopqrstuvwxyz0123456789";

    // Characters that collide with ASCII ones on their low byte, under | 0x20, or under Unicode case
    // folding: Kelvin sign (k), dotless i (I), long s (s), Y with diaeresis (low byte 'x').
    private static readonly char[] Confusables = ['\u212A', '\u0131', '\u017F', '\u0178', '\u0130', '\u00C5'];

    public static TheoryData<int> BatchNumbers()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Batches; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BatchNumbers))]
    public void MatcherDifferential_generated_matchers_agree_with_the_reference_model(int batch)
    {
        var random = new Random(Seed + batch);
        var policies = Enumerable.Range(0, PoliciesPerBatch)
            .Select(i => RandomPolicy(random, batch * PoliciesPerBatch + i))
            .ToList();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        // GeneratorRunner.RunClean's checks but two: Emit reports the compiler's errors and warnings, so no
        // GetDiagnostics pass; and CorsGen's analyzers (most of the cost) are not run: every origin and
        // header name is checked, when generated, to be one they accept, and one dropped would be a mismatch.
        var run = GeneratorRunner.Run(GeneratorRunner.CreateCompilation(Source(policies)));
        GeneratorRunner.AssertGeneratorDidNotThrow(run);
        GeneratorRunner.AssertNoProblems("The generator's diagnostics", run.DriverDiagnostics);
        using var image = new MemoryStream();
        var emit = run.Output.Emit(image);
        GeneratorRunner.AssertNoProblems("The compilation after generation", emit.Diagnostics);
        Assert.True(emit.Success, "Emit failed:\n" + GeneratorRunner.Format(emit.Diagnostics));
        var generatedIn = clock.Elapsed;
        var generated = string.Join("\n", run.Sources.Select(s => s.SourceText.ToString()));
        // The policies must reach every kind of tree node, or the test checks less than it claims.
        Assert.Contains("global::System.Text.Ascii.EqualsIgnoreCase(name, ", generated, StringComparison.Ordinal);
        Assert.Contains("| 0x20) == '", generated, StringComparison.Ordinal);
        Assert.Matches(@"if \(!\(\(?name\[", generated);
        Assert.Contains("switch (origin[", generated, StringComparison.Ordinal);
        Assert.Contains("OriginPatterns.IsSubdomainMatch(origin, ", generated, StringComparison.Ordinal);

        var context = new AssemblyLoadContext($"{nameof(MatcherDifferentialTests)}{batch}", isCollectible: true);
        try
        {
            image.Position = 0;
            var assembly = context.LoadFromStream(image);
            var mismatches = new List<string>();
            var failing = new HashSet<int>();
            long originProbes = 0, headerProbes = 0;
            var batchOrigins = policies.SelectMany(p => p.Origins).Distinct().ToList();
            foreach (var policy in policies)
            {
                var compiled = Load(assembly, policy.Index);
                Assert.Equal(
                    policy.AllowedHeaderKeys.Order(StringComparer.Ordinal),
                    compiled.Settings.AllowedHeaders.Select(AsciiLower).Order(StringComparer.Ordinal));

                foreach (var probe in OriginProbes(policy, batchOrigins, new Random(Seed * 31 + policy.Index)))
                {
                    originProbes++;
                    var expected = policy.IsOriginAllowed(probe);
                    var actual = compiled.IsCompiledOriginAllowed(probe);
                    if (expected != actual)
                    {
                        failing.Add(policy.Index);
                        if (mismatches.Count < MaxReportedMismatches)
                        {
                            mismatches.Add($"E{policy.Index}: IsCompiledOriginAllowed({Show(probe)}) = {actual}, expected {expected}");
                        }
                    }
                }

                foreach (var probe in HeaderProbes(policy, new Random(Seed * 37 + policy.Index)))
                {
                    headerProbes++;
                    var expected = policy.AreHeadersAllowed(probe);
                    var actual = compiled.AreHeadersAllowed(new StringValues(probe));
                    if (expected != actual)
                    {
                        failing.Add(policy.Index);
                        if (mismatches.Count < MaxReportedMismatches)
                        {
                            mismatches.Add($"E{policy.Index}: AreHeadersAllowed({Show(probe)}) = {actual}, expected {expected}");
                        }
                    }
                }
            }

            output.WriteLine(
                $"Batch {batch}: {policies.Count} policies, {policies.Sum(p => p.Origins.Count)} origins, " +
                $"{policies.Sum(p => p.Headers.Count)} header names, {originProbes} origin probes, {headerProbes} header probes; " +
                $"generated and compiled in {generatedIn.TotalSeconds:F1} s, probed in {(clock.Elapsed - generatedIn).TotalSeconds:F1} s.");
            if (mismatches.Count > 0)
            {
                var first = policies.First(p => failing.Contains(p.Index));
                Assert.Fail(
                    $"{failing.Count} policies disagree with the reference model:\n{string.Join("\n", mismatches)}\n\n" +
                    $"First failing policy:\n{ClassSource(first)}\n\nGenerated:\n" +
                    string.Join("\n", run.Sources.Where(s => s.HintName.Contains($".E{first.Index}.", StringComparison.Ordinal)).Select(s => s.SourceText)));
            }
        }
        finally
        {
            context.Unload();
        }
    }

    // ---- The compiled side -------------------------------------------------------------------

    private static CompiledCorsPolicy Load(Assembly assembly, int index)
    {
        var type = assembly.GetType($"Diff.E{index}+CorsGenRoutes+Policy0", throwOnError: true)!;
        // CorsGen.dll resolves to the test's own copy, so the generated policy is a CompiledCorsPolicy
        // here and its matchers are called directly, not through reflection.
        Assert.Same(typeof(CompiledCorsPolicy).Assembly, type.BaseType!.Assembly);
        var instance = type.GetField("Instance", BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Static)!.GetValue(null);
        return Assert.IsAssignableFrom<CompiledCorsPolicy>(instance);
    }

    private static string Source(List<Policy> policies)
    {
        var source = new StringBuilder("using CorsGen;\n\nnamespace Diff;\n");
        foreach (var policy in policies)
        {
            source.Append('\n').Append(ClassSource(policy)).Append('\n');
        }

        return source.ToString();
    }

    private static string ClassSource(Policy policy)
    {
        static string Literals(IEnumerable<string> values) =>
            string.Join(", ", values.Select(v => SymbolDisplay.FormatLiteral(v, quote: true)));

        var source = new StringBuilder();
        source.Append("[AllowOrigins(").Append(Literals(policy.Origins.Concat(policy.Patterns.Select(p => p.Text)))).Append(")]\n");
        if (policy.Headers.Count > 0)
        {
            source.Append("[AllowHeaders(").Append(Literals(policy.Headers)).Append(")]\n");
        }

        source.Append($"public static partial class E{policy.Index}\n{{\n    [MapPost(\"/p{policy.Index}\")]\n    public static string Post() => \"\";\n}}");
        return source.ToString();
    }

    // ---- The reference model -----------------------------------------------------------------

    private sealed record Pattern(string Scheme, string HostSuffix, string Port)
    {
        public string Text => Scheme + "://*" + HostSuffix + Port;

        public bool Matches(string origin) => OriginPatterns.IsSubdomainMatch(origin, Scheme + "://", HostSuffix, Port);
    }

    private sealed class Policy(int index, List<string> origins, List<Pattern> patterns, List<string> headers)
    {
        private readonly HashSet<string> _origins = new(origins, StringComparer.Ordinal);

        public int Index { get; } = index;

        public List<string> Origins { get; } = origins;

        public List<Pattern> Patterns { get; } = patterns;

        /// <summary>As written in [AllowHeaders], case duplicates included.</summary>
        public List<string> Headers { get; } = headers;

        /// <summary>The allowed names, safelisted ones included, ASCII-lower-cased.</summary>
        public HashSet<string> AllowedHeaderKeys { get; } = new(Safelisted.Concat(headers).Select(AsciiLower), StringComparer.Ordinal);

        /// <summary>The allowed names as the probes start from them: every spelling written, and the safelisted ones.</summary>
        public IEnumerable<string> AllowedHeaderSpellings => Safelisted.Concat(Headers);

        // Fetch's CORS check: the Origin value byte for byte; CorsGen's subdomain patterns on top.
        public bool IsOriginAllowed(string origin) => _origins.Contains(origin) || Patterns.Any(p => p.Matches(origin));

        // Fetch "get, decode, and split" (comma, OWS trimmed, empty elements skipped), then every name
        // byte-case-insensitively in the allowed list: only A-Z fold to a-z.
        public bool AreHeadersAllowed(string line) =>
            line.Split(',')
                .Select(element => element.Trim(' ', '\t'))
                .Where(element => element.Length > 0)
                .All(element => AllowedHeaderKeys.Contains(AsciiLower(element)));
    }

    private static string AsciiLower(string value) =>
        string.Create(value.Length, value, static (span, v) =>
        {
            for (var i = 0; i < v.Length; i++)
            {
                span[i] = v[i] is >= 'A' and <= 'Z' ? (char)(v[i] | 0x20) : v[i];
            }
        });

    private static string AsciiUpper(string value) =>
        string.Create(value.Length, value, static (span, v) =>
        {
            for (var i = 0; i < v.Length; i++)
            {
                span[i] = v[i] is >= 'a' and <= 'z' ? (char)(v[i] & ~0x20) : v[i];
            }
        });

    // ---- Random policies ---------------------------------------------------------------------

    private static readonly string[] Domains =
    [
        "example.com", "example.org", "example.net", "a.io", "ab.io", "api.example.co.uk", "localhost",
        "internal-services.corp.example.com", "x", "cdn1.example.com", "cdn2.example.com",
    ];

    private static readonly string[] Schemes = ["https", "https", "https", "http", "http", "wss", "ws", "app"];

    private static readonly int[] Ports = [1, 8, 80, 443, 3000, 5173, 8080, 8081, 8443, 9000, 44300, 65535];

    private static Policy RandomPolicy(Random random, int index)
    {
        var count = random.Next(10) switch
        {
            < 3 => random.Next(1, 6),
            < 7 => random.Next(6, 41),
            _ => random.Next(41, 121),
        };
        var origins = RandomOrigins(random, count);
        var patterns = new List<Pattern>();
        // Every batch gets patterns (checked above); their suffixes stay apart from the exact origins'
        // domains so they do not hide a wrong answer of the tree.
        if (index % 5 == 0 || random.Next(8) == 0)
        {
            for (var i = random.Next(1, 3); i > 0; i--)
            {
                var scheme = random.Next(2) == 0 ? "https" : "http";
                var suffix = "." + RandomLabel(random, 1, 6) + ".wild.test";
                var port = random.Next(3) == 0 ? ":" + Ports[random.Next(5, Ports.Length)] : "";
                var pattern = new Pattern(scheme, suffix, port);
                if (OriginSyntax.Parse(pattern.Text).Kind == OriginKind.SubdomainPattern && !patterns.Contains(pattern))
                {
                    patterns.Add(pattern);
                }
            }
        }

        var headerCount = random.Next(10) switch
        {
            0 => 0,
            < 4 => random.Next(1, 6),
            < 8 => random.Next(6, 21),
            _ => random.Next(21, 41),
        };
        return new Policy(index, origins, patterns, RandomHeaders(random, headerCount));
    }

    private static string RandomLabel(Random random, int min, int max)
    {
        var label = new char[random.Next(min, max + 1)];
        for (var i = 0; i < label.Length; i++)
        {
            label[i] = i == 0 ? (char)('a' + random.Next(26)) : Alnum[random.Next(Alnum.Length)];
        }

        return new string(label);
    }

    // Families of origins: one base origin per family, then variants that change one or two characters,
    // mostly at the family's few "hot" positions, so many origins of one length agree everywhere else.
    private static List<string> RandomOrigins(Random random, int count)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string origin)
        {
            if (OriginSyntax.Parse(origin).Kind == OriginKind.Exact && seen.Add(origin))
            {
                result.Add(origin);
            }
        }

        var families = new List<(string Base, List<int> Mutable, List<int> Hot)>();
        for (var f = random.Next(1, 5); f > 0; f--)
        {
            var scheme = Schemes[random.Next(Schemes.Length)];
            string host;
            if (random.Next(6) == 0)
            {
                // Dotted-decimal IPv4, all of whose numbers have three digits (no leading zeros).
                host = $"{random.Next(100, 256)}.{random.Next(100, 256)}.{random.Next(100, 256)}.{random.Next(100, 256)}";
            }
            else
            {
                var domain = Domains[random.Next(Domains.Length)];
                host = random.Next(5) == 0 ? domain : RandomLabel(random, 1, 10) + "." + domain;
            }

            var port = random.Next(5) < 2 ? ":" + Ports[random.Next(Ports.Length)] : "";
            var origin = scheme + "://" + host + port;
            if (OriginSyntax.Parse(origin).Kind != OriginKind.Exact)
            {
                origin = scheme + "://" + host; // the port was the scheme's default
            }

            var hostStart = scheme.Length + 3;
            var mutable = Enumerable.Range(hostStart, origin.Length - hostStart).Where(i => char.IsAsciiLetterOrDigit(origin[i])).ToList();
            var hot = mutable.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
            families.Add((origin, mutable, hot));
            Add(origin);
        }

        for (var attempts = 0; result.Count < count && attempts < count * 30; attempts++)
        {
            var (origin, mutable, hot) = families[random.Next(families.Count)];
            var chars = origin.ToCharArray();
            var kind = random.Next(20);
            if (kind == 0)
            {
                // The same host under the other scheme of the pair: a different length.
                Add(origin.StartsWith("https:", StringComparison.Ordinal) ? "http" + origin[5..]
                    : origin.StartsWith("http:", StringComparison.Ordinal) ? "https" + origin[4..]
                    : origin.StartsWith("wss:", StringComparison.Ordinal) ? "ws" + origin[3..]
                    : "wss" + origin[origin.IndexOf(':')..]);
                continue;
            }

            if (kind == 1)
            {
                var withoutPort = origin.LastIndexOf(':') > origin.IndexOf(':') ? origin[..origin.LastIndexOf(':')] : origin;
                Add(withoutPort + ":" + Ports[random.Next(Ports.Length)]);
                continue;
            }

            for (var m = random.Next(1, 3); m > 0; m--)
            {
                var position = random.Next(4) > 0 ? hot[random.Next(hot.Count)] : mutable[random.Next(mutable.Count)];
                // A small alphabet half of the time: more values share a character at a position.
                chars[position] = random.Next(2) == 0
                    ? "ab12"[random.Next(4)]
                    : char.IsAsciiDigit(origin[position]) ? (char)('0' + random.Next(10)) : Alnum[random.Next(Alnum.Length)];
            }

            Add(new string(chars));
        }

        return result;
    }

    // Header names: families of one length that differ at one or two positions, in mixed case; some
    // longer than 20 characters; some written twice in different case; near-copies of the safelisted.
    private static List<string> RandomHeaders(Random random, int count)
    {
        var result = new List<string>();
        var families = new List<(string Base, List<int> Hot)>();
        for (var f = random.Next(1, 4); f > 0; f--)
        {
            var length = random.Next(10) switch
            {
                < 3 => random.Next(1, 9),
                < 6 => random.Next(9, 21),
                _ => random.Next(21, 41),
            };
            var name = random.Next(8) == 0 ? Safelisted[random.Next(Safelisted.Length)] : RandomHeaderName(random, length);
            families.Add((name, Enumerable.Range(0, name.Length).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList()));
        }

        while (result.Count < count)
        {
            var (name, hot) = families[random.Next(families.Count)];
            var kind = random.Next(10);
            if (kind == 0 && result.Count > 0)
            {
                // A name written again in another case: the same allowed name.
                result.Add(RandomCase(random, result[random.Next(result.Count)]));
                continue;
            }

            if (kind == 1)
            {
                result.Add(RandomHeaderName(random, random.Next(1, 41)));
                continue;
            }

            var chars = name.ToCharArray();
            for (var m = random.Next(1, 3); m > 0; m--)
            {
                var position = random.Next(4) > 0 ? hot[random.Next(hot.Count)] : random.Next(chars.Length);
                chars[position] = RandomTokenChar(random);
            }

            result.Add(RandomCase(random, new string(chars)));
        }

        // "*" alone is the any-header wildcard, not a name.
        result.RemoveAll(name => name == "*");

        Assert.All(result, name => Assert.True(HttpTokenRule.IsToken(name), name));
        return result;
    }

    private static string RandomHeaderName(Random random, int length)
    {
        // Word-like runs of letters separated by '-' (as real names are), with a few digits and specials.
        var name = new char[length];
        for (var i = 0; i < length; i++)
        {
            name[i] = i > 0 && i < length - 1 && random.Next(6) == 0 ? '-' : RandomTokenChar(random);
        }

        return new string(name);
    }

    private static char RandomTokenChar(Random random) => random.Next(10) switch
    {
        < 7 => (char)((random.Next(2) == 0 ? 'a' : 'A') + random.Next(26)),
        < 8 => (char)('0' + random.Next(10)),
        _ => TokenSpecials[random.Next(TokenSpecials.Length)],
    };

    private static string RandomCase(Random random, string value) =>
        string.Create(value.Length, (value, random), static (span, state) =>
        {
            for (var i = 0; i < state.value.Length; i++)
            {
                var c = state.value[i];
                span[i] = char.IsAsciiLetter(c) && state.random.Next(2) == 0 ? (char)(c ^ 0x20) : c;
            }
        });

    // ---- Probes ------------------------------------------------------------------------------

    private static IEnumerable<char> Mutations(Random random, char c, bool header)
    {
        yield return (char)(c ^ 0x20);            // other ASCII case; '^' <-> '~', '@' <-> '`', '[' <-> '{', '-' <-> '\r'
        yield return (char)(c + 0x100);           // same low byte
        yield return (char)((c ^ 0x20) + 0x100);  // other case's low byte
        yield return (char)(c | 0x20);
        yield return (char)(c & ~0x20);
        yield return (char)(c + 1);
        yield return (char)(c - 1);
        foreach (var confusable in Confusables)
        {
            yield return confusable;
        }

        yield return header ? RandomTokenChar(random) : Alnum[random.Next(Alnum.Length)];
        yield return "^~@`[{"[random.Next(6)];
    }

    private static string Replace(string value, int position, char c) =>
        string.Create(value.Length, (value, position, c), static (span, state) =>
        {
            state.value.AsSpan().CopyTo(span);
            span[state.position] = state.c;
        });

    private static IEnumerable<string> EditsOf(Random random, string value, bool header)
    {
        yield return value;
        yield return AsciiUpper(value);
        yield return AsciiLower(value);
        yield return RandomCase(random, value);
        yield return RandomCase(random, value);
        for (var position = 0; position < value.Length; position++)
        {
            foreach (var c in Mutations(random, value[position], header))
            {
                yield return Replace(value, position, c);
            }
        }

        yield return value[..^1];
        yield return value[1..];
        yield return value[..(value.Length / 2)];
        yield return value + value[^1];
        yield return value + "x";
        yield return value + "/";
        yield return value + "\u0131";
        yield return "x" + value;
        yield return value[0] + value;
    }

    // Recombinations of values of one length: one value with another's character at one or two of the
    // positions where they differ, which the tree must not have skipped.
    private static IEnumerable<string> Recombinations(Random random, IEnumerable<string> values, Func<string, string> key)
    {
        foreach (var group in values.GroupBy(v => v.Length))
        {
            var list = group.ToList();
            for (var pair = Math.Min(40, list.Count * (list.Count - 1)); pair > 0; pair--)
            {
                var a = list[random.Next(list.Count)];
                var b = list[random.Next(list.Count)];
                var (ka, kb) = (key(a), key(b));
                var differing = Enumerable.Range(0, a.Length).Where(i => ka[i] != kb[i]).ToList();
                foreach (var i in differing.Take(6))
                {
                    yield return Replace(a, i, b[i]);
                }

                if (differing.Count >= 2)
                {
                    var i = differing[random.Next(differing.Count)];
                    var j = differing[random.Next(differing.Count)];
                    yield return Replace(Replace(a, i, b[i]), j, b[j]);
                }
            }
        }
    }

    private static IEnumerable<string> OriginProbes(Policy policy, List<string> batchOrigins, Random random)
    {
        yield return "";
        yield return "null";
        yield return "*";
        foreach (var origin in policy.Origins)
        {
            foreach (var probe in EditsOf(random, origin, header: false))
            {
                yield return probe;
            }

            yield return origin + ":" + Ports[random.Next(Ports.Length)];
            yield return origin.Replace("://", "://www.", StringComparison.Ordinal);
        }

        foreach (var probe in Recombinations(random, policy.Origins, v => v))
        {
            yield return probe;
        }

        foreach (var pattern in policy.Patterns)
        {
            var sub = RandomLabel(random, 1, 8);
            var matching = pattern.Scheme + "://" + sub + pattern.HostSuffix + pattern.Port;
            foreach (var probe in EditsOf(random, matching, header: false))
            {
                yield return probe;
            }

            yield return pattern.Scheme + "://" + pattern.HostSuffix[1..] + pattern.Port;
            yield return pattern.Scheme + "://a.b" + pattern.HostSuffix + pattern.Port;
        }

        // The other policies' origins: same shapes, mostly not allowed here.
        foreach (var origin in batchOrigins)
        {
            yield return origin;
        }
    }

    private static IEnumerable<string> HeaderProbes(Policy policy, Random random)
    {
        yield return "";
        yield return " ";
        yield return ",";
        var spellings = policy.AllowedHeaderSpellings.ToList();
        foreach (var name in spellings)
        {
            foreach (var probe in EditsOf(random, name, header: true))
            {
                yield return probe;
            }
        }

        foreach (var probe in Recombinations(random, spellings, AsciiLower))
        {
            yield return probe;
        }

        // Lists: all allowed, or one element off.
        for (var i = 0; i < 10; i++)
        {
            var a = spellings[random.Next(spellings.Count)];
            var b = RandomCase(random, spellings[random.Next(spellings.Count)]);
            yield return a + "," + b;
            yield return " " + a + " ,\t" + b + " ,";
            yield return a + ", " + Replace(b, random.Next(b.Length), RandomTokenChar(random));
        }
    }

    private static string Show(string value)
    {
        var result = new StringBuilder("\"");
        foreach (var c in value)
        {
            result.Append(c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}");
        }

        return result.Append('"').ToString();
    }
}
