using Microsoft.Extensions.Options;

namespace Gateway.Versions;

/// <summary>
/// The <see cref="VersionRules"/> in force: compiled from <see cref="VersionsOptions"/> at start-up (where a bad
/// configuration stops the host, see <see cref="VersionsSetup"/>) and again on every reload of the configuration
/// (<see cref="IOptionsMonitor{TOptions}"/>). A reload that does not compile is refused: the error names each key, and
/// the previous rules stay in force, so a typo in a file cannot take a version down or lift its sunset.
/// </summary>
public sealed class VersionPolicies : IDisposable
{
    readonly ILogger<VersionPolicies> _logger;
    readonly IDisposable? _subscription;
    volatile VersionRules _current;

    public VersionPolicies(IOptionsMonitor<VersionsOptions> options, ILogger<VersionPolicies> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _current = VersionRules.Compile(options.CurrentValue, out var errors)
            ?? throw new OptionsValidationException(VersionsOptions.SectionName, typeof(VersionsOptions), errors);
        _subscription = options.OnChange((changed, name) =>
        {
            if (name == Options.DefaultName)
            {
                Reload(changed);
            }
        });
    }

    /// <summary>The rules in force; read once per request.</summary>
    public VersionRules Current => _current;

    /// <summary>Raised after a reload replaced the rules (GraphQL marks its fields again).</summary>
    public event Action<VersionRules>? Changed;

    /// <summary>Compiles <paramref name="options"/> and puts the rules in force; false, with the old rules kept, when it does not compile.</summary>
    public bool Reload(VersionsOptions options)
    {
        if (VersionRules.Compile(options, out var errors) is not { } rules)
        {
            if (_logger.IsEnabled(LogLevel.Error))
            {
                Log.ReloadRefused(_logger, string.Join(" ", errors));
            }

            return false;
        }

        _current = rules;
        var withLifecycle = rules.Versions.Values.Count(v => v.HasLifecycle);
        Log.Reloaded(_logger, withLifecycle, rules.Fields.Count);
        Changed?.Invoke(rules);
        return true;
    }

    public void Dispose() => _subscription?.Dispose();
}
