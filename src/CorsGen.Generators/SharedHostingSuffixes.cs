using System;

namespace CorsGen.Generators;

/// <summary>
/// Domain suffixes under which anyone can publish a site (a Vercel preview, an ngrok tunnel, a GitHub Pages
/// site): trusting every subdomain of one trusts every stranger who signs up. CORSGEN036's one home, used by
/// the parser for <c>[AllowOrigins]</c> patterns and by <c>AspNetCoreCorsAnalyzer</c> for <c>WithOrigins</c>
/// patterns and <c>EndsWith</c> checks.
/// </summary>
/// <remarks>
/// A curated part of the private section of the Public Suffix List (https://publicsuffix.org/list/,
/// publicsuffix/list public_suffix_list.dat at commit e8c9a2b2b2856b6449999dd0ec0d118f364ed0cd, 2026-08-19):
/// the hosting, tunnel and preview platforms CORS configurations name, with the list's <c>*.</c> rules kept.
/// <see cref="Unlisted"/> adds platforms that hand out subdomains but are not on the list at that commit.
/// </remarks>
internal static class SharedHostingSuffixes
{
    /// <summary>From the Public Suffix List's private section; <c>*.x</c> makes every label under <c>x</c> a suffix.</summary>
    internal static readonly string[] Listed =
    [
        "amplifyapp.com", "appspot.com", "*.awsapprunner.com", "azure-api.net", "azure-mobile.net",
        "*.azurecontainer.io", "azureedge.net", "azurefd.net", "azurestaticapps.net", "azurewebsites.net",
        "bitbucket.io", "blob.core.windows.net", "blogspot.com", "carrd.co", "cloudapp.net", "cloudfront.net",
        "cloudfunctions.net", "csb.app", "deno.dev", "*.digitaloceanspaces.com", "edgecompute.app",
        "elasticbeanstalk.com", "firebaseapp.com", "fly.dev", "github.io", "githubusercontent.com", "gitlab.io",
        "global.ssl.fastly.net", "herokuapp.com", "hf.space", "lambda-url.us-east-1.on.aws", "lovable.app",
        "myshopify.com", "netlify.app", "ngrok-free.app", "ngrok-free.dev", "ngrok.app", "ngrok.dev", "ngrok.io",
        "ngrok.pizza", "now.sh", "ondigitalocean.app", "onrender.com", "opentunnel.xyz", "pages.dev",
        "pantheonsite.io", "pythonanywhere.com", "r2.dev", "readthedocs.io", "repl.co", "replit.app", "replit.dev",
        "*.run.app", "s3.amazonaws.com", "streamlit.app", "supabase.co", "telebit.io", "trafficmanager.net",
        "translate.goog", "trycloudflare.com", "tunnelmole.net", "up.railway.app", "vercel.app", "web.app",
        "web.core.windows.net", "webflow.io", "wixsite.com", "workers.dev", "wpenginepowered.com",
    ];

    /// <summary>Not on the Public Suffix List at that commit, yet every subdomain is a stranger's: Azure Container Apps, Dev Tunnels, Codespaces ports, localtunnel, Surge, localhost.run, Serveo.</summary>
    internal static readonly string[] Unlisted =
    [
        "azurecontainerapps.io", "devtunnels.ms", "app.github.dev", "loca.lt", "surge.sh", "lhr.life", "localhost.run", "serveo.net",
    ];

    /// <summary>
    /// The shared suffix that a wildcard over <paramref name="domain"/> (<c>*.domain</c>, or an <c>EndsWith(".domain")</c>
    /// check) reaches into, or null: <paramref name="domain"/> is such a suffix, matches a <c>*.</c> rule, is a parent of
    /// one (<c>*.amazonaws.com</c> covers every S3 bucket), or is a single label (a top-level domain).
    /// </summary>
    /// <param name="domain">A host name without scheme, port or leading dot; compared case-insensitively.</param>
    public static string? Find(string domain)
    {
        domain = domain.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0)
        {
            return null;
        }

        if (domain.IndexOf('.') < 0)
        {
            return domain; // *.com, *.app: every site of a top-level domain.
        }

        foreach (var list in new[] { Listed, Unlisted })
        {
            foreach (var entry in list)
            {
                var wildcard = entry.StartsWith("*.", StringComparison.Ordinal);
                var suffix = wildcard ? entry.Substring(2) : entry;
                if (domain == suffix
                    || suffix.EndsWith("." + domain, StringComparison.Ordinal)
                    || (wildcard && IsOneLabelUnder(domain, suffix)))
                {
                    return suffix;
                }
            }
        }

        return null;
    }

    // *.run.app makes "anything.run.app" a suffix: one more label, no dot in it.
    private static bool IsOneLabelUnder(string domain, string suffix) =>
        domain.Length > suffix.Length + 1
        && domain.EndsWith("." + suffix, StringComparison.Ordinal)
        && domain.IndexOf('.') == domain.Length - suffix.Length - 1;
}
