using CorsGen.Tests.Endpoints;
using CorsGen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;
using static CorsGen.Tests.Infrastructure.Cors;

namespace CorsGen.Tests.Security;

/// <summary>The default app plus the endpoint classes only the security tests map, through TestServer.</summary>
public sealed class AttackAppFixture : IAsyncLifetime
{
    public CorsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await CorsApp.StartAsync(app =>
    {
        CorsApp.MapAll(app);
        app.MapSecurityEndpoints();
        app.MapDisabledMethodUnderAnyMethodEndpoints();
        app.MapDisabledMethodInMethodListEndpoints();
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Every <see cref="AttackVectors"/> entry through the real pipeline against the generated handlers:
/// the decision docs/behaviour.md requires, and on every response the invariants no CORS answer may
/// break (no 500 from CorsGen, an echoed origin is byte-equal to the one Origin sent, credentials
/// never with <c>*</c>).
/// </summary>
public sealed class AttackVectorTests(AttackAppFixture fixture, ITestOutputHelper output) : IClassFixture<AttackAppFixture>
{
    /// <summary>The least number of vectors per class; docs/security.md quotes the real counts.</summary>
    private const int MinimumPerClass = 10;

    private readonly CorsApp _app = fixture.App;

    public static TheoryData<string> VectorIds => new(AttackVectors.All.Keys);

    [Theory]
    [MemberData(nameof(VectorIds))]
    public async Task Vector_gets_the_decision_the_contract_requires(string id)
    {
        var vector = AttackVectors.All[id];

        var reply = await _app.SendAsync(vector.Method, vector.Path, [.. vector.Headers]);

        try
        {
            AssertInvariants(vector, reply);
            AssertDecision(vector, reply);
        }
        catch (Xunit.Sdk.XunitException e)
        {
            // Theory names are cut short by the runner: say which vector failed.
            throw new Xunit.Sdk.XunitException($"{vector.Class}: {vector.Describe()}\n{e.Message}");
        }
    }

    [Fact]
    public void Every_attack_class_has_enough_vectors()
    {
        var counts = AttackVectors.All.Values.GroupBy(v => v.Class).ToDictionary(g => g.Key, g => g.Count());
        foreach (var attackClass in Enum.GetValues<AttackClass>())
        {
            var count = counts.GetValueOrDefault(attackClass);
            output.WriteLine($"{attackClass,-24} {count,4}");
            Assert.True(count >= MinimumPerClass, $"{attackClass} has {count} vectors, fewer than {MinimumPerClass}");
        }

        output.WriteLine($"{"total",-24} {AttackVectors.All.Count,4}");
        Assert.True(AttackVectors.All.Count >= 150, $"{AttackVectors.All.Count} vectors in all");

        // Every class proves both sides: something is refused, and (except where nothing may pass) something is allowed.
        var refusedOnly = counts.Keys.Where(c => !AttackVectors.All.Values.Any(v => v.Class == c && v.Expected is Decision.PreflightAllowed or Decision.ActualAllowed)).ToList();
        Assert.True(
            refusedOnly.All(c => c is AttackClass.InsecureScheme or AttackClass.CaseVariant or AttackClass.PathSlashOrUserinfo or AttackClass.UnescapedDot or AttackClass.WhitespaceOrControl),
            "classes without an allowed control vector: " + string.Join(", ", refusedOnly));
    }

    private static void AssertInvariants(AttackVector vector, Reply reply)
    {
        var context = $"{vector.Describe()}\n{reply}";
        Assert.False(reply.Body == CorsApp.ExceptionHandlerBody && vector.Status != 500, "the request threw\n" + context);
        Assert.False(reply.Status == 500 && vector.Status != 500, "500\n" + context);

        if (reply.Has(AllowOrigin))
        {
            var allowOrigin = reply[AllowOrigin];
            Assert.True(allowOrigin.Count == 1, "more than one Access-Control-Allow-Origin line\n" + context);
            var origin = vector.Header("Origin");
            Assert.True(origin is { Count: 1 }, "Access-Control-Allow-Origin without exactly one Origin\n" + context);
            Assert.True(
                allowOrigin[0] == "*" || string.Equals(allowOrigin[0], origin.Value[0], StringComparison.Ordinal),
                "Access-Control-Allow-Origin is neither * nor the request's origin\n" + context);
        }

        if (reply.Has(AllowCredentials))
        {
            Single(reply, AllowCredentials, "true");
            Assert.True(reply.Has(AllowOrigin) && reply[AllowOrigin][0] != "*", "credentials without an echoed origin\n" + context);
        }
    }

    private static void AssertDecision(AttackVector vector, Reply reply)
    {
        switch (vector.Expected)
        {
            case Decision.PreflightAllowed:
                Allowed(reply, vector.AllowOrigin!);
                AssertMethodAllowed(vector, reply);
                AssertRequestHeadersAllowed(vector, reply);
                CredentialsAsExpected(vector, reply);
                break;
            case Decision.PreflightRefused:
                Refused(reply);
                break;
            case Decision.NotAPreflight:
                Assert.True(reply.Status == 405, $"expected 405 for OPTIONS that is not a preflight\n{reply}");
                NoAccessControlHeaders(reply);
                break;
            case Decision.ActualAllowed:
                Assert.True(reply.Status == vector.Status, $"expected {vector.Status}\n{reply}");
                Single(reply, AllowOrigin, vector.AllowOrigin!);
                CredentialsAsExpected(vector, reply);
                VaryOrigin(reply);
                break;
            case Decision.ActualWithoutCors:
                Assert.True(reply.Status == vector.Status, $"expected {vector.Status}\n{reply}");
                ActualWithoutCors(reply);
                break;
            case Decision.CorsDisabled:
                NoAccessControlHeaders(reply);
                Assert.DoesNotContain("Origin", Tokens(reply["Vary"]), StringComparer.OrdinalIgnoreCase);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(vector), vector.Expected, null);
        }
    }

    private static void CredentialsAsExpected(AttackVector vector, Reply reply)
    {
        if (vector.Credentials)
        {
            Single(reply, AllowCredentials, "true");
        }
        else
        {
            Absent(reply, AllowCredentials);
        }
    }

    // The browser's method check: the requested method, byte for byte, is listed (or echoed).
    private static void AssertMethodAllowed(AttackVector vector, Reply reply)
    {
        var method = vector.Header(RequestMethod)!.Value[0]!;
        var listed = reply[AllowMethods].SelectMany(v => (v ?? "").Split(',')).Select(m => m.Trim(' ', '\t'));
        Assert.True(listed.Contains(method, StringComparer.Ordinal), $"Access-Control-Allow-Methods lacks '{method}'\n{reply}");
    }

    // The browser's header check: every requested name is listed (ASCII case-insensitive).
    private static void AssertRequestHeadersAllowed(AttackVector vector, Reply reply)
    {
        if (vector.Header(RequestHeaders) is not { } requested)
        {
            Absent(reply, AllowHeaders);
            return;
        }

        Assert.True(reply.Has(AllowHeaders), $"Access-Control-Allow-Headers missing although requested\n{reply}");
        var listed = new HashSet<string>(Tokens(reply[AllowHeaders]), StringComparer.OrdinalIgnoreCase);
        foreach (var name in Tokens(requested))
        {
            Assert.True(listed.Contains(name), $"Access-Control-Allow-Headers lacks '{AttackVector.Printable(name)}'\n{reply}");
        }
    }
}
