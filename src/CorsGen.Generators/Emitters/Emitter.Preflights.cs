using System.Linq;
using CorsGen.Generators.Model;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    // The preflight handlers: one OPTIONS handler per pattern key, dispatching on the requested method.
    internal static partial class Emitter
    {
        private static void EmitPreflight(SourceWriter w, EndpointClassModel model, int index)
        {
            var preflight = model.Preflights[index];
            var nextParameter = preflight.Continues ? ", global::CorsGen.CapturedRequestDelegate options" : string.Empty;
            var nextArgument = preflight.Continues ? ", options" : string.Empty;
            w.Line();
            w.Line(preflight.HasUserOptionsRoute
                ? $"/// <summary>CORS preflights at {Xml(preflight.Pattern)}; anything else reaches this endpoint only if routing rejected every other endpoint for its method.</summary>"
                : $"/// <summary>The OPTIONS route at {Xml(preflight.Pattern)}: CORS preflights, else 405 as the framework answers.</summary>");
            w.Open($"private static {Task} Preflight{index}({Http}.HttpContext context, {EndpointPolicyType}[] policies{nextParameter})");
            w.Line("var headers = context.Request.Headers;");
            w.Line("var requestMethod = headers.AccessControlRequestMethod;");
            w.Line("var origin = headers.Origin;");
            w.Open($"if (origin.Count == 0 || {StringValuesType}.IsNullOrEmpty(requestMethod))");
            w.Line(preflight.HasUserOptionsRoute
                ? "// Not a preflight (https://fetch.spec.whatwg.org/#cors-preflight-request): answered as a method mismatch."
                : "// Not a preflight (https://fetch.spec.whatwg.org/#cors-preflight-request): no OPTIONS handler is mapped here.");
            w.Line("context.Response.StatusCode = 405;");
            w.Line($"context.Response.Headers.Allow = s_allow{index};");
            w.Line($"return {Task}.CompletedTask;");
            w.Close();
            w.Line();
            w.Line($"return AnswerPreflight{index}(context, origin, requestMethod, headers.AccessControlRequestHeaders, policies{nextArgument});");
            w.Close();

            w.Line();
            w.Open($"private static {Task} AnswerPreflight{index}({Http}.HttpContext context, {StringValuesType} origin, {StringValuesType} requestMethod, {StringValuesType} requestHeaders, {EndpointPolicyType}[] policies{nextParameter})");
            // Vary is written once, by the policy's answer or refusal (its value depends on the policy).
            w.Line("// Exactly one non-empty Origin and one method; anything else is refused, never guessed at.");
            w.Open("if (origin.Count == 1 && requestMethod.Count == 1 && origin[0] is { Length: > 0 } serializedOrigin)");
            EmitPreflightDispatch(w, model, preflight);
            w.Close();
            w.Line();
            if (preflight.RefusingPolicyIndex < 0)
            {
                w.Line("context.Response.Headers.Vary = s_preflightVary;");
                w.Line("context.Response.StatusCode = 403;");
            }
            else
            {
                w.Line($"policies[{preflight.RefusingPolicyIndex}].Refuse(context, \"method not allowed, or not exactly one Origin and one Access-Control-Request-Method\");");
            }
            w.Line($"return {Task}.CompletedTask;");
            w.Close();
        }

        /// <summary>The switch on the requested method: each case answered by its policy, the rest by an any-method policy.</summary>
        private static void EmitPreflightDispatch(SourceWriter w, EndpointClassModel model, PreflightModel preflight)
        {
            var groups = preflight.Dispatch.GroupBy(d => d.PolicyIndex).ToList();
            w.Open("switch (requestMethod[0])");
            if (groups.Count == 0 && preflight.AnyMethodPolicyIndex < 0)
            {
                w.Line("default:");
                using (w.Indented())
                {
                    w.Line("break;");
                }
            }

            // A continuing policy hands an answered preflight on to the class's own OPTIONS route; a policy with an
            // origin validator answers through the async path (completed without allocating unless the validator awaits).
            bool Continues(int policy) => preflight.Continues && model.Policies[policy].Spec.PreflightContinue;
            bool Validates(int policy) => model.Policies[policy].Spec.OriginValidator is not null;
            bool Returns(int policy) => Continues(policy) || Validates(policy);
            string Answer(int policy) => (Continues(policy), Validates(policy)) switch
            {
                (true, true) => "return policies[" + policy + "].AnswerPreflightAsync(context, serializedOrigin, origin, requestMethod, requestHeaders, options);",
                (false, true) => "return policies[" + policy + "].AnswerPreflightAsync(context, serializedOrigin, origin, requestMethod, requestHeaders);",
                (true, false) => $"return policies[{policy}].AnswerPreflight(context, serializedOrigin, origin, requestMethod, requestHeaders) ? options.Invoke(context) : {Task}.CompletedTask;",
                _ => $"policies[{policy}].AnswerPreflight(context, serializedOrigin, origin, requestMethod, requestHeaders);",
            };
            foreach (var group in groups)
            {
                foreach (var dispatch in group)
                {
                    w.Line($"case {Literal(dispatch.Method)}:");
                }

                using (w.Indented())
                {
                    w.Line(Answer(group.Key));
                    if (!Returns(group.Key))
                    {
                        w.Line($"return {Task}.CompletedTask;");
                    }
                }
            }

            if (preflight.AnyMethodPolicyIndex >= 0)
            {
                w.Line("default:");
                var notDisabled = string.Concat(preflight.DisabledMethods.Select(m =>
                    $" && !string.Equals(requestMethod[0], {Literal(m)}, global::System.StringComparison.OrdinalIgnoreCase)"));
                using (w.Indented())
                {
                    using (w.Block($"if (global::CorsGen.HttpTokens.IsToken(requestMethod[0]){notDisabled})"))
                    {
                        w.Line(Answer(preflight.AnyMethodPolicyIndex));
                        if (!Returns(preflight.AnyMethodPolicyIndex))
                        {
                            w.Line($"return {Task}.CompletedTask;");
                        }
                    }

                    w.Line();
                    w.Line("break;");
                }
            }

            w.Close();
        }
    }
}
