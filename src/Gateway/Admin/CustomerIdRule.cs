using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>The compiled <see cref="AdminOptions.CustomerIdPattern"/>: which customer ids the admin API accepts.</summary>
internal sealed class CustomerIdRule(IOptions<AdminOptions> options)
{
    readonly Regex _rule = Compile(options.Value.CustomerIdPattern);

    public string Pattern => options.Value.CustomerIdPattern;

    public bool Accepts(string? customerId) => customerId is not null && _rule.IsMatch(customerId);

    /// <summary>
    /// Anchored, so a pattern matches the whole id and not a part of it; non-backtracking, so matching takes time linear in
    /// the id whatever the pattern (no timeout to hit, no hang).
    /// </summary>
    internal static Regex Compile(string pattern) =>
        new($@"\A(?:{pattern})\z", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
}
