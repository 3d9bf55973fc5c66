using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>The admin API's rules for what it accepts (<c>Admin:*</c>).</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Letters, digits, '-', '_' and '.', 1 to 64 characters: every id either ERP issues, and nothing that reads as a list.</summary>
    public const string DefaultCustomerIdPattern = "[A-Za-z0-9._-]{1,64}";

    /// <summary>
    /// What a customer id must look like, as a whole (a .NET regular expression, anchored for you, run without
    /// backtracking so that no id can make it slow: no lookarounds or backreferences). It may never accept an empty id,
    /// whitespace, a comma, colon, semicolon, quote or control character: start-up fails naming this key otherwise.
    /// Default: <see cref="DefaultCustomerIdPattern"/>.
    /// </summary>
    [Required]
    public string CustomerIdPattern { get; set; } = DefaultCustomerIdPattern;
}

/// <summary>Fails start-up, naming <c>Admin:CustomerIdPattern</c>, for a pattern that does not compile or accepts a list-like id.</summary>
internal sealed class AdminOptionsValidation : IValidateOptions<AdminOptions>
{
    const string Key = AdminOptions.SectionName + ":" + nameof(AdminOptions.CustomerIdPattern);

    // Each would let one id read as several (a separator) or as nothing (empty, blank, a control character).
    static readonly string[] ListLike = ["", " ", "a b", "a,b", "a:b", "a;b", "a\"b", "a'b", "a\tb", "a\nb", "a\rb"];

    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.CustomerIdPattern))
        {
            return ValidateOptionsResult.Fail($"{Key} is required.");
        }

        Regex rule;
        try
        {
            rule = CustomerIdRule.Compile(options.CustomerIdPattern);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail($"{Key} is not a regular expression the gateway can run without backtracking: {e.Message}");
        }

        return ListLike.FirstOrDefault(rule.IsMatch) is { } accepted
            ? ValidateOptionsResult.Fail($"{Key} accepts the id \"{Regex.Escape(accepted)}\", which could be read as a list or as no id at all.")
            : ValidateOptionsResult.Success;
    }
}
