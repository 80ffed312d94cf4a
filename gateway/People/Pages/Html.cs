using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace Programmes.Gateway.People.Pages;

/// <summary>A field's error, shown in the summary (linked to the field) and beside the field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// The sign-in pages' markup: small server-rendered HTML forms with an antiforgery token, labelled fields, an error
/// summary that links to its fields, and the page's language and direction. Styled by the console's USWDS when it
/// is served on the same origin (<see cref="Stylesheet"/>); readable without it and without JavaScript.
/// </summary>
public sealed class Html(HttpContext context)
{
    public const string Stylesheet = "/assets/uswds/css/uswds.min.css";

    public int Language { get; } = Texts.LanguageIndex(CultureInfo.CurrentUICulture);

    public string T(string key) => Texts.Get(key, Language);

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public IResult Page(string titleKey, string body, IReadOnlyList<FieldError>? errors = null, int status = StatusCodes.Status200OK)
    {
        var lang = Texts.Languages[Language];
        var html = new StringBuilder(2048);
        html.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="{lang}" dir="{(lang == "ar" ? "rtl" : "ltr")}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width,initial-scale=1"><title>{(errors is { Count: > 0 } ? T("Problem") + ": " : "")}{E(T(titleKey))} – {E(T("Programmes"))}</title>
            <link rel="stylesheet" href="{Stylesheet}"></head><body><main id="main" class="grid-container usa-prose"><h1>{E(T(titleKey))}</h1>
            """);
        if (errors is { Count: > 0 })
        {
            html.Append(CultureInfo.InvariantCulture, $"""<div class="usa-alert usa-alert--error" role="alert" aria-labelledby="problem"><div class="usa-alert__body"><h2 id="problem" class="usa-alert__heading">{E(T("Problem"))}</h2><ul>""");
            foreach (var error in errors)
            {
                html.Append(CultureInfo.InvariantCulture, $"""<li><a href="#{error.Field}">{E(error.Message)}</a></li>""");
            }
            html.Append("</ul></div></div>");
        }
        html.Append(body).Append(LanguageLinks()).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>A form posting to <paramref name="action"/> (the current query string kept), with its antiforgery token.</summary>
    public string Form(string action, string fields, string submitKey)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""
            <form class="usa-form" method="post" action="{E(action + context.Request.QueryString)}" novalidate>
            <input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">{fields}
            <button class="usa-button" type="submit">{E(T(submitKey))}</button></form>
            """;
    }

    public string Field(string name, string labelKey, string type, string autocomplete, IReadOnlyList<FieldError> errors,
        string? value = null, string? hintKey = null, string? inputMode = null)
    {
        var error = errors.FirstOrDefault(e => e.Field == name);
        var describedBy = string.Join(' ', new[] { hintKey is null ? null : name + "-hint", error is null ? null : name + "-error" }.OfType<string>());
        return $"""
            <div class="usa-form-group{(error is null ? "" : " usa-form-group--error")}"><label class="usa-label" for="{name}">{E(T(labelKey))}</label>
            {(hintKey is null ? "" : $"""<div class="usa-hint" id="{name}-hint">{E(T(hintKey))}</div>""")}{(error is null ? "" : $"""<span class="usa-error-message" id="{name}-error">{E(error.Message)}</span>""")}
            <input class="usa-input" id="{name}" name="{name}" type="{type}" autocomplete="{autocomplete}"{(inputMode is null ? "" : $" inputmode=\"{inputMode}\"")}{(value is null ? "" : $" value=\"{E(value)}\"")}{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"")}{(error is null ? "" : " aria-invalid=\"true\"")} required></div>
            """;
    }

    /// <summary>The same page in each of the six languages; choosing one sets the standard culture cookie.</summary>
    private string LanguageLinks()
    {
        var links = new StringBuilder($"""<nav aria-label="{E(T("Language"))}"><ul class="usa-list usa-list--unstyled">""");
        var query = context.Request.Query.Where(q => q.Key != "culture").Select(q => $"&{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        for (var i = 0; i < Texts.Languages.Length; i++)
        {
            if (i != Language)
            {
                links.Append(CultureInfo.InvariantCulture,
                    $"""<li><a lang="{Texts.Languages[i]}" hreflang="{Texts.Languages[i]}" href="{E(context.Request.Path + "?culture=" + Texts.Languages[i] + string.Concat(query))}">{Texts.Names[i]}</a></li>""");
            }
        }
        return links.Append("</ul></nav>").ToString();
    }
}
