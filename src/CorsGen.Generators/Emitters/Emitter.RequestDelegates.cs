using System.Collections.Generic;
using System.Linq;
using CorsGen.Generators.Model;

namespace CorsGen.Generators;

public sealed partial class CorsGenerator
{
    /// <summary>
    /// Request delegates for trimmed and Native AOT builds: the handler's parameters are bound and its
    /// result written by generated code, as ASP.NET Core's Request Delegate Generator would for a Map call
    /// it could see (it cannot see CorsGen's). Only handlers <see cref="HandlerParser"/> accepted get one.
    /// </summary>
    internal static partial class Emitter
    {
        private const string Binding = "global::CorsGen.HandlerBinding";

        private static void EmitHandlerSetup(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index)
        {
            var handler = route.Handler!;
            var name = Literal(cls.Name + "." + route.MethodName);
            var types = string.Join(", ", handler.ParameterTypes.Select(t => $"typeof({t})"));
            w.Line($"var handlerMethod{index} = typeof({cls.FullyQualifiedName}).GetMethod({Literal(route.MethodName)}, global::System.Reflection.BindingFlags.Public | global::System.Reflection.BindingFlags.NonPublic | global::System.Reflection.BindingFlags.Static, null, new global::System.Type[] {{ {types} }}, null)!;");
            var captures = Captures(handler, name);
            foreach (var capture in captures)
            {
                w.Line($"var {capture.Name}{index} = {capture.Initializer};");
            }

            var passed = string.Concat(captures.Select(c => $", {c.Name}{index}"));
            // Endpoint filters (group ones included) are known only when routing builds the endpoint: filters{i}.Build, a convention, builds their pipeline then.
            w.Line($"var filters{index} = new global::CorsGen.HandlerFilters(handlerMethod{index}, jsonOptions, Invoke{index});");
            w.Line($"global::Microsoft.AspNetCore.Http.RequestDelegate handler{index} = context => filters{index}.Pipeline is null ? Handle{index}(context{passed}) : HandleFiltered{index}(context, filters{index}{passed});");
        }

        /// <summary>
        /// What a route's request delegate gets from start-up, in order: each body's JSON contract (and, for an
        /// inferred body, whether its type is a service), then the result's. The Map code declares them
        /// (name + route index) and the delegate takes them as parameters (name).
        /// </summary>
        private static List<(string Type, string Name, string Initializer)> Captures(HandlerSpec handler, string handlerName)
        {
            const string JsonTypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";
            var captures = new List<(string Type, string Name, string Initializer)>();
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                var parameter = handler.Parameters[j];
                if (parameter.Source == ParameterSource.Body)
                {
                    captures.Add(($"{JsonTypeInfo}<{parameter.ValueType}>", $"bodyJson{j}_", $"{Binding}.TypeInfo<{parameter.ValueType}>(jsonOptions, {handlerName})"));
                    if (parameter.Inferred)
                    {
                        captures.Add(("bool", $"bodyIsService{j}_", $"{Binding}.IsService(endpoints.ServiceProvider, typeof({parameter.ValueType}))"));
                    }
                }
            }

            if (handler.Result == ResultKind.Json)
            {
                captures.Add(($"{JsonTypeInfo}<{handler.ResultType}>", "resultJson_", $"{Binding}.TypeInfo<{handler.ResultType}>(jsonOptions, {handlerName})"));
            }

            return captures;
        }

        private static void EmitRequestDelegate(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index)
        {
            var handler = route.Handler!;
            var parameters = new List<string> { $"{Http}.HttpContext context" };
            parameters.AddRange(Captures(handler, Literal(cls.Name + "." + route.MethodName)).Select(c => $"{c.Type} {c.Name}"));

            var isAsync = handler.IsAwaitable || handler.Result != ResultKind.None || handler.Parameters.Any(p => p.Source == ParameterSource.Body);
            var stop = isAsync ? "return;" : $"return {Task}.CompletedTask;";
            var methods = string.Join(", ", route.HttpMethods);

            w.Line();
            w.Line($"/// <summary>Endpoint metadata of {Xml(methods)} {Xml(route.Pattern)}, as minimal APIs add it.</summary>");
            w.Open($"private static void AddHandlerMetadata{index}(global::Microsoft.AspNetCore.Builder.EndpointBuilder builder, global::System.Reflection.MethodInfo handlerMethod)");
            w.Line($"builder.DisplayName = {Literal($"HTTP: {methods} {route.Pattern} => {route.MethodName}")};");
            foreach (var body in handler.Parameters.Where(p => p.Source == ParameterSource.Body))
            {
                w.Line($"{Binding}.AcceptsJson(builder, typeof({body.ValueType}), isOptional: {(body.IsOptional ? "true" : "false")});");
            }

            if (handler.Result == ResultKind.Json)
            {
                w.Line($"{Binding}.Produces(builder, typeof({handler.ResultType}));");
            }
            else if (handler.Result == ResultKind.Text)
            {
                w.Line($"{Binding}.Produces(builder, typeof(string));");
            }
            else if (handler.Result == ResultKind.Result && handler.ResultProvidesMetadata)
            {
                w.Line($"{Binding}.PopulateMetadata<{handler.ResultType}>(builder, handlerMethod);");
            }

            w.Line($"{Binding}.AddMetadata(builder, handlerMethod);");
            w.Close();

            w.Line();
            w.Line($"/// <summary>{Xml(methods)} {Xml(route.Pattern)}: binds the parameters of <see cref=\"{Identifier(route.MethodName)}\"/>, calls it and writes its result.</summary>");
            w.Open($"private static {(isAsync ? "async " : string.Empty)}{Task} Handle{index}({string.Join(", ", parameters)})");
            var arguments = new List<string>();
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                arguments.Add($"arg{j}");
                EmitBinding(w, handler.Parameters[j], j, stop, filtered: false);
            }

            var call = $"{cls.FullyQualifiedName}.{Identifier(route.MethodName)}({string.Join(", ", arguments)})";
            var awaited = handler.IsAwaitable ? "await " + call : call;
            switch (handler.Result)
            {
                case ResultKind.None:
                    w.Line(awaited + ";");
                    if (!isAsync)
                    {
                        w.Line($"return {Task}.CompletedTask;");
                    }

                    break;
                case ResultKind.Text:
                    w.Line($"await {Binding}.WriteTextAsync(context, {awaited});");
                    break;
                case ResultKind.Result:
                    w.Line($"await {Binding}.ExecuteAsync(context, {awaited});");
                    break;
                default:
                    w.Line($"await {Binding}.WriteJsonAsync(context, {awaited}!, resultJson_);");
                    break;
            }

            w.Close();
            EmitFilteredRequestDelegate(w, cls, route, index, parameters);
        }

        /// <summary>
        /// The request delegate of a route with endpoint filters, and the pipeline's innermost call, as
        /// RequestDelegateFactory builds them: every parameter is bound first; a binding failure (a missing or
        /// unparsable value, an absent required body) sets 400 and still runs the filters, with the bound
        /// arguments; the innermost call then skips the handler (status 400 or more). A body that is not JSON
        /// or is malformed ends the request before the filters, as there.
        /// </summary>
        private static void EmitFilteredRequestDelegate(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index, List<string> parameters)
        {
            var handler = route.Handler!;
            var methods = Xml(string.Join(", ", route.HttpMethods));
            var filtered = new List<string>(parameters);
            filtered.Insert(1, "global::CorsGen.HandlerFilters filters");
            var canFail = handler.Parameters.Any(CanFailBinding);

            w.Line();
            w.Line($"/// <summary>{methods} {Xml(route.Pattern)} with endpoint filters: binds the parameters of <see cref=\"{Identifier(route.MethodName)}\"/> and runs the filters around it.</summary>");
            w.Open($"private static async {Task} HandleFiltered{index}({string.Join(", ", filtered)})");
            if (canFail)
            {
                w.Line("var failed = false;");
            }

            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                EmitBinding(w, handler.Parameters[j], j, "return;", filtered: true);
            }

            if (canFail)
            {
                w.Open("if (failed)");
                w.Line("context.Response.StatusCode = 400;");
                w.Close();
            }

            w.Line($"await filters.InvokeAsync({InvocationContext(handler)});");
            w.Close();

            var arguments = handler.Parameters.Select((p, j) => $"invocation.GetArgument<{p.Type}>({j})");
            var call = $"{cls.FullyQualifiedName}.{Identifier(route.MethodName)}({string.Join(", ", arguments)})";
            const string Empty = "global::Microsoft.AspNetCore.Http.HttpResults.EmptyHttpResult.Instance";
            w.Line();
            w.Line($"/// <summary>The innermost step of the filter pipeline of {methods} {Xml(route.Pattern)}: calls the handler unless binding failed or a filter set an error status.</summary>");
            w.Open($"private static {(handler.IsAwaitable ? "async " : string.Empty)}global::System.Threading.Tasks.ValueTask<object?> Invoke{index}({Http}.EndpointFilterInvocationContext invocation)");
            w.Open("if (global::CorsGen.HandlerFilters.SkipsHandler(invocation))");
            w.Line(handler.IsAwaitable ? $"return {Empty};" : $"return new global::System.Threading.Tasks.ValueTask<object?>({Empty});");
            w.Close();
            w.Line();
            var awaited = handler.IsAwaitable ? $"await {call}" : call;
            if (handler.Result == ResultKind.None)
            {
                w.Line(awaited + ";");
                w.Line(handler.IsAwaitable ? $"return {Empty};" : $"return new global::System.Threading.Tasks.ValueTask<object?>({Empty});");
            }
            else
            {
                w.Line(handler.IsAwaitable ? $"return {awaited};" : $"return new global::System.Threading.Tasks.ValueTask<object?>({awaited});");
            }

            w.Close();
        }

        // The invocation contexts RequestDelegateFactory uses: generic up to 8 arguments (the public Create overloads), an object list beyond.
        private static string InvocationContext(HandlerSpec handler)
        {
            var count = handler.Parameters.Count;
            var arguments = string.Concat(Enumerable.Range(0, count).Select(j => $", arg{j}"));
            return count is > 0 and <= 8
                ? $"{Http}.EndpointFilterInvocationContext.Create<{string.Join(", ", handler.Parameters.Select(p => p.Type))}>(context{arguments})"
                : $"new {Http}.DefaultEndpointFilterInvocationContext(context{arguments})";
        }

        // Whether binding the parameter can fail (a 400): a required body, a required or parsed route, query or header value.
        private static bool CanFailBinding(HandlerParameterSpec parameter) => parameter.Source switch
        {
            ParameterSource.Body => !parameter.IsOptional,
            ParameterSource.Route or ParameterSource.Query or ParameterSource.Header => !parameter.IsOptional || parameter.ValueType is not null,
            _ => false,
        };

        // A failed binding: without filters the request ends with 400; with filters the argument is its default and the filters run.
        private static void EmitFailure(SourceWriter w, string local, string stop, bool filtered)
        {
            if (filtered)
            {
                w.Line($"{local} = default!;");
                w.Line("failed = true;");
            }
            else
            {
                w.Line("context.Response.StatusCode = 400;");
                w.Line(stop);
            }
        }

        private static void EmitBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop, bool filtered)
        {
            var local = $"arg{j}";
            switch (parameter.Source)
            {
                case ParameterSource.HttpContext:
                    w.Line($"var {local} = context;");
                    return;
                case ParameterSource.HttpRequest:
                    w.Line($"var {local} = context.Request;");
                    return;
                case ParameterSource.HttpResponse:
                    w.Line($"var {local} = context.Response;");
                    return;
                case ParameterSource.CancellationToken:
                    w.Line($"var {local} = context.RequestAborted;");
                    return;
                case ParameterSource.User:
                    w.Line($"var {local} = context.User;");
                    return;
                case ParameterSource.Service:
                    w.Line(parameter.IsOptional
                        ? $"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetService<{parameter.ValueType}>(context.RequestServices);"
                        : $"var {local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueType}>(context.RequestServices);");
                    return;
                case ParameterSource.Body:
                    EmitBodyBinding(w, parameter, j, stop, filtered);
                    return;
                default:
                    EmitTextBinding(w, parameter, j, stop, filtered);
                    return;
            }
        }

        // The JSON body; an inferred one is a service instead when the container knows its type (decided at start-up).
        private static void EmitBodyBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop, bool filtered)
        {
            var local = $"arg{j}";
            w.Line($"{parameter.Type} {local};");
            if (parameter.Inferred)
            {
                w.Open($"if (bodyIsService{j}_)");
                w.Line($"{local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueType}>(context.RequestServices);");
                w.Close();
                w.Open("else");
            }
            else
            {
                w.Line("{");
                w.Indent();
            }

            // With filters an absent body is read as optional: a required one is then a failure the filters see.
            var optional = parameter.IsOptional || filtered;
            w.Line($"var (read{j}, body{j}) = await {Binding}.ReadJsonAsync(context, bodyJson{j}_, isOptional: {(optional ? "true" : "false")});");
            w.Open($"if (!read{j})");
            w.Line(stop);
            w.Close();
            w.Line();
            w.Line($"{local} = body{j}!;");
            if (filtered && !parameter.IsOptional)
            {
                w.Open($"if ({Binding}.IsAbsent(body{j}))");
                w.Line("failed = true;");
                w.Close();
            }

            w.Close();
        }

        // A route, query or header value: missing -> the default or 400; parsed when the type is not string.
        private static void EmitTextBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop, bool filtered)
        {
            var local = $"arg{j}";
            var read = parameter.Source switch
            {
                ParameterSource.Route => "RouteValue",
                ParameterSource.Query => "QueryValue",
                _ => "HeaderValue",
            };
            w.Line($"var text{j} = {Binding}.{read}(context, {Literal(parameter.Key)});");
            w.Line($"{parameter.Type} {local};");
            w.Open($"if (text{j} is null)");
            if (parameter.IsOptional)
            {
                w.Line($"{local} = {parameter.DefaultValue ?? "default"};");
            }
            else
            {
                EmitFailure(w, local, stop, filtered);
            }

            w.Close();
            if (parameter.ValueType is null)
            {
                w.Open("else");
                w.Line($"{local} = text{j};");
                w.Close();
                return;
            }

            var parse = parameter.IsEnum ? "TryParseEnum" : "TryParse";
            w.Open($"else if ({Binding}.{parse}<{parameter.ValueType}>(text{j}, out var value{j}))");
            w.Line($"{local} = value{j};");
            w.Close();
            w.Open("else");
            EmitFailure(w, local, stop, filtered);
            w.Close();
        }
    }
}
