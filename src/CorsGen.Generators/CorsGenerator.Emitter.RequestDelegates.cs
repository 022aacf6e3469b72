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
            var arguments = new List<string>();
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                var parameter = handler.Parameters[j];
                if (parameter.Source != ParameterSource.Body)
                {
                    continue;
                }

                w.Line($"var bodyJson{index}_{j} = {Binding}.TypeInfo<{parameter.ValueType}>(jsonOptions, {name});");
                arguments.Add($"bodyJson{index}_{j}");
                if (parameter.Inferred)
                {
                    w.Line($"var bodyIsService{index}_{j} = {Binding}.IsService(endpoints.ServiceProvider, typeof({parameter.ValueType}));");
                    arguments.Add($"bodyIsService{index}_{j}");
                }
            }

            if (handler.Result == ResultKind.Json)
            {
                w.Line($"var resultJson{index} = {Binding}.TypeInfo<{handler.ResultType}>(jsonOptions, {name});");
                arguments.Add($"resultJson{index}");
            }

            w.Line($"global::Microsoft.AspNetCore.Http.RequestDelegate handler{index} = context => Handle{index}(context{string.Concat(arguments.Select(a => ", " + a))});");
        }

        private static void EmitRequestDelegate(SourceWriter w, EndpointClassSpec cls, RouteModel route, int index)
        {
            var handler = route.Handler!;
            var parameters = new List<string> { $"{Http}.HttpContext context" };
            for (var j = 0; j < handler.Parameters.Count; j++)
            {
                var parameter = handler.Parameters[j];
                if (parameter.Source == ParameterSource.Body)
                {
                    parameters.Add($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{parameter.ValueType}> bodyJson{j}");
                    if (parameter.Inferred)
                    {
                        parameters.Add($"bool bodyIsService{j}");
                    }
                }
            }

            if (handler.Result == ResultKind.Json)
            {
                parameters.Add($"global::System.Text.Json.Serialization.Metadata.JsonTypeInfo<{handler.ResultType}> resultJson");
            }

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
                EmitBinding(w, handler.Parameters[j], j, stop);
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
                    w.Line($"await {Binding}.WriteJsonAsync(context, {awaited}!, resultJson);");
                    break;
            }

            w.Close();
        }

        private static void EmitBinding(SourceWriter w, HandlerParameterSpec parameter, int j, string stop)
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
                    w.Line($"{parameter.Type} {local};");
                    if (parameter.Inferred)
                    {
                        w.Open($"if (bodyIsService{j})");
                        w.Line($"{local} = global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<{parameter.ValueType}>(context.RequestServices);");
                        w.Close();
                        w.Open("else");
                    }
                    else
                    {
                        w.Line("{");
                        w.Indent();
                    }

                    w.Line($"var (read{j}, body{j}) = await {Binding}.ReadJsonAsync(context, bodyJson{j}, isOptional: {(parameter.IsOptional ? "true" : "false")});");
                    w.Open($"if (!read{j})");
                    w.Line(stop);
                    w.Close();
                    w.Line();
                    w.Line($"{local} = body{j}!;");
                    w.Close();
                    return;
            }

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
                w.Line("context.Response.StatusCode = 400;");
                w.Line(stop);
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
            w.Line("context.Response.StatusCode = 400;");
            w.Line(stop);
            w.Close();
        }
    }
}
