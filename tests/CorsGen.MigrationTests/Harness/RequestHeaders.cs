namespace CorsGen.MigrationTests.Harness;

/// <summary>Request headers the cases send; any of them except a safelisted <c>Content-Type</c> makes the browser preflight.</summary>
public static class RequestHeaders
{
    public static readonly IReadOnlyDictionary<string, string> Json = new Dictionary<string, string> { ["Content-Type"] = "application/json" };

    public static readonly IReadOnlyDictionary<string, string> Text = new Dictionary<string, string> { ["Content-Type"] = "text/plain" };

    public static IReadOnlyDictionary<string, string> With(this IReadOnlyDictionary<string, string> headers, string name, string value) =>
        new Dictionary<string, string>(headers) { [name] = value };

    public static IReadOnlyDictionary<string, string> Only(string name, string value) => new Dictionary<string, string> { [name] = value };
}
