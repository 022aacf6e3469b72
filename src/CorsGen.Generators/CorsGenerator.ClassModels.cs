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
            var (policies, routePolicy) = BuildPolicies(endpointClass, routes, patternKeys, corsMethodsByPattern);
            var preflights = new List<PreflightModel>();
            foreach (var patternRoutes in Enumerable.Range(0, routes.Count)
                .Where(i => routePolicy[i] >= 0)
                .GroupBy(i => patternKeys[routes[i].Pattern]))
            {
                var pattern = new PatternRoutes(patternRoutes.Key, patternRoutes.ToList(), routes, patternKeys, routePolicy);
                // Classes sharing a pattern each map a preflight route; distinct orders keep them from
                // being ambiguous when mapped under one prefix (CORSGEN010 makes their policies equal).
                var order = classesByPattern[patternRoutes.Key].TakeWhile(c => c != endpointClass.FullyQualifiedName).Count();
                preflights.Add(BuildPreflight(pattern, policies, allMethodsByPattern[patternRoutes.Key], order));
            }

            var routeModels = new List<RouteModel>();
            for (var i = 0; i < routes.Count; i++)
            {
                // An OPTIONS route of the class that a [PreflightContinue] preflight at its pattern hands on to.
                var key = patternKeys[routes[i].Pattern];
                var continued = routes[i].HttpMethods.Contains("OPTIONS")
                    ? preflights.FindIndex(p => p.Continues && patternKeys[p.Pattern] == key)
                    : -1;
                routeModels.Add(new RouteModel(routes[i].MethodName, routes[i].Pattern, routes[i].HttpMethods, routePolicy[i], routes[i].Handler, continued, routes[i].Action));
            }

            return new EndpointClassModel(endpointClass, routeModels.ToEquatableArray(), policies.ToEquatableArray(), preflights.ToEquatableArray());
        }

        /// <summary>The class's distinct policies, each named for messages and logs, and the index of each route's (-1: no CORS).</summary>
        private static (List<PolicyModel> Policies, int[] RoutePolicy) BuildPolicies(
            EndpointClassSpec endpointClass,
            List<RouteSpec> routes,
            Dictionary<string, string> patternKeys,
            Dictionary<(string, CorsPolicySpec), List<string>> corsMethodsByPattern)
        {
            var distinct = new List<(CorsPolicySpec Spec, EquatableArray<string> Allowed)>();
            var routePolicy = new int[routes.Count];
            for (var i = 0; i < routes.Count; i++)
            {
                routePolicy[i] = -1;
                if (routes[i].Policy is { } spec)
                {
                    var policy = (spec, spec.Methods ?? corsMethodsByPattern[(patternKeys[routes[i].Pattern], spec)].ToEquatableArray());
                    var index = distinct.IndexOf(policy);
                    if (index < 0)
                    {
                        index = distinct.Count;
                        distinct.Add(policy);
                    }

                    routePolicy[i] = index;
                }
            }

            // One policy is named for the class, several for the first route method of each.
            var policies = distinct
                .Select((p, index) => new PolicyModel(
                    p.Spec,
                    p.Allowed,
                    distinct.Count == 1 ? endpointClass.Name : endpointClass.Name + "." + routes[Array.IndexOf(routePolicy, index)].MethodName))
                .ToList();
            return (policies, routePolicy);
        }

        /// <summary>The CORS routes of the class at one pattern key, and the class's routes around them.</summary>
        private sealed class PatternRoutes(string key, List<int> indexes, List<RouteSpec> routes, Dictionary<string, string> patternKeys, int[] routePolicy)
        {
            public string Key { get; } = key;

            /// <summary>The indexes of the CORS routes at the pattern.</summary>
            public List<int> Indexes { get; } = indexes;

            public List<RouteSpec> Routes { get; } = routes;

            public int PolicyOf(int route) => routePolicy[route];

            /// <summary>The class's routes at the pattern, with or without CORS.</summary>
            public IEnumerable<RouteSpec> All => Routes.Where(r => patternKeys[r.Pattern] == Key);
        }

        private static PreflightModel BuildPreflight(PatternRoutes pattern, List<PolicyModel> policies, List<string> allMethods, int order)
        {
            // Methods only [DisableCors] routes map here: never offered, whatever [AllowMethods] says
            // (routing matches methods case-insensitively, so neither is "put").
            var corsMethods = pattern.Indexes.SelectMany(i => pattern.Routes[i].HttpMethods).ToList();
            var disabled = pattern.All
                .Where(r => r.Policy is null)
                .SelectMany(r => r.HttpMethods)
                .Where(m => m != "OPTIONS" && !corsMethods.Contains(m, StringComparer.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToEquatableArray();
            var dispatch = BuildDispatch(pattern, policies, disabled);
            var anyMethodPolicy = pattern.Indexes.Select(pattern.PolicyOf).Where(p => policies[p].Spec.AnyMethod).DefaultIfEmpty(-1).First();
            var hasUserOptions = pattern.All.Any(r => r.HttpMethods.Contains("OPTIONS"));
            var routingMethods = allMethods
                .Concat(dispatch.Select(d => d.Method))
                .Where(m => m != "OPTIONS")
                .Distinct()
                .OrderBy(MethodRank)
                .ThenBy(m => m, StringComparer.Ordinal)
                .ToEquatableArray();
            return new PreflightModel(
                pattern.Routes[pattern.Indexes[0]].Pattern,
                dispatch,
                anyMethodPolicy,
                string.Join(", ", allMethods.OrderBy(m => m, StringComparer.OrdinalIgnoreCase)),
                hasUserOptions,
                order,
                routingMethods,
                disabled,
                // [PreflightContinue] with somewhere to continue to: the class's own OPTIONS route at the pattern.
                Continues: hasUserOptions && dispatch.Any(d => policies[d.PolicyIndex].Spec.PreflightContinue),
                // The policy that answers a refused preflight (its Vary and logging); -1: none, a bare 403.
                RefusingPolicyIndex: dispatch.Select(d => d.PolicyIndex).Concat(new[] { anyMethodPolicy }).Where(p => p >= 0).DefaultIfEmpty(-1).First());
        }

        private static EquatableArray<MethodDispatch> BuildDispatch(PatternRoutes pattern, List<PolicyModel> policies, EquatableArray<string> disabled)
        {
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
            foreach (var i in pattern.Indexes)
            {
                var policy = policies[pattern.PolicyOf(i)];
                foreach (var method in pattern.Routes[i].HttpMethods)
                {
                    if (policy.Spec.AnyMethod || policy.AllowedMethods.Contains(method) || CorsRules.IsSafelistedMethod(method))
                    {
                        Assign(method, pattern.PolicyOf(i));
                    }
                }
            }

            // ...then by any policy at the pattern that lists it.
            foreach (var i in pattern.Indexes)
            {
                foreach (var method in policies[pattern.PolicyOf(i)].AllowedMethods)
                {
                    Assign(method, pattern.PolicyOf(i));
                }
            }

            return dispatch.OrderBy(d => MethodRank(d.Method)).ThenBy(d => d.Method, StringComparer.Ordinal).ToEquatableArray();
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
