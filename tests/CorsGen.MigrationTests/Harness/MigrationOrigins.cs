namespace CorsGen.MigrationTests.Harness;

/// <summary>
/// The page origins the apps are driven from. CorsGen's <c>[AllowOrigins]</c> compiles the origin in,
/// so the page port is fixed (not the browser matrix's 47391, not the sample's 9000/9010).
/// </summary>
public static class MigrationOrigins
{
    public const int PagePort = 47421;

    /// <summary>The origin every app allows.</summary>
    public const string Page = "http://127.0.0.1:47421";

    /// <summary>The same page server under another host name: an origin no app lists.</summary>
    public const string ForeignPage = "http://localhost:47421";
}

/// <summary>Which page the script runs on.</summary>
public enum PageOrigin
{
    /// <summary><see cref="MigrationOrigins.Page"/>.</summary>
    Allowed,

    /// <summary><see cref="MigrationOrigins.ForeignPage"/>.</summary>
    Foreign,
}
