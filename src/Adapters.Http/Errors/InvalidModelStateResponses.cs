using AutoRfpHex.Adapters.Http.Scim;
using AutoRfpHex.Core.Scim;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AutoRfpHex.Adapters.Http.Errors;

/// <summary>Model binding failures (malformed JSON, wrong JSON types, missing required fields) in each API's error format.</summary>
public static class InvalidModelStateResponses
{
    public static IActionResult Create(ActionContext context)
    {
        var detail = Describe(context.ModelState);
        context.HttpContext.Items[ErrorDetailItem.Key] = new ErrorDetailItem(detail);
        return ApiSurfaces.Of(context.HttpContext.Request) switch
        {
            ApiSurface.Scim => new ObjectResult(ErrorResponseWriter.ScimError(400, ScimErrorTypes.InvalidSyntax, detail))
            {
                StatusCode = 400,
                ContentTypes = { ScimMediaTypes.ScimJson },
            },
            ApiSurface.OAuth => new BadRequestObjectResult(ErrorResponseWriter.OAuthError("invalid_request", detail)),
            _ => new BadRequestObjectResult(new ValidationProblemDetails(context.ModelState)
            {
                Status = 400,
                Title = "The request is invalid.",
                Detail = detail,
                Instance = context.HttpContext.Request.Path,
            })
            {
                ContentTypes = { "application/problem+json" },
            },
        };
    }

    private static string Describe(ModelStateDictionary modelState)
    {
        var problems = modelState
            .Where(e => e.Value is { Errors.Count: > 0 })
            .SelectMany(e => e.Value!.Errors.Select(err => Message(e.Key, err)))
            .Distinct()
            .ToList();

        // MVC adds "no value for 'body'" after any body it could not read; the reading error itself says more.
        if (problems.Count > 1)
        {
            problems.RemoveAll(p => p.Contains("parameter or property was not provided", StringComparison.Ordinal));
        }

        problems = problems.Take(5).ToList();
        return problems.Count == 0 ? "The request body is invalid." : string.Join(" ", problems);
    }

    private static string Message(string key, ModelError error)
    {
        // System.Text.Json puts the JSON path and position in the exception; that is the useful part for a client.
        var text = error.Exception?.Message ?? error.ErrorMessage;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "is invalid";
        }

        var field = key.TrimStart('$', '.');
        return field.Length == 0 || key == "body" ? $"Request body: {text}" : $"'{field}': {text}";
    }
}
