namespace Gateway.ChannelEvents.Api;

/// <summary>
/// Body of <c>POST /admin/partners/{partnerId}/webhooks</c> and <c>POST /v1/me/webhooks</c>: where to send, which event
/// types, and optionally only these SKUs (stock and price events) or these customers (of those the owner acts for).
/// Nullable throughout so that every missing field is named.
/// </summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string?>? Events, IReadOnlyList<string?>? Skus, IReadOnlyList<string?>? CustomerIds)
{
    public const int MaxFilterEntries = 100;
    public const int MaxEntryLength = 64;

    /// <summary>Field name to what is wrong with it; empty when the request is valid.</summary>
    /// <param name="actsFor">Whether the owner acts for a customer: a filter may only narrow what the owner receives anyway.</param>
    internal Dictionary<string, string[]> Validate(string? urlRefusal, Func<string, bool> actsFor)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (urlRefusal is not null)
        {
            errors["url"] = [urlRefusal];
        }

        var known = string.Join(", ", ChannelEventTypes.All.Select(t => t.Type));
        if (Events is null || Events.Count == 0)
        {
            errors["events"] = ["At least one event type of: " + known + "."];
        }
        else if (Events.Count > ChannelEventTypes.All.Count)
        {
            errors["events"] = [$"At most {ChannelEventTypes.All.Count} types."];
        }
        else
        {
            for (var i = 0; i < Events.Count; i++)
            {
                if (!ChannelEventTypes.IsKnown(Events[i]))
                {
                    errors[$"events[{i}]"] = ["Unknown event type; known types: " + known + "."];
                }
            }
        }

        ValidateList(errors, "skus", Skus, _ => true);
        ValidateList(errors, "customerIds", CustomerIds, actsFor);
        return errors;
    }

    static void ValidateList(Dictionary<string, string[]> errors, string field, IReadOnlyList<string?>? values, Func<string, bool> allowed)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count > MaxFilterEntries)
        {
            errors[field] = [$"At most {MaxFilterEntries} entries."];
            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { Length: > 0 and <= MaxEntryLength } value || string.IsNullOrWhiteSpace(value))
            {
                errors[$"{field}[{i}]"] = [$"1 to {MaxEntryLength} characters."];
            }
            else if (!allowed(value))
            {
                // The same words for a customer that does not exist: the answer tells nothing about other customers.
                errors[$"{field}[{i}]"] = ["Not a customer this owner acts for."];
            }
        }
    }
}
