using System.Text.RegularExpressions;
using CorsGen.PackageTests.Infrastructure;

namespace CorsGen.PackageTests;

/// <summary>
/// Consumers/Surface: a project that checks in CorsSurface.txt, built with the packed package. A new origin warns
/// at its attribute with the route and the origin; <c>dotnet build -p:CorsGenUpdateSurface=true</c> writes the
/// surface into the file as one added line; the next build is clean.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class SurfaceConsumerTests(PackageFixture package)
{
    [Fact]
    public async Task A_widened_origin_warns_at_its_attribute_and_the_update_build_rewrites_the_file()
    {
        var directory = package.CopyConsumer("Surface", "Surface");
        var surfacePath = Path.Combine(directory, "CorsSurface.txt");
        var approved = File.ReadAllLines(surfacePath);

        var clean = await package.RunInConsumerAsync(directory, "build", "-c", "Release");
        Assert.True(clean.ExitCode == 0, clean.Describe());
        Assert.False(SurfaceDiagnostic().IsMatch(clean.Output), clean.Describe());

        var endpoints = Path.Combine(directory, "Endpoints.cs");
        File.WriteAllText(endpoints, File.ReadAllText(endpoints).Replace(
            "[AllowOrigins(\"https://app.example.com\")]", "[AllowOrigins(\"https://app.example.com\", \"https://evil.example\")]", StringComparison.Ordinal));
        var widened = await package.RunInConsumerAsync(directory, "build", "-c", "Release");

        Assert.True(widened.ExitCode == 0, widened.Describe());
        var warnings = SurfaceDiagnostic().Matches(widened.Output).Select(m => m.Value).Distinct().ToList();
        var warning = Assert.Single(warnings);
        // At the [AllowOrigins] attribute (line 5, after its '['), naming the origin and the routes.
        Assert.StartsWith(Path.Combine(directory, "Endpoints.cs") + "(5,2): warning CORSGEN045: CORS exposure widened: policy ItemEndpoints: 'origin https://evil.example' is new (routes GET /items, POST /items)", warning, StringComparison.Ordinal);

        var update = await package.RunInConsumerAsync(directory, "build", "-c", "Release", "-p:CorsGenUpdateSurface=true");

        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.False(SurfaceDiagnostic().IsMatch(update.Output), update.Describe());
        Assert.Contains("CorsGen: wrote the CORS surface to " + surfacePath, update.Output, StringComparison.Ordinal);
        var updated = File.ReadAllLines(surfacePath);
        // The pull request shows the widening as one added line, nothing else.
        Assert.Equal(approved.Length + 1, updated.Length);
        var added = Assert.Single(updated.Except(approved));
        Assert.Equal("  origin https://evil.example", added);
        Assert.Equal(approved, updated.Where(l => l != added));

        var next = await package.RunInConsumerAsync(directory, "build", "-c", "Release");
        Assert.True(next.ExitCode == 0, next.Describe());
        Assert.False(SurfaceDiagnostic().IsMatch(next.Output), next.Describe());
    }

    [Fact]
    public async Task The_update_build_without_a_baseline_says_how_to_opt_in()
    {
        var directory = package.CopyConsumer("Surface", "SurfaceNoBaseline");
        var project = Path.Combine(directory, "Consumer.Surface.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("<AdditionalFiles Include=\"CorsSurface.txt\" />", "", StringComparison.Ordinal));

        var update = await package.RunInConsumerAsync(directory, "build", "-c", "Release", "-p:CorsGenUpdateSurface=true");

        Assert.True(update.ExitCode == 0, update.Describe());
        Assert.Contains("warning CORSGEN047: CorsGenUpdateSurface=true, but the project has no CorsSurface.txt to update", update.Output, StringComparison.Ordinal);
    }

    // /path/Endpoints.cs(5,2): warning CORSGEN045: message [/path/project.csproj]
    [GeneratedRegex(@"[^\s]+\([0-9]+,[0-9]+\): (?:warning|error|info) CORSGEN04[567]: [^\r\n]*", RegexOptions.Multiline)]
    private static partial Regex SurfaceDiagnostic();
}
