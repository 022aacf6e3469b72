namespace CorsGen.Generators.Tests;

/// <summary>
/// Broken or unusual endpoint-class inputs, as the IDE shows them to the generator while code is typed
/// and as real code bases write them. Each entry is one or more source files.
/// </summary>
internal static class RobustnessCorpus
{
    private const string Usings = "using CorsGen;\nusing Microsoft.AspNetCore.Http;\n\nnamespace App;\n\n";
    private const string Origin = "\"https://app.example.com\"";

    public static readonly IReadOnlyDictionary<string, string[]> Inputs = Build();

    // One file with the usual usings and a file-scoped namespace.
    private static string[] File(string code) => [Usings + code];

    private static string Endpoints(string attributes, string members, string modifiers = "public static partial class E") =>
        $"{attributes}\n{modifiers}\n{{\n{members}\n}}\n";

    private static string Get(string pattern = "\"/a\"") => $"    [MapGet({pattern})] public static string Get() => \"\";";

    private static Dictionary<string, string[]> Build()
    {
        var inputs = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string name, params string[] sources) => inputs.Add(name, sources);

        // ---- syntax errors and half-typed code ----
        Add("empty file", "");
        Add("only a using", "using CorsGen;");
        Add("unclosed class", File($"[AllowOrigins({Origin})]\npublic static partial class E\n{{\n{Get()}\n"));
        Add("attribute without closing bracket", File($"[AllowOrigins({Origin})\npublic static partial class E {{ {Get()} }}"));
        Add("half-typed attribute name", File($"[AllowOri]\npublic static partial class E {{ [MapG(\"/a\")] public static string Get() => \"\"; }}"));
        Add("route attribute with trailing comma", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\",)] public static string Get() => \"\";")));
        Add("route attribute with open parenthesis", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(] public static string Get() => \"\";")));
        Add("route attribute without closing bracket", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\") public static string Get() => \"\";")));
        Add("route method without body", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static string Get()")));
        Add("route method with unclosed parameter list", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static string Get(int id => \"\";")));
        Add("unterminated pattern string", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a)] public static string Get() => \"\";")));
        Add("unterminated raw origin string", File(Endpoints("[AllowOrigins(\"\"\"https://app.example.com)]", Get())));
        Add("attributes without a declaration", File($"[AllowOrigins({Origin})]\n[MapGet(\"/a\")]"));
        Add("garbage after the class", File(Endpoints($"[AllowOrigins({Origin})]", Get()) + "]]] }}} @# class"));
        Add("assembly-level CORS attribute", File($"[assembly: AllowOrigins({Origin})]\n" + Endpoints("", Get())));
        Add("missing using", "namespace App;\n\n" + Endpoints($"[AllowOrigins({Origin})]", Get()));

        // ---- arguments that are not constants, or constants written unusually ----
        Add("origin from a static readonly field", File("public static class C { public static readonly string O = \"https://app.example.com\"; }\n" + Endpoints("[AllowOrigins(C.O)]", Get())));
        Add("pattern from a property", File("public static class C { public static string P => \"/a\"; }\n" + Endpoints($"[AllowOrigins({Origin})]", Get("C.P"))));
        Add("pattern from nameof", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/\" + nameof(Get)"))));
        Add("constant interpolated pattern", File("public static class C { public const string Root = \"/api\"; public const string P = $\"{Root}/items\"; }\n" + Endpoints($"[AllowOrigins({Origin})]", Get("C.P"))));
        Add("constant concatenated origin", File("public static class C { public const string Host = \"app.example.com\"; }\n" + Endpoints("[AllowOrigins(\"https://\" + C.Host)]", Get())));
        Add("max-age from a constant expression", File(Endpoints($"[AllowOrigins({Origin}), MaxAge(60 * 60)]", Get())));
        Add("max-age int.MaxValue and a negative one on a method", File(Endpoints($"[AllowOrigins({Origin}), MaxAge(int.MaxValue)]", "    [MapGet(\"/a\"), MaxAge(-1)] public static string Get() => \"\";")));
        Add("explicit array creation", File(Endpoints("[AllowOrigins(new string[] { \"https://app.example.com\", \"https://b.example.com\" })]", Get())));
        Add("implicit array creation", File(Endpoints("[AllowOrigins(new[] { \"https://app.example.com\" }), AllowHeaders(new[] { \"X-A\" })]", Get())));
        Add("collection expression argument", File(Endpoints("[AllowOrigins([\"https://app.example.com\"])]", Get())));
        Add("no origins", File(Endpoints("[AllowOrigins()]", Get())));
        Add("null origins array", File(Endpoints("[AllowOrigins(null)]", Get())));
        Add("null origin element", File(Endpoints("[AllowOrigins((string)null, \"https://app.example.com\")]", Get())));
        Add("null methods and headers", File(Endpoints($"[AllowOrigins({Origin}), AllowMethods(null!), AllowHeaders(null, null), ExposeHeaders(null)]", Get())));
        Add("MapMethods without methods", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapMethods(\"/a\")] public static string Get() => \"\";")));
        Add("MapMethods with an empty array", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapMethods(\"/a\", new string[0])] public static string Get() => \"\";")));
        Add("MapMethods with null pattern", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapMethods(null, \"GET\")] public static string Get() => \"\";")));

        // ---- arguments of the wrong type ----
        Add("max-age as a string", File(Endpoints($"[AllowOrigins({Origin}), MaxAge(\"60\")]", Get())));
        Add("max-age as a double and a long", File(Endpoints($"[AllowOrigins({Origin}), MaxAge(60.5)]", "    [MapGet(\"/a\"), MaxAge(60L)] public static string Get() => \"\";")));
        Add("pattern as a number", File(Endpoints($"[AllowOrigins({Origin})]", Get("42"))));
        Add("origins as numbers", File(Endpoints("[AllowOrigins(1, 2)]", Get())));
        Add("header as a char", File(Endpoints($"[AllowOrigins({Origin}), AllowHeaders('x')]", Get())));
        Add("arguments to argument-less attributes", File(Endpoints($"[AllowOrigins({Origin}), AllowCredentials(true)]", "    [MapGet(\"/a\"), DisableCors(\"why\")] public static string Get() => \"\";")));
        Add("DisableCors on a class", File(Endpoints($"[AllowOrigins({Origin}), DisableCors]", Get())));
        Add("attribute used twice", File(Endpoints($"[AllowOrigins({Origin}), AllowOrigins(\"*\"), AllowCredentials, AllowCredentials]", "    [MapGet(\"/a\"), MapGet(\"/a\"), DisableCors, DisableCors] public static string Get() => \"\";")));

        // ---- types and members of every shape ----
        Add("generic endpoint class", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public static partial class E<T>")));
        Add("nested in a non-partial class", File($"public static class Outer\n{{\n{Endpoints($"[AllowOrigins({Origin})]", Get())}}}"));
        Add("nested in a generic partial class", File($"public partial class Outer<T>\n{{\n{Endpoints($"[AllowOrigins({Origin})]", Get())}}}"));
        Add("nested two levels in partial types", File($"public partial class A\n{{\n    internal partial struct B\n    {{\n{Endpoints($"[AllowOrigins({Origin})]", Get(), "private static partial class E")}    }}\n}}"));
        Add("nested in a partial record and a record struct", File($"public partial record R\n{{\n    public partial record struct S\n    {{\n{Endpoints($"[AllowOrigins({Origin})]", Get())}    }}\n}}"));
        Add("nested in a partial interface", File($"public partial interface I\n{{\n{Endpoints($"[AllowOrigins({Origin})]", Get())}}}"));
        Add("non-static partial class", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public partial class E")));
        Add("static class that is not partial", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public static class E")));
        Add("partial record class", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public partial record E")));
        Add("partial record struct", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public partial record struct E")));
        Add("partial struct", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public partial struct E")));
        Add("partial interface with a static route", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public partial interface E")));
        Add("abstract partial class", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "public abstract partial class E")));
        Add("enum with CORS attributes", File($"[AllowOrigins({Origin})]\npublic enum E {{ A }}"));
        Add("delegate with CORS attributes", File($"[AllowOrigins({Origin})]\npublic delegate void D();"));
        Add("internal and private nested classes", File($"internal static partial class Outer\n{{\n{Endpoints($"[AllowOrigins({Origin})]", Get(), "private static partial class E")}}}"));
        Add("file-local endpoint class", File(Endpoints($"[AllowOrigins({Origin})]", Get(), "file static partial class E")));
        Add("generic route method", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static string Get<T>() => \"\";")));
        Add("instance route method in a static class", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public string Get() => \"\";")));
        Add("extension method route", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static string Get(this string s) => s;")));
        Add("async and Task routes", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static async System.Threading.Tasks.Task<string> Get() { await System.Threading.Tasks.Task.Yield(); return \"\"; }\n    [MapPost(\"/a\")] public static System.Threading.Tasks.Task Post() => System.Threading.Tasks.Task.CompletedTask;")));
        Add("void, IResult and parameter-binding routes", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapDelete(\"/a/{id:int}\")] public static void Delete(int id) { }\n    [MapPut(\"/a/{id:int}\")] public static IResult Put(int id, HttpContext context, Item item) => Results.Ok(item);") + "public sealed record Item(string Name);\n"));
        Add("route on a local function", File(Endpoints($"[AllowOrigins({Origin})]", "    public static void M() { [MapGet(\"/a\")] static string Local() => \"\"; _ = Local(); }")));
        Add("route on a property, a constructor and an operator", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public E() { }\n    [MapGet(\"/b\")] public static E operator +(E a, E b) => a;\n    [MapGet(\"/c\")] public static string P => \"\";", "public partial class E")));
        Add("route attribute on a lambda", ["using CorsGen;\nvar app = Microsoft.AspNetCore.Builder.WebApplication.Create(args);\napp.MapGet(\"/a\", [AllowOrigins(\"https://app.example.com\")] () => \"\");\napp.Run();\n"]);
        Add("obsolete route method", File(Endpoints($"[AllowOrigins({Origin})]", "    [System.Obsolete(\"old\")] [MapGet(\"/a\")] public static string Get() => \"\";")));
        Add("keyword identifiers", File(Endpoints($"[AllowOrigins({Origin})]", "    [MapGet(\"/a\")] public static string @class() => \"\";", "public static partial class @event")));

        // ---- namespaces and files ----
        Add("global namespace", ["using CorsGen;\n\n" + Endpoints($"[AllowOrigins({Origin})]", Get())]);
        Add("block namespaces nested", ["using CorsGen;\n\nnamespace A\n{\n    namespace B.C\n    {\n" + Endpoints($"[AllowOrigins({Origin})]", Get()) + "    }\n}\n"]);
        Add("partial class across two files", Usings + Endpoints($"[AllowOrigins({Origin})]", Get()), Usings + Endpoints("", "    [MapPost(\"/a\")] public static string Post() => \"\";"));
        Add("class attributes on one part, routes on another", Usings + Endpoints($"[AllowOrigins({Origin}), AllowCredentials]", ""), Usings + Endpoints("[MaxAge(60)]", Get()));
        Add("same class name in two namespaces", ["using CorsGen;\nnamespace A { " + Endpoints($"[AllowOrigins({Origin})]", Get()) + " }\nnamespace B { " + Endpoints($"[AllowOrigins({Origin})]", Get("\"/b\"")) + " }\n"]);
        Add("nested class and namespace with the same dotted name", ["using CorsGen;\nnamespace App.Outer { " + Endpoints($"[AllowOrigins({Origin})]", Get()) + " }\nnamespace App { public static partial class Outer { " + Endpoints($"[AllowOrigins({Origin})]", Get("\"/b\"")) + " } }\n"]);
        Add("names that flatten to the same extension class", ["using CorsGen;\nnamespace A { " + Endpoints($"[AllowOrigins({Origin})]", Get(), "public static partial class B_C") + " }\nnamespace A_B { " + Endpoints($"[AllowOrigins({Origin})]", Get("\"/b\""), "public static partial class C") + " }\n"]);
        Add("member named like the generated nested class", File(Endpoints($"[AllowOrigins({Origin})]", Get() + "\n    public static int CorsGenRoutes = 1;")));
        Add("alias and fully qualified attribute names", ["using CG = CorsGen;\nnamespace App;\n[CG.AllowOrigins(\"https://app.example.com\"), global::CorsGen.AllowCredentials]\npublic static partial class E { [global::CorsGen.MapGet(\"/a\")] public static string Get() => \"\"; }\n"]);
        Add("look-alike attributes from another namespace", ["namespace Other { public sealed class MapGetAttribute(string p) : System.Attribute; public sealed class AllowOriginsAttribute(params string[] o) : System.Attribute; }\nnamespace App { using Other; [AllowOrigins(\"*\")] public static partial class E { [MapGet(\"/a\")] public static string Get() => \"\"; } }\n"]);
        Add("conditional compilation and pragmas", File("#nullable disable\n#pragma warning disable CS1591\n#if false\n[AllowOrigins(\"*\")]\n#endif\n" + Endpoints($"[AllowOrigins({Origin})]", "#if DEBUG\n    [MapPost(\"/debug\")]\n#endif\n" + Get())));

        // ---- duplicates and size ----
        Add("duplicate routes in one class", File(Endpoints($"[AllowOrigins({Origin})]", Get() + "\n    [MapGet(\"/a\")] public static string Get2() => \"\";")));
        Add("one pattern, two classes, two policies", File(Endpoints($"[AllowOrigins({Origin})]", Get()) + Endpoints("[AllowOrigins(\"https://other.example.com\"), AllowCredentials]", "    [MapPost(\"/a\")] public static string Post() => \"\";", "public static partial class F")));
        Add("huge attribute lists", File(Endpoints(
            $"[AllowOrigins({string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"https://o{i}.example.com\""))}, \"https://*.example.org\")]\n"
            + $"[AllowHeaders({string.Join(", ", Enumerable.Range(0, 300).Select(i => $"\"X-H{i}\""))})]\n"
            + $"[ExposeHeaders({string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"X-E{i}\""))})]\n"
            + $"[AllowMethods({string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"M{i}\""))})]",
            string.Join("\n", Enumerable.Range(0, 200).Select(i => $"    [MapGet(\"/r{i}\"), MapPost(\"/r{i}\")] public static string R{i}() => \"\";")))));
        Add("many classes in one file", File(string.Concat(Enumerable.Range(0, 100).Select(i => Endpoints($"[AllowOrigins({Origin})]", Get($"\"/c{i}\""), $"public static partial class E{i}")))));

        // ---- strings the emitter must escape: they reach string literals and comments ----
        Add("pattern with quotes, backslashes and braces", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/a\\\"b\\\\c/{id:regex(^\\\\d{{3}}$)}\""))));
        Add("pattern with a newline", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/a\\nstatic void Injected() { }\""))));
        Add("pattern with a Unicode line separator", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/a\\u2028b\""))));
        Add("pattern with a comment terminator and XML", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/a*/b</summary><x>&amp;\""))));
        Add("pattern that is empty, root or catch-all", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"\"") + "\n    [MapPost(\"/\")] public static string Root() => \"\";\n    [MapPut(\"{**rest}\")] public static string Rest() => \"\";")));
        Add("overlong pattern", File(Endpoints($"[AllowOrigins({Origin})]", Get($"\"/{new string('a', 10_000)}\""))));
        Add("non-ASCII pattern", File(Endpoints($"[AllowOrigins({Origin})]", Get("\"/caf\u00E9/\u2603/\U0001F600\""))));
        Add("origin that closes the string literal", File(Endpoints("[AllowOrigins(\"https://a.example.com\\\"); System.Environment.Exit(1); //\")]", Get())));
        Add("origin with a newline", File(Endpoints("[AllowOrigins(\"https://a.example.com\\nstatic void Injected() { }\")]", Get())));
        Add("subdomain pattern with quotes and backslashes", File(Endpoints("[AllowOrigins(\"https://*.ex\\\"am\\\\ple.com\")]", Get())));
        Add("header names with quotes, newlines and separators", File(Endpoints($"[AllowOrigins({Origin}), AllowHeaders(\"X-\\\"A\", \"X-B\\r\\nX-C\", \"X D\"), ExposeHeaders(\"X-\\\"E\", \"X-F\\n\")]", Get())));
        Add("methods with quotes, newlines and lower case", File(Endpoints($"[AllowOrigins({Origin}), AllowMethods(\"G\\\"ET\", \"PUT\\r\\n\", \"patch\")]", "    [MapMethods(\"/a\", \"GET\", \"P\\\"OST\", \"purge\", \"\")] public static string Get() => \"\";")));
        Add("every value empty", File(Endpoints("[AllowOrigins(\"\"), AllowMethods(\"\"), AllowHeaders(\"\"), ExposeHeaders(\"\"), MaxAge(0)]", Get("\"\""))));
        Add("wildcards everywhere with credentials", File(Endpoints("[AllowOrigins(\"*\", \"null\", \"https://*.*.example.com\", \"*.example.com\", \"https://*\"), AllowMethods(\"*\"), AllowHeaders(\"*\"), ExposeHeaders(\"*\"), AllowCredentials]", Get())));

        // ---- policy classes, configuration origins, predicates and preflight options ----
        Add("policy class that does not exist", File(Endpoints("[UseCorsPolicy(typeof(Missing))]", Get())));
        Add("policy type that is not a policy class", File(Endpoints("[UseCorsPolicy(typeof(string))]", Get())));
        Add("null policy type", File(Endpoints("[UseCorsPolicy(null)]", Get())));
        Add("policy class that uses itself", File($"[CorsPolicy, UseCorsPolicy(typeof(P)), AllowOrigins({Origin})]\npublic static partial class P;\n" + Endpoints("[UseCorsPolicy(typeof(P))]", Get())));
        Add("two policy classes that use each other", File($"[CorsPolicy, UseCorsPolicy(typeof(Q)), AllowOrigins({Origin})] public static partial class P;\n[CorsPolicy, UseCorsPolicy(typeof(P))] public static partial class Q;\n" + Endpoints("[UseCorsPolicy(typeof(Q))]", Get())));
        Add("policy class that is not static partial", File($"[CorsPolicy, AllowOrigins({Origin})] public class P {{ }}\n" + Endpoints("[UseCorsPolicy(typeof(P))]", Get())));
        Add("predicate that does not exist", File(Endpoints("[AllowOriginPredicate(\"Missing\")]", Get())));
        Add("predicate of the wrong shape", File(Endpoints("[AllowOriginPredicate(nameof(Check))]", Get() + "\n    private static int Check(int origin) => origin;")));
        Add("null predicate and configuration key", File(Endpoints("[AllowOriginPredicate(null), AllowOriginsFromConfiguration(null)]", Get())));
        Add("configuration key with quotes and a newline", File(Endpoints("[AllowOriginsFromConfiguration(\"Cors:\\\"Origins\\n\")]", Get())));
        Add("preflight status out of range, and continue", File(Endpoints($"[AllowOrigins({Origin}), PreflightSuccessStatus(999), PreflightContinue, AllowPrivateNetwork]", "    [MapGet(\"/a\"), PreflightSuccessStatus(-1)] public static string Get() => \"\";")));

        // ---- MVC controllers ----
        const string Mvc = "using Microsoft.AspNetCore.Mvc;\n";
        Add("controller with half-typed route attribute", File(Mvc + $"[Route(\"api/[controller]\"), AllowOrigins({Origin})]\npublic class OrdersController : ControllerBase {{ [HttpGe] public string Get() => \"\"; }}"));
        Add("controller route with null and computed templates", File(Mvc + $"public static class C {{ public static string T => \"x\"; }}\n[Route(null), AllowOrigins({Origin})]\npublic class OrdersController : ControllerBase {{ [HttpGet(C.T)] public string Get() => \"\"; [HttpPost(null)] public string Post() => \"\"; }}"));
        Add("controller with unbalanced tokens", File(Mvc + $"[Route(\"api/[controller/]]x][[\"), AllowOrigins({Origin})]\npublic class OrdersController : ControllerBase {{ [HttpGet(\"[action\")] public string Get() => \"\"; [HttpGet(\"[]\")] public string Empty() => \"\"; }}"));
        Add("AcceptVerbs with null, empty and computed methods", File(Mvc + $"[Route(\"a\"), AllowOrigins({Origin})]\npublic class OrdersController : ControllerBase {{ [AcceptVerbs(null)] public string A() => \"\"; [AcceptVerbs(new string[0])] public string B() => \"\"; [AcceptVerbs(\"GET POST\", Route = \"b\")] public string C() => \"\"; }}"));
        Add("controller without a body and with an unclosed action", File(Mvc + $"[Route(\"a\"), AllowOrigins({Origin})]\npublic class OrdersController : ControllerBase {{ [HttpGet] public string Get(int id => \"\";"));
        Add("generic, nested and abstract controllers", File(Mvc + $"[AllowOrigins({Origin}), Route(\"g\")] public class GenericController<T> : ControllerBase {{ [HttpGet] public T? Get() => default; }}\npublic class Outer {{ [AllowOrigins({Origin}), Route(\"n\")] public class NestedController : ControllerBase {{ [HttpGet] public string Get() => \"\"; }} }}\n[AllowOrigins({Origin}), Route(\"x\")] public abstract class BaseController : ControllerBase {{ [HttpGet] public string Get() => \"\"; }}"));
        Add("controller action with ref, dynamic, tuple and pointer-free odd parameters", File(Mvc + $"[Route(\"p\"), AllowOrigins({Origin})]\npublic class OddController : ControllerBase {{ [HttpPost] public string Post(dynamic d, (int A, string B) t, int? n, string?[] s, ref int r) => \"\"; }}"));
        Add("controller inheriting its own route from a base that does not exist", File(Mvc + $"[AllowOrigins({Origin})]\npublic class OrdersController : MissingBase {{ [HttpGet(\"a\")] public string Get() => \"\"; }}"));

        return inputs;
    }
}
