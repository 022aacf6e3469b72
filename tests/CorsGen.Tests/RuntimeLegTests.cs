namespace CorsGen.Tests;

/// <summary>
/// CI runs this suite twice: on the SDK's runtime, and in the .NET 11 leg on the 11.0.0 runtime
/// (.ci/run sets CORSGEN_EXPECTED_RUNTIME_MAJOR there). This makes a leg that silently ran on the
/// wrong runtime fail.
/// </summary>
public sealed class RuntimeLegTests
{
    public const string ExpectedMajorVariable = "CORSGEN_EXPECTED_RUNTIME_MAJOR";

    [Fact]
    public void The_suite_runs_on_the_runtime_the_CI_leg_asked_for()
    {
        var expected = Environment.GetEnvironmentVariable(ExpectedMajorVariable) is { Length: > 0 } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 10;

        Assert.Equal(expected, Environment.Version.Major);
        Assert.Equal(expected, typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.GetName().Version!.Major);
    }
}
