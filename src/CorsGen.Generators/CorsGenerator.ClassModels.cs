using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsGen.Generators.Model;
using CorsGen.Shared;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    /// <summary>
    /// Routes of the whole compilation -> one emit model per endpoint class. This is where compile-time
    /// knowledge of every route pays: default allowed methods are those mapped at the same pattern.
    /// </summary>
    internal static class ClassModels
    {
        public static ImmutableArray<EndpointClassModel> Build(ImmutableArray<RouteSpec> routes)
        {
            // Default allowed methods: those mapped at the pattern by routes with the same policy, so a
            // preflight never offers a method whose route another policy (another origin) owns.
            var corsMethodsByPattern = new Dictionary<(string, CorsPolicySpec), List<string>>();
            var allMethodsByPattern = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var classesByPattern = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            // Each pattern normalized once: sorting and grouping below ask for a route's key many times.
            var patternKeys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var route in routes)
            {
                if (!patternKeys.TryGetValue(route.Pattern, out var key))
                {
                    patternKeys[route.Pattern] = key = RoutePatternKey.FromTemplate(route.Pattern);
                }

                AddMethods(allMethodsByPattern, key, route.HttpMethods);
                if (route.Policy is not null)
                {
                    AddMethods(corsMethodsByPattern, (key, route.Policy), route.HttpMethods);
                    if (!classesByPattern.TryGetValue(key, out var classes))
                    {
                        classesByPattern[key] = classes = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    classes.Add(route.Class.FullyQualifiedName);
                }
            }

            var models = ImmutableArray.CreateBuilder<EndpointClassModel>();
            foreach (var group in routes.GroupBy(r => r.Class).OrderBy(g => g.Key.FullyQualifiedName, StringComparer.Ordinal))
            {
                var classRoutes = group
                    .OrderBy(r => patternKeys[r.Pattern], StringComparer.Ordinal)
                    .ThenBy(r => MethodRank(r.HttpMethods[0]))
                    .ThenBy(r => r.MethodName, StringComparer.Ordinal)
                    .ToList();
                models.Add(BuildClass(group.Key, classRoutes, patternKeys, corsMethodsByPattern, allMethodsByPattern, classesByPattern));
            }

            return models.ToImmutable();
        }

        private static EndpointClassModel BuildClass(
            EndpointClassSpec endpointClass,
            List<RouteSpec> routes,
            Dictionary<string, string> patternKeys,
            Dictionary<(string, CorsPolicySpec), List<string>> corsMethodsByPattern,
            Dictionary<string, List<string>> allMethodsByPattern,
            Dictionary<string, SortedSet<string>> classesByPattern)
        {
            var policies = new List<PolicyModel>();
            var routePolicy = new int[routes.Count];
            for (var i = 0; i < routes.Count; i++)
            {
                routePolicy[i] = -1;
                if (routes[i].Policy is { } spec)
                {
                    var allowed = spec.Methods ?? corsMethodsByPattern[(patternKeys[routes[i].Pattern], spec)].ToEquatableArray();
                    var model = new PolicyModel(spec, allowed);
                    var index = policies.IndexOf(model);
                    if (index < 0)
                    {
                        index = policies.Count;
                        policies.Add(model);
                    }

                    routePolicy[i] = index;
                }
            }

            var preflights = new List<PreflightModel>();
            foreach (var patternRoutes in Enumerable.Range(0, routes.Count)
                .Where(i => routePolicy[i] >= 0)
                .GroupBy(i => patternKeys[routes[i].Pattern]))
            {
                // Methods only [DisableCors] routes map here: never offered, whatever [AllowMethods] says
                // (routing matches methods case-insensitively, so neither is "put").
                var corsMethods = patternRoutes.SelectMany(i => routes[i].HttpMethods).ToList();
                var disabled = routes
                    .Where(r => r.Policy is null && patternKeys[r.Pattern] == patternRoutes.Key)
                    .SelectMany(r => r.HttpMethods)
                    .Where(m => m != "OPTIONS" && !corsMethods.Contains(m, StringComparer.OrdinalIgnoreCase))
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToEquatableArray();
                var dispatch = new List<MethodDispatch>();
                void Assign(string method, int policy)
                {
                    if (!dispatch.Any(d => d.Method == method) && !disabled.Contains(method, StringComparer.OrdinalIgnoreCase))
                    {
                        dispatch.Add(new MethodDispatch(method, policy));
                    }
                }

                // A method is answered first by the policy of the route that maps it (a CORS-safelisted method
                // even when [AllowMethods] leaves it out: browsers pass it unlisted)...
                foreach (var i in patternRoutes)
                {
                    var policy = policies[routePolicy[i]];
                    foreach (var method in routes[i].HttpMethods)
                    {
                        if (policy.Spec.AnyMethod || policy.AllowedMethods.Contains(method) || CorsRules.IsSafelistedMethod(method))
                        {
                            Assign(method, routePolicy[i]);
                        }
                    }
                }

                // ...then by any policy at the pattern that lists it.
                foreach (var i in patternRoutes)
                {
                    foreach (var method in policies[routePolicy[i]].AllowedMethods)
                    {
                        Assign(method, routePolicy[i]);
                    }
                }

                var anyMethodPolicy = patternRoutes.Select(i => routePolicy[i]).Where(p => policies[p].Spec.AnyMethod).DefaultIfEmpty(-1).First();
                var first = routes[patternRoutes.First()];
                var hasUserOptions = routes.Any(r => patternKeys[r.Pattern] == patternRoutes.Key && r.HttpMethods.Contains("OPTIONS"));
                var allow = string.Join(", ", allMethodsByPattern[patternRoutes.Key].OrderBy(m => m, StringComparer.OrdinalIgnoreCase));
                // Classes sharing a pattern each map a preflight route; distinct orders keep them from
                // being ambiguous when mapped under one prefix (CORSGEN010 makes their policies equal).
                var order = classesByPattern[patternRoutes.Key].TakeWhile(c => c != endpointClass.FullyQualifiedName).Count();
                var routingMethods = allMethodsByPattern[patternRoutes.Key]
                    .Concat(dispatch.Select(d => d.Method))
                    .Where(m => m != "OPTIONS")
                    .Distinct()
                    .OrderBy(MethodRank)
                    .ThenBy(m => m, StringComparer.Ordinal)
                    .ToEquatableArray();
                preflights.Add(new PreflightModel(
                    first.Pattern,
                    dispatch.OrderBy(d => MethodRank(d.Method)).ThenBy(d => d.Method, StringComparer.Ordinal).ToEquatableArray(),
                    anyMethodPolicy,
                    allow,
                    hasUserOptions,
                    order,
                    routingMethods,
                    disabled));
            }

            var routeModels = new List<RouteModel>();
            for (var i = 0; i < routes.Count; i++)
            {
                routeModels.Add(new RouteModel(routes[i].MethodName, routes[i].Pattern, routes[i].HttpMethods, routePolicy[i], routes[i].Handler));
            }

            return new EndpointClassModel(endpointClass, routeModels.ToEquatableArray(), policies.ToEquatableArray(), preflights.ToEquatableArray());
        }

        private static void AddMethods<TKey>(Dictionary<TKey, List<string>> map, TKey key, EquatableArray<string> methods)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<string>();
            }

            foreach (var method in methods)
            {
                if (!list.Contains(method))
                {
                    list.Add(method);
                }
            }

            list.Sort((a, b) => MethodRank(a) != MethodRank(b) ? MethodRank(a).CompareTo(MethodRank(b)) : string.CompareOrdinal(a, b));
        }

        /// <summary>Browsers' and RFC 9110's usual order, so emitted lists read naturally.</summary>
        internal static int MethodRank(string method) => method switch
        {
            "GET" => 0,
            "HEAD" => 1,
            "POST" => 2,
            "PUT" => 3,
            "PATCH" => 4,
            "DELETE" => 5,
            "OPTIONS" => 6,
            _ => 7,
        };
    }
}
